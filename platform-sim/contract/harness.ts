// Shared set-up for the contract suites: which backends to run (PGlite always; a PostgreSQL server
// too when TEST_DATABASE_URL is set — CI sets it), a throwaway platform per suite, signed raw HTTP
// for hostile inputs, and a station client.

import { randomBytes } from 'node:crypto';
import {
  CALL_PATH,
  SIGNATURE_HEADERS,
  buildMsgid,
  cstDate,
  formatInfTime,
  signingString,
} from '../../shared/protocol';
import type { TransactionInput, TransactionOutput, UploadResult } from '../../shared/protocol';
import { hmacHex, sha256Hex } from '../http/auth';
import type { RunningPlatform, StartPlatformOptions, StationRegistration } from '../index';
import { startPlatform } from '../index';

export interface Backend {
  name: 'pglite' | 'postgres';
  databaseUrl?: string;
}

export function backends(): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [{ name: 'pglite' }, { name: 'postgres', databaseUrl: url }] : [{ name: 'pglite' }];
}

export const TODAY = '2026-06-15';
export const HOSPITAL = 'H46010600001';
export const OTHER_HOSPITAL = 'H46010800002';
export const DEVICE_CENTER = 'F46010800009';
/** ST-A and ST-B work for the demo hospital, ST-C for another hospital, ST-F for the device center. */
export const STATIONS = [
  { id: 'ST-A', secret: 'secret-a-0123456789', fixmedins_code: HOSPITAL },
  { id: 'ST-B', secret: 'secret-b-0123456789', fixmedins_code: HOSPITAL },
  { id: 'ST-C', secret: 'secret-c-0123456789', fixmedins_code: OTHER_HOSPITAL },
  { id: 'ST-F', secret: 'secret-f-0123456789', fixmedins_code: DEVICE_CENTER },
] as const satisfies readonly StationRegistration[];
export type TestStation = (typeof STATIONS)[number];

/** The contract world is seeded for a fixed day (so its figures are fixed) and its bills are dated
 * then; the offline window reaches back to it. dates.test.ts checks the window with the real clock. */
export const WINDOW_TO_TODAY = dayCount(TODAY, cstDate(Date.now())) + 30;

/** Whole days from one YYYY-MM-DD to a later one. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function startTestPlatform(
  backend: Backend,
  extra: Partial<StartPlatformOptions> = {},
): Promise<RunningPlatform> {
  const schema = `contract_${randomBytes(6).toString('hex')}`;
  return startPlatform({
    seed: 'contract',
    today: TODAY,
    stations: [...STATIONS],
    admin: true,
    maxOfflineDays: WINDOW_TO_TODAY,
    ...(backend.databaseUrl
      ? { databaseUrl: backend.databaseUrl, databaseSchema: schema, dropSchemaOnClose: true }
      : {}),
    ...extra,
  });
}

/** Options for the station's createPlatformClient (electron/services/platform-client), at the
 * station's own institution (the demo hospital for ST-A). */
export function clientOptions(
  platform: RunningPlatform,
  station: StationRegistration = STATIONS[0],
  timeoutMs = 10_000,
) {
  const inst = platform.world.institutions.find((i) => i.fixmedins_code === station.fixmedins_code)!;
  return {
    baseUrl: platform.url,
    stationId: station.id,
    secret: station.secret,
    fixmedinsCode: inst.fixmedins_code,
    fixmedinsName: inst.fixmedins_name,
    mdtrtareaAdmvs: inst.institution.mdtrtarea_admvs,
    timeoutMs,
  };
}

let seq = 0;

export function envelope(
  infno: string,
  input: unknown,
  signNo: string,
  fixmedinsCode = HOSPITAL,
): Record<string, unknown> {
  const now = Date.now();
  return {
    infno,
    msgid: buildMsgid(fixmedinsCode, now, seq++),
    mdtrtarea_admvs: fixmedinsCode.slice(1, 7),
    insuplc_admdvs: '',
    recer_sys_code: 'DSS',
    infver: 'V1.0',
    opter_type: '1',
    opter: 'tester',
    opter_name: '测试',
    inf_time: formatInfTime(now),
    fixmedins_code: fixmedinsCode,
    fixmedins_name: '海南省人民医院',
    sign_no: signNo,
    input,
  };
}

export interface RawOptions {
  station?: { id: string; secret: string };
  timestamp?: number;
  nonce?: string;
  signature?: string;
  contentType?: string;
  /** sign this instead of the body sent */
  signedBody?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  json: { infcode: number; err_code: string | null; err_msg: string | null; output: unknown } | null;
}

/** Sends any body to callService, signed (correctly unless told otherwise). */
export async function rawCall(
  platform: RunningPlatform,
  body: string | Buffer,
  o: RawOptions = {},
): Promise<RawAnswer> {
  const station = o.station ?? STATIONS[0];
  const timestamp = String(o.timestamp ?? Date.now());
  const nonce = o.nonce ?? randomBytes(16).toString('hex');
  const headers: Record<string, string> = {
    [SIGNATURE_HEADERS.station]: station.id,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]:
      o.signature ??
      hmacHex(station.secret, signingString(timestamp, nonce, sha256Hex(o.signedBody ?? body))),
  };
  const res = await fetch(platform.url + CALL_PATH, {
    method: 'POST',
    headers: { 'content-type': o.contentType ?? 'application/json; charset=utf-8', ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  let json: RawAnswer['json'] = null;
  try {
    json = JSON.parse(text) as RawAnswer['json'];
  } catch {
    json = null;
  }
  return { status: res.status, json };
}

/** 8201 through the station's client (settlements of any shape, hostile ones included). */
export async function uploadBatch(
  client: { call(infno: '8201', input: TransactionInput<'8201'>): Promise<TransactionOutput<'8201'>> },
  settlements: unknown[],
): Promise<UploadResult[]> {
  return (await client.call('8201', { data: { settlements: settlements as never } })).results;
}

/** 8201 as raw HTTP, so the test sees the status of the whole answer and settlements the client's
 * own input check would let through anyway. */
export async function rawUpload(
  platform: RunningPlatform,
  signNo: string,
  settlements: unknown[],
): Promise<{ status: number; results: UploadResult[] }> {
  const r = await rawCall(platform, JSON.stringify(envelope('8201', { data: { settlements } }, signNo)));
  return {
    status: r.status,
    results: (r.json?.output as { results?: UploadResult[] } | null)?.results ?? [],
  };
}
