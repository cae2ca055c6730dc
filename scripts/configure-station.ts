// npm run station:configure -- --station-id ID --institution CODE --institution-name NAME
//     --treatment-place ADMVS --platform-url URL --secret-file FILE [--data-dir DIR]
// Provisions a real (non-demo) station: writes config.json and the secret (a 0600 file, which the
// desktop app moves into safeStorage on its first launch). The secret is read from a file (or "-"
// for standard input), never from the command line, where other users could see it in the process list.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFileSecretStore, saveStationConfig, stationConfigSchema } from '../electron/services/config';
import { defaultDataDir } from './station-files';

const USAGE =
  'usage: npm run station:configure -- --station-id ID --institution CODE --institution-name NAME --treatment-place ADMVS --platform-url URL --secret-file FILE|- [--data-dir DIR]';

function fail(message: string): never {
  console.error(`station:configure: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'station-id': { type: 'string' },
      institution: { type: 'string' },
      'institution-name': { type: 'string' },
      'treatment-place': { type: 'string' },
      'platform-url': { type: 'string' },
      'secret-file': { type: 'string' },
      'data-dir': { type: 'string' },
    },
    strict: true,
  }));
} catch (err) {
  fail((err as Error).message);
}
for (const name of [
  'station-id',
  'institution',
  'institution-name',
  'treatment-place',
  'platform-url',
  'secret-file',
] as const) {
  if (!values[name]) fail(`--${name} is required`);
}
const parsed = stationConfigSchema.safeParse({
  stationId: values['station-id'],
  institution: { fixmedins_code: values.institution, fixmedins_name: values['institution-name'] },
  treatmentPlace: { mdtrtarea_admvs: values['treatment-place'] },
  platformUrl: values['platform-url'],
});
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  fail(`${issue.path.join('.')}: ${issue.message}`);
}
/** Reads at most MAX_SECRET_BYTES: a secret file is a line, and /dev/zero is not one. */
const MAX_SECRET_BYTES = 4096;
function readSecret(file: string): string {
  const fd = file === '-' ? 0 : fs.openSync(file, 'r');
  const buffer = Buffer.alloc(MAX_SECRET_BYTES + 1);
  let length = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_SECRET_BYTES) fail(`the secret file is larger than ${MAX_SECRET_BYTES} bytes`);
    }
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
  return buffer.subarray(0, length).toString('utf8').trim();
}

const secretFile = values['secret-file']!;
let secret: string;
try {
  secret = readSecret(secretFile);
} catch (err) {
  // The error of a failed read names the file, never its content.
  fail(`cannot read the secret file: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
}
const dir = values['data-dir'] ?? path.join(defaultDataDir(), 'station');
try {
  createFileSecretStore(dir).write(secret);
} catch (err) {
  fail(`the secret: ${(err as Error).message}`);
}
saveStationConfig(dir, parsed.data);
console.log(`station ${parsed.data.stationId} configured in ${dir}`);
