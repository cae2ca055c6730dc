// Temporary folders a test helper makes for a test file, removed when the file's tests end (by the
// node project's setup file, test/support/node-setup.ts). A process 'exit' handler is not enough:
// Vitest ends its workers without it, and each run left hundreds of folders in the temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();

/** A new folder in the system's temp folder, removed after the current test file. */
export function madeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder madeTempDir made so far. */
export function removeTempDirs(): void {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  made.clear();
}
