// Layout of the SSSE application's two basic files (card specification part 3 and the V2.0
// file-structure notice): which tag lives in which EF, its format and its length.

export type FieldFormat = 'cn' | 'an' | 'gbk' | 'b';

export interface FieldSpec {
  tag: number;
  name: string;
  format: FieldFormat;
  length: number; // value bytes
}

export const EF05 = 0xef05;
export const EF06 = 0xef06;

export const EF05_FIELDS: readonly FieldSpec[] = [
  { tag: 0x01, name: 'cardId', format: 'b', length: 16 }, // 卡识别码: shown as 32 hex characters
  { tag: 0x02, name: 'cardType', format: 'an', length: 1 },
  { tag: 0x03, name: 'specVersion', format: 'an', length: 4 },
  { tag: 0x04, name: 'initOrg', format: 'b', length: 12 },
  { tag: 0x05, name: 'issued', format: 'cn', length: 4 },
  { tag: 0x06, name: 'expires', format: 'cn', length: 4 },
  { tag: 0x07, name: 'cardNo', format: 'an', length: 9 },
];

export const EF06_FIELDS: readonly FieldSpec[] = [
  { tag: 0x08, name: 'ssn', format: 'an', length: 18 },
  { tag: 0x09, name: 'name', format: 'gbk', length: 30 },
  { tag: 0x4e, name: 'nameExt', format: 'gbk', length: 20 },
  { tag: 0x0a, name: 'gender', format: 'an', length: 1 },
  { tag: 0x0b, name: 'ethnicity', format: 'cn', length: 1 },
  { tag: 0x0c, name: 'birthplace', format: 'cn', length: 3 },
  { tag: 0x0d, name: 'birthDate', format: 'cn', length: 4 },
];

/** Tags a card may lack without being damaged (the name extension exists only for long names). */
export const OPTIONAL_TAGS: ReadonlySet<number> = new Set([0x04, 0x4e, 0x0b, 0x0c]);
