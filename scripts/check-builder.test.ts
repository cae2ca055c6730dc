// check:builder against the real electron-builder.yml and against copies with one Electron fuse
// missing or flipped: each must be named as a problem.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBuilderConfig, REQUIRED_FUSES } from './check-builder';

const root = path.resolve(import.meta.dirname, '..');
const original = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'check-builder-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function check(yaml: string): Promise<string[]> {
  const file = path.join(work, `builder-${Math.random().toString(36).slice(2)}.yml`);
  fs.writeFileSync(file, yaml);
  return checkBuilderConfig(file);
}

describe('check:builder', () => {
  it('passes the project file', async () => {
    await expect(checkBuilderConfig()).resolves.toEqual([]);
  }, 30_000);

  it.each(Object.entries(REQUIRED_FUSES))(
    'fails when the fuse %s is missing or flipped',
    async (fuse, value) => {
      const line = new RegExp(`^  ${fuse}: ${value}\\n`, 'm');
      expect(original).toMatch(line);
      expect(await check(original.replace(line, ''))).toContain(`electronFuses.${fuse} must be ${value}`);
      expect(await check(original.replace(line, `  ${fuse}: ${!value}\n`))).toEqual([
        `electronFuses.${fuse} must be ${value}`,
      ]);
    },
    30_000,
  );

  it('fails when there are no fuses at all', async () => {
    const without = original.replace(/^electronFuses:\n( {2}.*\n)+/m, '');
    expect(without).not.toContain('electronFuses');
    const problems = await check(without);
    expect(problems).toHaveLength(Object.keys(REQUIRED_FUSES).length);
  }, 30_000);
});
