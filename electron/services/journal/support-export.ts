// `npm run station:export -- OUT`: what the hospital's IT needs when a station misbehaves — the
// journal as it is on disk, the upload queue as the journal knows it (settlements the platform has
// not answered, cancels it has not confirmed), the journal's status and the configuration — and
// nothing secret: the secret file is never read, the config is written through its public view.
import fs from 'node:fs';
import path from 'node:path';
import type { JournalIndexRow } from '../../../shared/station-api/journal';
import { loadStationConfig, StationConfigError, type StationConfig } from '../config';
import { JOURNAL_FILE, openJournal } from './journal';

export interface QueueState {
  /** settlements with no platform answer yet, oldest first */
  unanswered: { id: string; settled_at: string }[];
  /** cancels the platform has not confirmed yet */
  cancelsWaiting: { id: string; at: string }[];
  /** the latest platform answer per settlement, counted */
  answered: Record<string, number>;
}

export function queueStateOf(rows: readonly JournalIndexRow[]): QueueState {
  const settled = new Map<string, string>();
  const outcome = new Map<string, string>();
  const cancels = new Map<string, string>();
  for (const row of rows) {
    if (row.kind === 'settlement') settled.set(row.id, row.at);
    if (row.kind === 'withdrawn') settled.delete(row.id);
    if (row.kind === 'cancel') cancels.set(row.id, row.at);
    if (row.kind === 'outcome' && row.outcome) {
      outcome.set(row.id, row.outcome);
      if (row.outcome === 'cancelled') cancels.delete(row.id);
    }
  }
  const answered: Record<string, number> = {};
  for (const o of outcome.values()) answered[o] = (answered[o] ?? 0) + 1;
  return {
    unanswered: [...settled]
      .filter(([id]) => !outcome.has(id))
      .map(([id, settled_at]) => ({ id, settled_at })),
    cancelsWaiting: [...cancels].map(([id, at]) => ({ id, at })),
    answered,
  };
}

/** The configuration without anything secret (the secret lives in another file and is not read). */
function publicConfig(config: StationConfig): Record<string, unknown> {
  const { cardDevices: _devices, ...rest } = config;
  return { ...rest, cardDevices: config.cardDevices ? '(configured)' : undefined };
}

export interface SupportExport {
  out: string;
  files: string[];
}

export async function writeSupportExport(stationDir: string, out: string, now: Date): Promise<SupportExport> {
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  const files: string[] = [];
  const write = (name: string, data: string | Buffer) => {
    fs.writeFileSync(path.join(out, name), data, { mode: 0o600 });
    files.push(name);
  };
  const journal = openJournal({ dir: path.join(stationDir, 'journal') });
  try {
    write(JOURNAL_FILE, fs.readFileSync(journal.file));
    write('journal-status.json', JSON.stringify(journal.status(), null, 2));
    write('queue.json', JSON.stringify(queueStateOf(journal.index()), null, 2));
  } finally {
    await journal.close();
  }
  let config: unknown;
  try {
    config = publicConfig(loadStationConfig(stationDir));
  } catch (err) {
    if (!(err instanceof StationConfigError)) throw err;
    config = { error: err.message_en };
  }
  write('config.json', JSON.stringify(config, null, 2));
  write(
    'export.json',
    JSON.stringify({ exported_at: now.toISOString(), station_dir: stationDir, files }, null, 2),
  );
  return { out, files };
}
