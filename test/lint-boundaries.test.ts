// The import column of docs/architecture.md is enforced by eslint.config.js; this proves the rule bites
// for each layer (a boundary rule that never fires would pass lint just the same).
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(import.meta.dirname, '..', file) });
  return result!.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/x/probe.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['shared/x/probe.ts', "import React from 'react';\nexport const a = React;\n"],
    ['shared/x/probe.ts', "import { a } from '../../electron/services/x';\nexport const b = a;\n"],
    ['shared/x/probe.ts', 'export const now = Date.now();\n'],
    ['shared/x/probe.ts', 'export const r = Math.random();\n'],
    ['renderer/x/probe.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['renderer/x/probe.ts', "import fs from 'fs';\nexport const a = fs;\n"],
    ['renderer/x/probe.ts', "import HID from 'node-hid';\nexport const a = HID;\n"],
    ['electron/services/x/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/agent/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/main/probe.ts', "import { x } from '../../renderer/db';\nexport const a = x;\n"],
    ['platform-sim/probe.ts', "import { x } from '../renderer/db';\nexport const a = x;\n"],
  ])('%s refuses: %s', async (file, code) => {
    expect(await restricted(file, code)).not.toEqual([]);
  });

  it.each([
    [
      'shared/x/probe.ts',
      "import Decimal from 'decimal.js';\nimport { z } from 'zod';\nimport { y } from '../money';\nexport const a = [Decimal, z, y];\n",
    ],
    [
      'renderer/x/probe.ts',
      "import Dexie from 'dexie';\nimport { settle } from '../../shared/settlement';\nexport const a = [Dexie, settle];\n",
    ],
    [
      'electron/services/x/probe.ts',
      "import fs from 'node:fs';\nimport { settle } from '../../../shared/settlement';\nexport const a = [fs, settle];\n",
    ],
    ['electron/main/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s allows what the architecture allows', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
