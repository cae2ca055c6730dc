// The settle CLI as the contract specifies it: result on stdout and exit 0; INVALID_INPUT on stderr and non-zero exit.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const fixture = join(import.meta.dirname, 'fixtures/02-worked-example-cap.request.json');
const run = (args: string[], input?: string) =>
  spawnSync('npm', ['run', '--silent', 'settle', '--', ...args], { cwd: root, input, encoding: 'utf8' });

describe('npm run --silent settle', () => {
  it('prints the result of a file and exits 0', () => {
    const out = run([fixture]);
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).setlinfo.hifob_pay).toBe('16496.47');
  });
  it('reads standard input with -', () => {
    const out = run(['-'], readFileSync(fixture, 'utf8'));
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).status).toBe('settled');
  });
  it('exits non-zero with one JSON error naming the path for invalid input', () => {
    const req = JSON.parse(readFileSync(fixture, 'utf8'));
    req.lines[3].cnt = '-1';
    const out = run(['-'], JSON.stringify(req));
    expect(out.status).not.toBe(0);
    expect(out.stdout).toBe('');
    const error = JSON.parse(out.stderr.trim());
    expect(error).toMatchObject({ error: 'INVALID_INPUT', path: 'lines[3].cnt' });
  });
  it('refuses text that is not JSON', () => {
    const out = run(['-'], '{"contract": ');
    expect(out.status).not.toBe(0);
    expect(JSON.parse(out.stderr.trim())).toMatchObject({ error: 'INVALID_INPUT', path: '$' });
  });
});
