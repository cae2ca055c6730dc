// The StationApi contract: every method the renderer may call on the host (Electron main or the
// browser-mode agent) and every event the host may push, each with its zod schema. Main, preload,
// agent and the renderer bridge are all derived from these two maps, so a channel that is not here
// cannot be called, and a payload that does not match is refused where it enters a process.
import { z } from 'zod';
import { billLineSchema } from '../settlement';
import { billInboxChunkSchema, billInboxNameSchema, billInboxStatusSchema } from './bill-inbox';
import {
  journalEntrySchema,
  journalIndexRowSchema,
  journalStatusSchema,
  journalWithdrawSchema,
} from './journal';
import { operatorMethods } from './operators';

const text = (max: number) => z.string().max(max);
const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 time');
const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const hostModeSchema = z.enum(['electron', 'browser']);

export const platformErrorSchema = z.object({
  kind: z.enum(['transient', 'permanent']),
  errCode: z.string(),
  message: z.string(),
});

export const platformStatusSchema = z.object({
  state: z.enum(['unknown', 'online', 'offline']),
  lastSuccessAt: isoTime.nullable(),
  lastFailureAt: isoTime.nullable(),
  lastError: platformErrorSchema.nullable(),
});
export type PlatformStatus = z.infer<typeof platformStatusSchema>;

/** What a card or scan yielded: shared/card's CardRead, checked field by field as it crosses. */
const cardWarningSchema = z.object({
  code: z.enum([
    'CARD_NUMBER_CHECK',
    'CARD_EXPIRED',
    'PARTIAL_NO_PSAM',
    'QR_UNRESOLVED',
    'DATA_INCONSISTENT',
  ]),
  message_zh: text(400),
  message_en: text(400),
});
export const cardReadSchema = z.object({
  kind: z.enum(['social-security-card', 'qr-token', 'typed-id']),
  ssn: text(18),
  name: text(60),
  cardNo: text(20),
  cardId: text(40),
  region: text(6),
  specVersion: text(8),
  issued: text(10),
  expires: text(10),
  gender: z.enum(['male', 'female']).optional(),
  birthDate: text(10).optional(),
  partial: z.boolean(),
  fallbacks: z.array(z.enum(['psam-reader', 'online-resolution', 'type-id-number'])).max(3),
  warnings: z.array(cardWarningSchema).max(20),
  certType: z.enum(['01', '02', '03']),
  token: text(4000).optional(),
  symbology: text(10).optional(),
  raw: text(20_000),
  source: z.object({
    kind: z.enum(['hid-reader', 'hid-pos', 'vendor-dll', 'simulated', 'keyboard-wedge']),
    deviceId: text(400),
    label: text(200),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
  }),
});
export type CardReadEvent = z.infer<typeof cardReadSchema>;

export const cardDeviceSchema = z.object({
  id: text(400),
  kind: z.enum(['card-reader', 'qr-scanner', 'demo-tray']),
  product: text(200),
  vendorId: z.number().int().min(0).max(0xffff).nullable(),
  productId: z.number().int().min(0).max(0xffff).nullable(),
});

/** Why the devices changed: "reader unplugged", "3.0 card needs a PSAM reader"… shown to the cashier. */
export const cardNoticeSchema = z.object({
  code: z.enum([
    'DEVICE_CONNECTED',
    'DEVICE_UNPLUGGED',
    'DEVICE_OPEN_FAILED',
    'HID_UNAVAILABLE',
    'PSAM_NEEDED',
  ]),
  deviceId: text(400),
  message_zh: text(400),
  message_en: text(400),
});

export const cardStatusSchema = z.object({
  devices: z.array(cardDeviceSchema).max(64),
  demoTray: z.object({ insertedCardId: text(40).nullable() }).nullable(),
  notice: cardNoticeSchema.nullable().optional(),
});
export type CardStatus = z.infer<typeof cardStatusSchema>;

export const cardErrorEventSchema = z.object({
  deviceId: text(400),
  code: text(60),
  message_zh: text(400),
  message_en: text(400),
});

