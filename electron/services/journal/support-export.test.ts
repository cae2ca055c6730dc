import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileSecretStore, saveStationConfig } from '../config';
import { openJournal, queueStateOf } from './index';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const at = '2026-12-03T10:00:00.000Z';
const SECRET = 'S3cret-never-in-an-export-0123456789';

describe('support export', () => {
  it('tells unanswered settlements and waiting cancels from answered ones', () => {
    expect(
      queueStateOf([
        { seq: 1, kind: 'settlement', id: 'A', at },
        { seq: 2, kind: 'settlement', id: 'B', at },
        { seq: 3, kind: 'outcome', id: 'A', at, outcome: 'confirmed' },
        { seq: 4, kind: 'cancel', id: 'A', at },
        { seq: 5, kind: 'settlement', id: 'C', at },
        { seq: 6, kind: 'outcome', id: 'C', at, outcome: 'confirmed' },
        { seq: 7, kind: 'cancel', id: 'C', at },
        { seq: 8, kind: 'outcome', id: 'C', at, outcome: 'cancelled' },
      ]),
    ).toEqual({
      unanswered: [{ id: 'B', settled_at: at }],
      cancelsWaiting: [{ id: 'A', at }],
      answered: { confirmed: 1, cancelled: 1 },
    });
  });

  it('npm run station:export writes journal, queue and config, and never the secret', async () => {
    const stationDir = path.join(work, 'station');
    saveStationConfig(stationDir, {
      stationId: 'ST-EXPORT',
      institution: { fixmedins_code: 'H46010800001', fixmedins_name: '演示医院' },
      treatmentPlace: { mdtrtarea_admvs: '460108' },
      platformUrl: 'https://platform.example/',
    });
    createFileSecretStore(stationDir).write(SECRET);
    const journal = openJournal({ dir: path.join(stationDir, 'journal') });
    await journal.append([{ kind: 'outcome', id: 'X1', at, body: { outcome: 'rejected', setl_id: null } }]);
    await journal.close();
    const out = path.join(work, 'out');
    const printed = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/export-station.ts', out, '--data-dir', stationDir],
      { encoding: 'utf8' },
    );
    expect(printed).toContain('journal.jsonl');
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual([
      'config.json',
      'export.json',
      'journal-status.json',
      'journal.jsonl',
      'queue.json',
    ]);
    for (const f of files) expect(fs.readFileSync(path.join(out, f), 'utf8')).not.toContain(SECRET);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'config.json'), 'utf8'))).toMatchObject({
      stationId: 'ST-EXPORT',
    });
    expect(fs.readFileSync(path.join(out, 'journal.jsonl'), 'utf8')).toContain('"X1"');
  });
});
