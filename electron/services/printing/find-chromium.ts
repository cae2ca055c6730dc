// Where a Chromium-family browser lives on this machine: CHROME_PATH wins, then the usual Debian,
// Ubuntu and Google names on PATH's standard directories, then the Windows and macOS install paths.
import fs from 'node:fs';
import path from 'node:path';

const UNIX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const UNIX_DIRS = ['/usr/bin', '/usr/local/bin', '/snap/bin'];

export function chromiumCandidates(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string[] {
  const list: string[] = [];
  if (env.CHROME_PATH) list.push(env.CHROME_PATH);
  if (platform === 'win32') {
    for (const base of [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]) {
      if (base)
        list.push(
          path.win32.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          path.win32.join(base, 'Chromium', 'Application', 'chrome.exe'),
        );
    }
  } else if (platform === 'darwin') {
    list.push(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    );
  } else {
    for (const dir of UNIX_DIRS) for (const name of UNIX_NAMES) list.push(path.posix.join(dir, name));
  }
  return list;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const candidate of chromiumCandidates(env)) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next one
    }
  }
  return null;
}