export const demoCardSchema = z.object({
  card_id: text(40),
  label_zh: text(200),
  label_en: text(200),
  spec_version: text(8),
  damaged: z.boolean(),
});
/** A card of the demo tray as the page lists it (the card service's own summary is this type). */
export type DemoCardSummary = z.infer<typeof demoCardSchema>;

const amount = z.string().regex(/^-?\d{1,12}\.\d{2}$/, 'a two-decimal amount');

/** A demo world bill as the hospital system would hand it over (demo stations only). */
export const demoBillViewSchema = z.object({
  bill_id: text(60),
  scenario: text(60),
  label_zh: text(200),
  label_en: text(200),
  psn_no: text(40),
  fixmedins_code: text(12),
  scheme: z.enum(['medical', 'work_injury']),
  setl_type: z.enum(['inpatient', 'outpatient', 'chronic_outpatient', 'rehab', 'device']),
  /** the hospital system's encounter number (住院号 / 门诊号), 8201's mdtrt_id */
  mdtrt_id: text(64).optional(),
  admission_date: text(10),
  settle_date: text(10),
  dise_codg: text(40).optional(),
  circumstances: z
    .object({
      emergency: z.boolean(),
      trauma: z.boolean(),
      trauma_commitment_signed: z.boolean(),
      third_party_liable: z.boolean(),
    })
    .partial()
    .optional(),
  lines: z
    .array(
      z.object({
        feedetl_sn: text(40),
        med_list_codg: text(60),
        name: text(200),
        cnt: z.string().regex(/^\d{1,9}(\.\d{1,4})?$/, 'a quantity'),
        pric: z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, 'a price'),
        det_item_fee_sumamt: amount,
        non_work_injury: z.boolean().optional(),
        fee_kind: billLineSchema.shape.fee_kind,
        med_chrgitm_type: billLineSchema.shape.med_chrgitm_type,
      }),
    )
    .max(2000),
  /** settle/v2: part N of a long stay settled in parts (the parts share the encounter number) */
  stay_part: z.number().int().min(1).max(999).optional(),
});
export type DemoBillView = z.infer<typeof demoBillViewSchema>;

export const stationConfigViewSchema = z.object({
  stationId: text(64),
  institution: z.object({ fixmedins_code: text(12), fixmedins_name: text(200) }),
  treatmentPlace: z.object({ mdtrtarea_admvs: z.string().regex(/^\d{6}$/) }),
  platformUrl: z.string().url(),
  secretStorage: z.enum(['safeStorage', 'file']),
  /** the wait for the person's live rows at a card read and for 2303 on F8 (docs/sync.md) */
  onlineTimeoutMs: z.number().int().min(100).max(30_000).optional(),
});
export type StationConfigView = z.infer<typeof stationConfigViewSchema>;

