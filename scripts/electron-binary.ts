// Is there an Electron binary to run? `require('electron')` answers with its path, or throws when
// the postinstall download never happened (package.json's allowScripts denies it so no machine
// downloads during `npm install`). We then try the download once, with a short timeout: on a machine
// with internet this brings the binary, here it fails fast and the caller falls back to browser mode.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronLookup = { ok: true; binary: string } | { ok: false; reason: string };

function lookup(root: string): ElectronLookup {
  const require = createRequire(path.join(root, 'package.json'));
  try {
    const resolved = require.resolve('electron');
    // The package caches its answer; read path.txt fresh instead of require() so a download done a
    // moment ago counts.
    const dir = path.dirname(resolved);
    const pathTxt = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathTxt))
      return { ok: false, reason: 'the electron package has no binary (its download did not run)' };
    const binary = path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'),
      fs.readFileSync(pathTxt, 'utf8').trim(),
    );
    return fs.existsSync(binary)
      ? { ok: true, binary }
      : { ok: false, reason: `the Electron binary is missing at ${binary}` };
  } catch (err) {
    return {
      ok: false,
      reason: `the electron package is not installed (${(err as Error).message.split('\n')[0]})`,
    };
  }
}

export function findElectron(
  root: string,
  options: { tryDownload: boolean; timeoutMs?: number },
): ElectronLookup {
  const first = lookup(root);
  if (first.ok || !options.tryDownload) return first;
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return first;
  const run = spawnSync(process.execPath, [installer], {
    cwd: path.dirname(installer),
    timeout: options.timeoutMs ?? 90_000,
    stdio: 'ignore',
  });
  const second = lookup(root);
  if (second.ok) return second;
  const why = run.error ? run.error.message : `exit code ${run.status}`;
  return { ok: false, reason: `${first.reason}; fetching it failed (${why})` };
}
