// Builds the renderer (vite.config.ts → out/renderer) when it is missing or older than its sources,
// so `npm start` after a `git pull` never serves yesterday's UI, and a second start costs nothing.
import fs from 'node:fs';
import path from 'node:path';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function rendererIsStale(root: string, outDir = path.join(root, 'out', 'renderer')): boolean {
  const index = path.join(outDir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(
    newestSource(path.join(root, 'renderer')),
    newestSource(path.join(root, 'shared')),
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
}

export async function buildRenderer(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'error' });
}