export const stationMethods = {
  'app.info': {
    input: empty,
    output: z.object({ name: text(100), version: text(40), mode: hostModeSchema, os: text(40) }),
  },
  /** The station's configuration as the page may see it: never the secret. */
  'config.get': { input: empty, output: stationConfigViewSchema },
  /** One platform transaction, signed in the host with the station secret. */
  'platform.call': {
    input: z.object({
      infno: z.string().regex(/^\d{4}$/, 'a 4-digit transaction code'),
      input: z.record(z.string(), z.unknown()),
      timeoutMs: z.number().int().min(100).max(120_000).optional(),
      /** The person's insured place, for the envelope's insuplc_admdvs. */
      insuplcAdmdvs: z
        .string()
        .regex(/^\d{6}$/, 'a 6-digit division code')
        .optional(),
    }),
    output: z.object({ output: z.unknown() }),
  },
  'platform.status': { input: empty, output: platformStatusSchema },
  'card.status': { input: empty, output: cardStatusSchema },
  'card.listDemoCards': { input: empty, output: z.object({ cards: z.array(demoCardSchema).max(1000) }) },
  'card.insertDemoCard': { input: z.object({ card_id: text(40).min(1) }).strict(), output: ok },
  'card.removeDemoCard': { input: empty, output: ok },
  /** The demo world's bills of one person at this station's institution (demo stations only). */
  'demo.bills': {
    input: z
      .object({ certno: text(18).optional(), psn_no: text(40).optional() })
      .strict()
      .refine((v) => Boolean(v.certno || v.psn_no), 'certno or psn_no is required'),
    output: z.object({ bills: z.array(demoBillViewSchema).max(100) }),
  },
  /** A receipt as a PDF file in the station's receipts folder. */
  'print.receiptPdf': {
    input: z
      .object({
        html: text(2_000_000).min(1),
        name: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'letters, digits, _ or -'),
      })
      .strict(),
    output: z.object({ path: text(4096) }),
  },
  /** A receipt through the system print dialog; `browser` means the page must print it itself. */
  'print.receiptDialog': {
    input: z.object({ html: text(2_000_000).min(1) }).strict(),
    output: z.object({ outcome: z.enum(['printed', 'cancelled', 'browser']) }),
  },
  /** The watched bill folder: what it offers now. */
  'billInbox.list': { input: empty, output: billInboxStatusSchema },
  /** One chunk of an offered file, from `offset`; read again from 0 if `size` or `modifiedAt` changed. */
  'billInbox.read': {
    input: z.object({ name: billInboxNameSchema, offset: z.number().int().min(0) }).strict(),
    output: billInboxChunkSchema,
  },
  /** A bill loaded from the folder moves to its `loaded` subfolder, so it is offered no more. */
  'billInbox.archive': { input: z.object({ name: billInboxNameSchema }).strict(), output: ok },
  /** Appends to the durable settlement journal; resolves once the lines are on disk (fsync). */
  'journal.append': {
    input: z.object({ entries: z.array(journalEntrySchema).min(1).max(100) }).strict(),
    output: z.object({ lastSeq: z.number().int().min(0) }),
  },
  /** Takes back the settlement line of a commit that failed in IndexedDB after the line was written:
   * cut off when it is still the journal's last line (the journal is as before), else a `withdrawn`
   * line is appended. Resolves once that is on disk. */
  'journal.withdraw': {
    input: journalWithdrawSchema,
    output: z.object({ cut: z.boolean() }),
  },
  /** Every journal line without its body, to compare with IndexedDB. */
  'journal.index': {
    input: empty,
    output: z.object({ rows: z.array(journalIndexRowSchema).max(5_000_000) }),
  },
  /** The whole entries of some settlements (every kind of line), to restore them. */
  'journal.get': {
    input: z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }).strict(),
    output: z.object({ entries: z.array(journalEntrySchema) }),
  },
  'journal.status': { input: empty, output: journalStatusSchema },
  ...operatorMethods,
  'log.write': {
    input: z
      .object({
        level: z.enum(['debug', 'info', 'warn', 'error']),
        message: text(4000),
        fields: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    output: ok,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const stationEvents = {
  'card.read': cardReadSchema,
  'card.status': cardStatusSchema,
  'card.error': cardErrorEventSchema,
  'platform.status': platformStatusSchema,
  /** the watched bill folder's offer changed (a file arrived, finished being written, or left) */
  'billInbox.changed': billInboxStatusSchema,
} as const satisfies Record<string, z.ZodType>;

export type StationChannel = keyof typeof stationMethods;
export type StationEvent = keyof typeof stationEvents;
export type StationInput<C extends StationChannel> = z.input<(typeof stationMethods)[C]['input']>;
/** The input as the host's handler gets it: parsed by the channel's schema (defaults applied). */
export type StationParsedInput<C extends StationChannel> = z.output<(typeof stationMethods)[C]['input']>;
export type StationOutput<C extends StationChannel> = z.output<(typeof stationMethods)[C]['output']>;
export type StationEventPayload<E extends StationEvent> = z.output<(typeof stationEvents)[E]>;

export const stationChannels = Object.keys(stationMethods) as StationChannel[];
export const stationEventNames = Object.keys(stationEvents) as StationEvent[];

export function isStationChannel(name: unknown): name is StationChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(stationMethods, name);
}
export function isStationEvent(name: unknown): name is StationEvent {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(stationEvents, name);
}
