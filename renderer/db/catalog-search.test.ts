import { describe, expect, it } from 'vitest';
import { memoryStationDb } from '../../test/support/memory-db';
import {
  classifyQuery,
  nameFragments,
  pinyinInitials,
  putCatalogRows,
  searchCatalog,
  type CatalogRow,
} from './index';

const row = (key: string, name: string): CatalogRow => ({
  key,
  name,
  entry: { name, chrgitm_lv: '02', selfpay_prop: '0.10', pric_uplmt_amt: null },
});

describe('search keys', () => {
  it('computes pinyin initials and Chinese name fragments', () => {
    expect(pinyinInitials('阿莫西林胶囊')).toBe('amxljn');
    expect(pinyinInitials('0.9%氯化钠注射液')).toBe('09lhnzsy');
    expect(nameFragments('阿莫西林胶囊 0.25g')).toEqual([
      '阿莫西林胶囊025g',
      '莫西林胶囊025g',
      '西林胶囊025g',
      '林胶囊025g',
      '胶囊025g',
      '囊025g',
    ]);
    expect(nameFragments('阿')).toEqual([]);
  });

  it('classifies what a cashier typed', () => {
    expect(classifyQuery('amxl')).toBe('pinyin');
    expect(classifyQuery('阿莫')).toBe('fragment');
    expect(classifyQuery('XJ01')).toBe('code');
    expect(classifyQuery('００１')).toBe('code');
  });
});

describe('searchCatalog', () => {
  async function seeded() {
    const db = await memoryStationDb('s');
    const rows = [
      row('XJ01CAA040A001', '阿莫西林胶囊'),
      row('XJ01CAA040A002', '阿莫西林克拉维酸钾片'),
      row('XJ01DCC050A001', '头孢呋辛酯片'),
      row('XC10AAA070A001', '阿托伐他汀钙片'),
      row('001102000010000', '普通病房床位费（三人间）'),
      row('XN02BEA010A001', '对乙酰氨基酚片'),
      row('C13020100000001', '一次性使用输液器'),
      row('ZZ', '莫莫莫莫'),
    ];
    for (let i = 0; i < 500; i++) rows.push(row(`G${String(i).padStart(6, '0')}`, `生成药品${i}号片`));
    await putCatalogRows(db, rows);
    return db;
  }

  it('finds 阿莫西林 by pinyin initials, by the start of its name, by a fragment and by code prefix', async () => {
    const db = await seeded();
    const keys = async (q: string) => (await searchCatalog(db, q)).map((r) => r.key).sort();
    expect(await keys('amxl')).toEqual(['XJ01CAA040A001', 'XJ01CAA040A002']);
    expect(await keys('AMXLJN')).toEqual(['XJ01CAA040A001']);
    expect(await keys('阿莫')).toEqual(['XJ01CAA040A001', 'XJ01CAA040A002']);
    expect(await keys('西林胶')).toEqual(['XJ01CAA040A001']);
    expect(await keys('xj01ca')).toEqual(['XJ01CAA040A001', 'XJ01CAA040A002']);
    expect(await keys('00110')).toEqual(['001102000010000']);
    expect(await keys('床位')).toEqual(['001102000010000']);
    expect(await keys('乙酰氨基')).toEqual(['XN02BEA010A001']);
    expect(await keys('')).toEqual([]);
    expect(await keys('不存在的药')).toEqual([]);
    db.close();
  });

  it('returns a row once even when the fragment occurs twice in its name, and honours the limit', async () => {
    const db = await seeded();
    expect((await searchCatalog(db, '莫莫')).map((r) => r.key)).toEqual(['ZZ']);
    expect(await searchCatalog(db, '生成药品', { limit: 7 })).toHaveLength(7);
    expect(await searchCatalog(db, 'scyp', { limit: 30 })).toHaveLength(30);
    db.close();
  });

  it('matches queries longer than the indexed key length exactly', async () => {
    const db = await seeded();
    await putCatalogRows(db, [
      row('L1', '复方甘草酸苷注射液加长名称甲'),
      row('L2', '复方甘草酸苷注射液加长名称乙'),
    ]);
    expect((await searchCatalog(db, '甘草酸苷注射液加长名称乙')).map((r) => r.key)).toEqual(['L2']);
    expect((await searchCatalog(db, 'ffgcsgzsyjcmcy')).map((r) => r.key)).toEqual(['L2']);
    db.close();
  });
});
