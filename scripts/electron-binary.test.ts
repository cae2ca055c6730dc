// findElectron: is there an Electron binary for `npm start` to open, or does it fall back to browser mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectron } from './electron-binary';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-binary-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function fakeProject(name: string, layout: { pathTxt?: string; binary?: boolean }): string {
  const root = path.join(work, name);
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), '{"name":"p","type":"module"}');
  fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  fs.writeFileSync(path.join(pkg, 'index.js'), 'throw new Error("Electron failed to install correctly")');
  if (layout.pathTxt) fs.writeFileSync(path.join(pkg, 'path.txt'), layout.pathTxt);
  if (layout.binary) {
    fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'dist', layout.pathTxt!), '');
  }
  return root;
}

describe('findElectron', () => {
  it('reports a package whose download never ran', () => {
    const result = findElectron(fakeProject('no-download', {}), { tryDownload: false });
    expect(result).toEqual({
      ok: false,
      reason: 'the electron package has no binary (its download did not run)',
    });
  });
  it('reports a missing binary', () => {
    expect(
      findElectron(fakeProject('missing', { pathTxt: 'electron' }), { tryDownload: false }),
    ).toMatchObject({ ok: false, reason: /missing at/ });
  });
  it('finds an installed binary', () => {
    const root = fakeProject('installed', { pathTxt: 'electron', binary: true });
    expect(findElectron(root, { tryDownload: false })).toEqual({
      ok: true,
      binary: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });
  it('says when the package is absent', () => {
    const root = path.join(work, 'empty');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    expect(findElectron(root, { tryDownload: true })).toMatchObject({ ok: false, reason: /not installed/ });
  });
});
