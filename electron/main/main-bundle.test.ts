// The main process bundle as electron-builder will pack it: built by scripts/build-electron.ts, it
// may import only Electron, Node built-ins and the package's runtime dependencies (which the
// installer carries in node_modules); anything else would fail on the cashier's machine at launch.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMain } from '../../scripts/build-electron';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-bundle-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('main bundle', () => {
  it('imports only electron, Node built-ins and runtime dependencies', async () => {
    const file = await buildMain(outDir);
    const code = fs.readFileSync(file, 'utf8');
    const specifiers = new Set(
      [...code.matchAll(/(?:^import [^;]*? from |import\()"([^"]+)"/gm)].map((m) => m[1]!),
    );
    const pkg = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
    ) as {
      dependencies: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    const allowed = new Set([
      'electron',
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
      ...Object.keys(pkg.dependencies),
      ...Object.keys(pkg.optionalDependencies ?? {}),
    ]);
    const packageOf = (s: string) =>
      s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!;
    expect(specifiers).toContain('electron');
    expect([...specifiers].filter((s) => !allowed.has(s) && !allowed.has(packageOf(s)))).toEqual([]);
    // The main process must not carry the reference platform or its database drivers.
    expect(code).not.toMatch(/@electric-sql\/pglite|platform-sim/);
  }, 60_000);
});
