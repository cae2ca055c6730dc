// settle CLI (settlement-contract.md "Command line"): `npm run --silent settle -- request.json` or `-`
// for standard input. Result JSON on stdout, exit 0; invalid input: one JSON error on stderr, exit 1.
import { readFileSync } from 'node:fs';
import { InvalidInputError, settle } from './index';

function fail(error: { error: string; path: string; message: string }, code: number): never {
  process.stderr.write(JSON.stringify(error) + '\n');
  process.exit(code);
}

const arg = process.argv[2];
if (arg === undefined) {
  fail({ error: 'USAGE', path: '$', message: 'usage: npm run --silent settle -- <request.json | ->' }, 2);
}
let text: string;
try {
  text = readFileSync(arg === '-' ? 0 : arg, 'utf8');
} catch (e) {
  fail({ error: 'READ_FAILED', path: '$', message: `cannot read ${arg}: ${(e as Error).message}` }, 2);
}
let input: unknown;
try {
  input = JSON.parse(text);
} catch (e) {
  fail(
    {
      error: 'INVALID_INPUT',
      path: '$',
      message: `不是合法的JSON / not valid JSON: ${(e as Error).message}`,
    },
    1,
  );
}
try {
  process.stdout.write(JSON.stringify(settle(input), null, 2) + '\n');
} catch (e) {
  if (e instanceof InvalidInputError) fail(e.toJSON(), 1);
  throw e;
}
