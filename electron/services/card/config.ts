// Card configuration: which HID devices are card readers (VID/PID table → framing) or HID-POS
// scanners, whether the vendor DLL path runs, and whether the simulated reader (demo tray) exists.
// Validated with zod where it enters; bad config is refused with the path of the wrong field.
import { z } from 'zod';

const hex16 = z.number().int().min(0).max(0xffff);

export const readerModelSchema = z.object({
  name: z.string().min(1).max(100),
  vendorId: hex16,
  productId: hex16,
  /** Only match the interface with this usage page (vendor pages are often 0xFF00+). */
  usagePage: hex16.optional(),
  framing: z.enum(['stx-bcc', 'chunked']),
  reportSize: z.number().int().min(8).max(1024).default(64),
  /** Report id of the reader's reports; null when the device does not number its reports. */
  reportId: z.number().int().min(0).max(255).nullable().default(null),
  slot: z.union([z.literal(0), z.literal(1)]).default(0),
});

export const scannerModelSchema = z.object({
  name: z.string().min(1).max(100),
  vendorId: hex16.optional(),
  productId: hex16.optional(),
  usagePage: hex16.default(0x8c),
  /** Send feature report 0xFE = 0x01 on open (vendors that ship in keyboard mode). */
  switchToHidPos: z.boolean().default(false),
});

export const cardConfigSchema = z.object({
  readers: z.array(readerModelSchema).max(100).default([]),
  scanners: z
    .array(scannerModelSchema)
    .max(100)
    .default([{ name: 'HID-POS scanner', usagePage: 0x8c, switchToHidPos: false }]),
  dll: z
    .object({
      path: z.string().min(1).max(260),
      iType: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).default(3),
      pollMs: z.number().int().min(200).max(60_000).default(1000),
    })
    .nullable()
    .default(null),
  /** The demo tray. Its reader has a PSAM by default so 3.0 demo cards read in full; psam: false
   *  shows the partial-read path. */
  simulated: z
    .object({ enabled: z.boolean().default(true), psam: z.boolean().default(true) })
    .default({ enabled: false, psam: true }),
  /** How often to enumerate devices for hotplug (enumeration is costly: keep it slow). */
  enumerateMs: z.number().int().min(10).max(60_000).default(2000),
  /** How often an open reader is asked whether a card is present. */
  cardPollMs: z.number().int().min(10).max(10_000).default(400),
  /** How long a reader may take to answer one frame. */
  frameTimeoutMs: z.number().int().min(10).max(30_000).default(1500),
  /** Longest gap between the chunks of one HID-POS scan. */
  scanGapMs: z.number().int().min(10).max(10_000).default(300),
});

export type CardConfig = z.output<typeof cardConfigSchema>;
export type CardConfigInput = z.input<typeof cardConfigSchema>;
export type ReaderModel = z.output<typeof readerModelSchema>;
export type ScannerModel = z.output<typeof scannerModelSchema>;

export class CardConfigError extends Error {
  readonly code = 'CARD_CONFIG_INVALID';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`card config ${path || '(root)'}: ${detail}`);
    this.name = 'CardConfigError';
  }
}

export function parseCardConfig(input: unknown): CardConfig {
  const r = cardConfigSchema.safeParse(input ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new CardConfigError(issue.path.join('.'), issue.message);
  }
  return r.data;
}

/**
 * Reader models shipped as examples. The VID/PID values are placeholders to copy and edit: verify
 * the framing on hardware (cards.md: "verify on hardware before trusting a byte offset").
 */
export const EXAMPLE_READER_MODELS: readonly z.input<typeof readerModelSchema>[] = [
  {
    name: 'Generic HID SSC reader (STX/BCC)',
    vendorId: 0x0400,
    productId: 0xc35a,
    framing: 'stx-bcc',
    reportSize: 64,
    reportId: null,
  },
  {
    name: 'Generic HID SSC reader (chunked)',
    vendorId: 0x1a86,
    productId: 0xe010,
    framing: 'chunked',
    reportSize: 64,
    reportId: 0x01,
  },
];
