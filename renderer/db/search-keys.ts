// Search keys for the catalog, computed once when a row is stored so that a search is one index
// range scan: a cashier finds 阿莫西林胶囊 by "amxl" (pinyin initials), "阿莫" or "西林" (name
// fragments) or "XB01" (code prefix, on the primary key).
import { pinyin } from 'pinyin-pro';

/** Fragments shorter than this are not indexed: a one-character query would match a large part of a
 * 300,000-row catalog and is not what a cashier types to find one item. */
export const MIN_FRAGMENT = 2;
/** Index keys are cut to this many characters; longer queries scan the cut key range and then filter
 * on the full name, so they still match exactly. */
export const MAX_KEY_CHARS = 10;

/** Lowercase, full-width ASCII folded to half-width, whitespace and punctuation dropped. */
export function normalizeSearchText(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC').toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(ch)) out += ch;
  }
  return out;
}

// Names repeat a lot across a catalog (strengths, pack sizes of the same drug); pinyin-pro is the
// most expensive step of storing a row, so initials are memoised per name, within a bound.
const initialsCache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Pinyin initials of a name: 阿莫西林胶囊 0.25g → "amxljn025g" (letters and digits kept as they are). */
export function pinyinInitials(name: string): string {
  const cached = initialsCache.get(name);
  if (cached !== undefined) return cached;
  const letters = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const result = normalizeSearchText(letters.join(''));
  if (initialsCache.size >= CACHE_LIMIT) initialsCache.clear();
  initialsCache.set(name, result);
  return result;
}

const CJK = /[\u3400-\u9fff]/u;

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
