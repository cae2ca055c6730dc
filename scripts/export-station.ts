// npm run station:export -- OUT [--data-dir DIR]
// Writes the station's journal, its upload queue as the journal knows it and its configuration
// (never the secret) into the folder OUT, for the hospital's IT (docs/sync.md, "Support export").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSupportExport } from '../electron/services/journal';
import { defaultDataDir } from './station-files';

const USAGE = 'usage: npm run station:export -- OUT [--data-dir DIR]';

let parsed;
try {
  parsed = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true, strict: true });
} catch (err) {
  console.error(`station:export: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
const out = parsed.positionals[0];
if (!out || parsed.positionals.length > 1) {
  console.error(`station:export: name one output folder\n${USAGE}`);
  process.exit(2);
}
const stationDir = parsed.values['data-dir'] ?? path.join(defaultDataDir(), 'station');
const result = await writeSupportExport(stationDir, path.resolve(out), new Date());
console.log(`station:export: ${result.files.join(', ')} written to ${result.out}`);
