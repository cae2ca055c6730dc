// The import column of docs/architecture.md is enforced by eslint.config.js; this proves the rule bites
// for each layer (a boundary rule that never fires would pass lint just the same). So are the renderer's
// own rules: no floating promise, no union of the shared constants written out again, no store set or
// read from a component, and the folder order inside renderer/ (app → features → ui, navigation, …).
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });

async function messages(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(import.meta.dirname, '..', file) });
  return result!.messages;
}

async function restricted(file: string, code: string): Promise<string[]> {
  return (await messages(file, code))
    .filter((m) => m.ruleId?.startsWith('no-restricted'))
    .map((m) => m.message);
}

/** The rules that fire, and any parse error (a probe that does not parse would prove nothing). */
async function rules(file: string, code: string): Promise<string[]> {
  return (await messages(file, code)).map((m) => m.ruleId ?? `fatal: ${m.message}`);
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
    // inside renderer/: the shell imports the screens, never the other way round
    [
      'renderer/features/x/probe.ts',
      "import { SCREENS } from '../../app/screens';\nexport const a = SCREENS;\n",
    ],
    [
      'renderer/ui/x/probe.ts',
      "import { CounterScreen } from '../../features/counter';\nexport const a = CounterScreen;\n",
    ],
    ['renderer/ui/x/probe.ts', "import { Shell } from '../../app/Shell';\nexport const a = Shell;\n"],
    [
      'renderer/navigation/x/probe.ts',
      "import { SCREENS } from '../../app/screens';\nexport const a = SCREENS;\n",
    ],
    [
      'renderer/station/x/probe.ts',
      "import { QueueScreen } from '../../features/queue';\nexport const a = QueueScreen;\n",
    ],
    [
      'renderer/documents/x/probe.ts',
      "import { CounterScreen } from '../../features/counter';\nexport const a = CounterScreen;\n",
    ],
    [
      'renderer/features/x/probe.ts',
      "import { x } from '../../../electron/services/x';\nexport const a = x;\n",
    ],
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
    [
      'renderer/features/x/probe.ts',
      "import { Panel } from '../../ui';\nimport { defineRoute } from '../../navigation';\nimport { useStation } from '../../station';\nimport { queueRoute } from '../queue';\nexport const a = [Panel, defineRoute, useStation, queueRoute];\n",
    ],
    ['renderer/x/probe.ts', "import { SCREENS } from '../app/screens';\nexport const a = SCREENS;\n"],
  ])('%s allows what the architecture allows', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});

describe('renderer rules', () => {
  const floating = 'export async function load(): Promise<number> {\n  return 1;\n}\n';
  it.each([
    [
      'a floating promise',
      'renderer/x/probe.ts',
      `${floating}load();\n`,
      '@typescript-eslint/no-floating-promises',
    ],
    [
      'a promise whose rejection nobody handles',
      'renderer/x/probe.ts',
      `${floating}load().then((n) => n + 1);\n`,
      '@typescript-eslint/no-floating-promises',
    ],
    [
      'an async handler where React expects a void one',
      'renderer/features/x/probe.tsx',
      `${floating}export const B = () => <button onClick={load}>x</button>;\n`,
      '@typescript-eslint/no-misused-promises',
    ],
    [
      'a scheme union written out',
      'renderer/x/probe.ts',
      "export type S = 'work_injury' | 'medical';\n",
      'no-restricted-syntax',
    ],
    [
      'a settlement-type union written out',
      'renderer/x/probe.ts',
      "export interface R {\n  t: 'outpatient' | 'device' | null;\n}\n",
      'no-restricted-syntax',
    ],
    [
      'a dataset union written out',
      'renderer/x/probe.ts',
      "export type D = 'policies' | 'filings';\n",
      'no-restricted-syntax',
    ],
    [
      'a scheme list written out',
      'renderer/x/probe.ts',
      "export const s = ['medical', 'work_injury'] as const;\n",
      'no-restricted-syntax',
    ],
    [
      'a store set from a component',
      'renderer/features/x/probe.tsx',
      "import { createStore } from 'zustand/vanilla';\nconst store = createStore(() => ({ n: 0 }));\nexport const B = () => <button onClick={() => store.setState({ n: 1 })}>x</button>;\n",
      'no-restricted-syntax',
    ],
  ])('refuses %s', async (_, file, code, rule) => {
    expect(await rules(file, code)).toContain(rule);
  });

  it.each([
    ['a promise marked as ignored', 'renderer/x/probe.ts', `${floating}void load();\n`],
    [
      'a promise with a rejection handler',
      'renderer/x/probe.ts',
      `${floating}load().then(() => 1, () => 0);\n`,
    ],
    [
      'a union derived from the shared constant, and a narrowing of it',
      'renderer/x/probe.ts',
      "import type { SCHEMES } from '../../shared/settlement';\nimport type { DatasetName } from '../../shared/protocol';\nexport type S = (typeof SCHEMES)[number];\nexport type C = Extract<DatasetName, 'catalog' | 'wi_catalog'>;\n",
    ],
    [
      'a single literal of a constant',
      'renderer/x/probe.ts',
      "export const isMedical = (s: string) => s === 'medical';\n",
    ],
  ])('allows %s', async (_, file, code) => {
    expect(await rules(file, code)).toEqual([]);
  });
});
