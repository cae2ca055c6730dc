// npm run station:configure -- --station-id ID --institution CODE --institution-name NAME
//     --treatment-place ADMVS --platform-url URL --secret-file FILE [--data-dir DIR]
//     [--admin-id ID --admin-name NAME [--admin-pin-file FILE]]
// Provisions a real (non-demo) station: writes config.json and the secret (a 0600 file, which the
// desktop app moves into safeStorage on its first launch). The secret is read from a file (or "-"
// for standard input), never from the command line, where other users could see it in the process list.
// The first administrator is created here (required while the station has none); they add the
// cashiers and supervisors on the settings screen. Their PIN comes from a file (or "-"), like the
// secret, or is drawn at random and printed once.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomInt } from 'node:crypto';
import { createFileSecretStore, saveStationConfig, stationConfigSchema } from '../electron/services/config';
import { createOperatorsService, readOperatorsFile } from '../electron/services/operators';
import { isGuessablePin, newPinSchema, operatorIdSchema, operatorNameSchema } from '../shared/operators';
import { defaultDataDir } from './station-files';

const USAGE =
  'usage: npm run station:configure -- --station-id ID --institution CODE --institution-name NAME --treatment-place ADMVS --platform-url URL --secret-file FILE|- [--data-dir DIR] [--admin-id ID --admin-name NAME [--admin-pin-file FILE|-]]';

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
      'admin-id': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-pin-file': { type: 'string' },
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
const dir = values['data-dir'] ?? path.join(defaultDataDir(), 'station');
const firstAdmin = planFirstAdmin(values);

/** The administrator to create, or null when the station has one and none was asked for. */
function planFirstAdmin(
  args: Partial<Record<'admin-id' | 'admin-name' | 'admin-pin-file' | 'secret-file', string>>,
): { id: string; name: string; pinFile: string | null } | null {
  const id = args['admin-id'];
  const name = args['admin-name'];
  let hasAdmin: boolean;
  try {
    hasAdmin = readOperatorsFile(dir).accounts.some((a) => a.role === 'admin' && !a.disabled);
  } catch (err) {
    fail(`the operators file: ${(err as Error).message}`);
  }
  if (!id && !name && !args['admin-pin-file']) {
    if (hasAdmin) return null;
    fail('the station has no administrator yet: --admin-id and --admin-name are required');
  }
  const checkedId = operatorIdSchema.safeParse(id ?? '');
  if (!checkedId.success) fail(`--admin-id: ${checkedId.error.issues[0]!.message}`);
  const checkedName = operatorNameSchema.safeParse(name ?? '');
  if (!checkedName.success) fail(`--admin-name: ${checkedName.error.issues[0]!.message}`);
  const pinFile = args['admin-pin-file'] ?? null;
  if (pinFile === '-' && args['secret-file'] === '-')
    fail('the secret and the administrator PIN cannot both come from standard input');
  return { id: checkedId.data, name: checkedName.data, pinFile };
}

/** Eight random digits that are not a run or a repeat. */
function randomPin(): string {
  for (;;) {
    const pin = Array.from({ length: 8 }, () => String(randomInt(10))).join('');
    if (!isGuessablePin(pin)) return pin;
  }
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
let adminPin: string | null = null;
if (firstAdmin?.pinFile) {
  try {
    adminPin = readSecret(firstAdmin.pinFile);
  } catch (err) {
    fail(`cannot read the administrator PIN file: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const checkedPin = newPinSchema.safeParse(adminPin);
  if (!checkedPin.success) fail(`the administrator PIN: ${checkedPin.error.issues[0]!.message}`);
}
try {
  createFileSecretStore(dir).write(secret);
} catch (err) {
  fail(`the secret: ${(err as Error).message}`);
}
saveStationConfig(dir, parsed.data);
console.log(`station ${parsed.data.stationId} configured in ${dir}`);
if (firstAdmin) {
  const pin = adminPin ?? randomPin();
  const added = await createOperatorsService({ dir }).provision([
    { id: firstAdmin.id, name: firstAdmin.name, role: 'admin', pin },
  ]);
  if (added.length === 0) console.log(`operator ${firstAdmin.id} exists already: left as it is`);
  else if (adminPin) console.log(`administrator ${firstAdmin.id} created with the PIN from the file`);
  else
    console.log(
      `administrator ${firstAdmin.id} created; PIN (shown once, write it down): ${pin}\n` +
        'sign in with it, then add the cashiers and supervisors on the settings screen (F10).',
    );
}
