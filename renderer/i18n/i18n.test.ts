// The translation table has no dead keys: every key of zh.ts is used somewhere in renderer/ — by t()
// with the key written out, by t() with a template of one of its parents (`setlType.${s}`), by a
// registry title, or by the text built outside React from the tables themselves (receipt, errors).
// (en.ts has exactly the keys of zh.ts: its type is zh's.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

const ROOT = join(import.meta.dirname, '..');

function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    if (
      !/\.tsx?$/.test(e.name) ||
      /\.test\.tsx?$/.test(e.name) ||
      path.includes(`${join('renderer', 'i18n')}`)
    )
      return [];
    return [{ path, text: readFileSync(path, 'utf8') }];
  });
}

function used(key: string, files: { text: string }[]): boolean {
  const parts = key.split('.');
  const ancestors = parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
  return files.some(({ text }) => {
    if (text.includes(`'${key}'`)) return true;
    if (ancestors.some((a) => text.includes(`\`${a}.\${`))) return true;
    // the tables read directly (messagesFor(lang).receipt.note[status], zh.error.failed)
    const tables = /messagesFor\(|from '\.\.\/i18n\/(zh|en)'|from '\.\.\/\.\.\/i18n\/(zh|en)'/.test(text);
    const last = parts.at(-1)!;
    const parent = parts.at(-2);
    return tables && (text.includes(`.${last}`) || (parent !== undefined && text.includes(`.${parent}[`)));
  });
}

describe('translations', () => {
  const files = sources(ROOT);

  it('every key of the table is used by a screen', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(keysOf(zh).filter((k) => !used(k, files))).toEqual([]);
  });

  it('English has every key, and no text is left empty', () => {
    expect(keysOf(en)).toEqual(keysOf(zh));
    const empty = (o: object): string[] =>
      keysOf(o).filter(
        (k) => k.split('.').reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], o) === '',
      );
    expect([...empty(zh), ...empty(en)]).toEqual([]);
  });
});
