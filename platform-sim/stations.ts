// The platform's station registry: each station is bound to one institution (platform-protocol.md
// "Reference platform operation"). Operators give it as a stations file (`--stations-file`: a JSON array
// of {id, secret, fixmedins_code}, readable by its owner only), tests as `--station ID:SECRET:CODE`.
// Secrets never reach the command line under `npm start`: scripts/ writes the file (0600) instead.

import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  FIXMEDINS_CODE_PATTERN,
  MIN_SECRET_LENGTH,
  STATION_ID_PATTERN,
  isUsableSecret,
} from '../shared/protocol';
import { formatPath } from '../shared/settlement';

export interface StationRegistration {
  id: string;
  secret: string;
  /** the institution the station works for: it signs in and calls only as this one */
  fixmedins_code: string;
}

/** A registry that cannot be used as given; the message names the problem (never a secret). */
export class StationsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StationsError';
  }
}

const stationSchema = z
  .object({
    id: z.string().regex(STATION_ID_PATTERN, { error: '1–64 letters, digits, _ or -' }),
    secret: z.string().refine(isUsableSecret, {
      error: `at least ${MIN_SECRET_LENGTH} characters, no spaces`,
    }),
    fixmedins_code: z.string().regex(FIXMEDINS_CODE_PATTERN, { error: '12 letters or digits' }),
  })
  .strict();

/** Checks a registry: at least one station, each well-formed, no id twice. */
export function checkStations(list: unknown): StationRegistration[] {
  const parsed = z.array(stationSchema).safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = formatPath(issue.path);
    // The messages are ours or zod's type messages: neither repeats the value, so no secret leaks.
    throw new StationsError(`stations${where === '$' ? '' : where}: ${issue.message}`);
  }
  if (parsed.data.length === 0) throw new StationsError('no station is registered');
  const seen = new Set<string>();
  for (const s of parsed.data) {
    if (seen.has(s.id)) throw new StationsError(`station id ${s.id} is registered twice`);
    seen.add(s.id);
  }
  return parsed.data;
}

/** `--station ID:SECRET:CODE` (the secret may hold colons: the id ends at the first, the code starts
 * after the last). */
export function parseStationArg(arg: string): StationRegistration {
  const first = arg.indexOf(':');
  const last = arg.lastIndexOf(':');
  if (first <= 0 || last === first)
    throw new StationsError('--station must be ID:SECRET:CODE (CODE: the institution, 12 letters or digits)');
  return { id: arg.slice(0, first), secret: arg.slice(first + 1, last), fixmedins_code: arg.slice(last + 1) };
}

/** Reads a stations file, refusing one that anyone but its owner may read or write. */
export function readStationsFile(
  file: string,
  platform: NodeJS.Platform = process.platform,
): StationRegistration[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new StationsError(`stations file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  if (!stat.isFile()) throw new StationsError(`stations file ${file} is not a regular file`);
  // Windows has no mode bits to speak of: there the folder's ACL protects the file.
  if (platform !== 'win32' && (stat.mode & 0o077) !== 0)
    throw new StationsError(
      `stations file ${file} is accessible to group or others (mode ${(stat.mode & 0o777).toString(8)}); chmod 600 it`,
    );
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new StationsError(`stations file ${file} is not JSON (an array of {id, secret, fixmedins_code})`);
  }
  if (!Array.isArray(json))
    throw new StationsError(`stations file ${file} must hold a JSON array of {id, secret, fixmedins_code}`);
  try {
    return checkStations(json);
  } catch (err) {
    throw new StationsError(`stations file ${file}: ${(err as Error).message}`);
  }
}

/** Writes a stations file readable by its owner only (a new file renamed into place, so a reader never
 * sees half of it and an old file with looser permissions is replaced, not reused). */
export function writeStationsFile(file: string, stations: StationRegistration[]): void {
  const checked = checkStations(stations);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(checked, null, 2), { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}
