// Search keys for the catalog, computed once when a row is stored (search-segments.ts): a cashier
// finds 阿莫西林胶囊 by "amxl" (pinyin initials), "阿莫" or "西林" (name fragments) or "XB01" (code
// prefix, on the primary key).
import { pinyin } from 'pinyin-pro';

/** Fragments shorter than this are not indexed: a one-character query would match a large part of a
 * 300,000-row catalog and is not what a cashier types to find one item. */
export const MIN_FRAGMENT = 2;
/** Index keys are cut to this many characters; longer queries scan the cut key range and then filter
 * on the full name, so they still match exactly. */
export const MAX_KEY_CHARS = 10;

/** Lowercase, full-width ASCII folded to half-width, whitespace and punctuation dropped. */
export function normalizeSearchText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

// pinyin-pro is the most expensive step of storing a catalog row. Catalog names are a drug or item
// stem plus a form and a strength ("阿莫西林胶囊（25mg）"), so the Chinese runs repeat far more than
// whole names: initials are memoised per run of Chinese characters, within a bound. A word never
// spans a non-Chinese character, so pinyin-pro's choice among a character's readings is the same.
const runCache = new Map<string, string>();
const CACHE_LIMIT = 50_000;
const CJK_RUNS = /[\u3400-\u9fff]+/gu;

function runInitials(run: string): string {
  const cached = runCache.get(run);
  if (cached !== undefined) return cached;
  const result = pinyin(run, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  if (runCache.size >= CACHE_LIMIT) runCache.clear();
  runCache.set(run, result);
  return result;
}

/** Pinyin initials of a name: 阿莫西林胶囊 0.25g → "amxljn025g" (letters and digits kept as they are). */
export function pinyinInitials(name: string): string {
  return normalizeSearchText(name.replace(CJK_RUNS, runInitials));
}

const CJK = /[\u3400-\u9fff]/u;

// Schema version 2 kept these in a multi-entry index; only its upgrade function still computes them
// (a released upgrade is never edited). Version 3 replaced the index by search segments.

/** The suffixes of the normalised name that start at the name's beginning or at a Chinese character
 * (at least MIN_FRAGMENT characters, cut to MAX_KEY_CHARS), so a prefix range on this multi-entry
 * index finds any Chinese fragment of the name. Suffixes starting inside a run of Latin letters or
 * digits (strengths, pack sizes) are left out: they multiply index entries and nobody types them. */
export function nameFragments(name: string): string[] {
  const chars = Array.from(normalizeSearchText(name));
  const out = new Set<string>();
  for (let i = 0; i + MIN_FRAGMENT <= chars.length; i++) {
    if (i > 0 && !CJK.test(chars[i]!)) continue;
    out.add(chars.slice(i, i + MAX_KEY_CHARS).join(''));
  }
  return [...out];
}

export interface CatalogSearchKeys {
  /** One multi-entry index for both kinds of key: the pinyin initials (cut to MAX_KEY_CHARS) and
   * the name fragments. One index instead of two saves a B-tree write per row, the largest cost of
   * storing a catalog row (measured by bench:station); the two kinds rarely collide, and when they
   * do (a Latin name starting with the same letters) the match is a sensible hit anyway. */
  terms: string[];
}

export function catalogSearchKeys(name: string): CatalogSearchKeys {
  const py = pinyinInitials(name).slice(0, MAX_KEY_CHARS);
  const frags = nameFragments(name);
  return { terms: py.length > 0 && !frags.includes(py) ? [py, ...frags] : frags };
}

export type CatalogQueryKind = 'code' | 'pinyin' | 'fragment';

/** What a typed query most likely is: ASCII letters only → pinyin initials (also tried as a code);
 * contains a CJK character → name fragment; otherwise a code prefix. */
export function classifyQuery(q: string): CatalogQueryKind {
  const n = normalizeSearchText(q);
  if (CJK.test(n)) return 'fragment';
  if (/^[a-z]+$/.test(n)) return 'pinyin';
  return 'code';
}
