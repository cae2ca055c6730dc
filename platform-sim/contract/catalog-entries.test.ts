// 8102 catalog entries by code (extension) over real HTTP, on PGlite and (with TEST_DATABASE_URL) on
// a PostgreSQL server: the current entries in the order asked, the codes the catalog does not hold
// (deleted ones too), a change published since, both catalogs, and the inputs it refuses.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { createPlatformClient } from '../../electron/services/platform-client';
import { MAX_CATALOG_CODES, parseDatasetRows } from '../../shared/protocol';
import { AdminClient } from '../admin-client';
import type { RunningPlatform } from '../index';
import { backends, clientOptions, envelope, rawCall, startTestPlatform } from './harness';

describe.each(backends())('8102 catalog entries by code on $name', (backend) => {
  let platform: RunningPlatform;
  let client: PlatformClient;
  let admin: AdminClient;

  beforeAll(async () => {
    platform = await startTestPlatform(backend);
    client = createPlatformClient(clientOptions(platform));
    admin = new AdminClient(platform.url);
  });
  afterAll(async () => platform?.close());

  it('answers the entries it holds in the order asked, and names the codes it does not hold', async () => {
    const [a, b] = platform.world.catalog.slice(-2);
    const out = await client.call('8102', {
      data: { dataset: 'catalog', codes: [b!.code, 'NO-SUCH-CODE', a!.code] },
    });
    expect(parseDatasetRows('catalog', out.rows)).toEqual([
      { key: b!.code, entry: b!.entry },
      { key: a!.code, entry: a!.entry },
    ]);
    expect(out.missing).toEqual(['NO-SUCH-CODE']);
  });

  it('answers the work-injury catalog apart from the medical one', async () => {
    const wi = platform.world.wi_catalog[0]!;
    const med = platform.world.catalog[0]!;
    const out = await client.call('8102', { data: { dataset: 'wi_catalog', codes: [wi.code, med.code] } });
    expect(parseDatasetRows('wi_catalog', out.rows)).toEqual([{ key: wi.code, entry: wi.entry }]);
    expect(out.missing).toEqual([med.code]);
  });

  it('answers what is published now: a changed entry as changed, a deleted one as missing', async () => {
    const [changed, deleted] = platform.world.catalog.slice(40, 42);
    const entry = { ...changed!.entry, name: `${changed!.entry.name}（新规格）`, selfpay_prop: '0.20' };
    await admin.publishCatalog({
      dataset: 'catalog',
      upserts: [{ key: changed!.code, entry }],
      deletes: [deleted!.code],
    });
    const out = await client.call('8102', {
      data: { dataset: 'catalog', codes: [changed!.code, deleted!.code] },
    });
    expect(parseDatasetRows('catalog', out.rows)).toEqual([{ key: changed!.code, entry }]);
    expect(out.missing).toEqual([deleted!.code]);
  });

  it.each([
    ['no code', { dataset: 'catalog', codes: [] }, 'data.codes'],
    [
      'too many codes',
      { dataset: 'catalog', codes: Array.from({ length: MAX_CATALOG_CODES + 1 }, (_, i) => `C${i}`) },
      'data.codes',
    ],
    ['a code twice', { dataset: 'catalog', codes: ['A', 'A'] }, 'data.codes'],
    ['an empty code', { dataset: 'catalog', codes: [''] }, 'data.codes[0]'],
    ['a code of 65 characters', { dataset: 'catalog', codes: ['X'.repeat(65)] }, 'data.codes[0]'],
    ['a control character', { dataset: 'catalog', codes: ['A\u0000'] }, 'data.codes[0]'],
    ['another dataset', { dataset: 'filings', codes: ['A'] }, 'data.dataset'],
    ['an unknown field', { dataset: 'catalog', codes: ['A'], since_ver: 0 }, 'data'],
  ])('refuses %s (INPUT_INVALID naming the path)', async (_label, data, path) => {
    const signNo = await client.signIn();
    const r = await rawCall(platform, JSON.stringify(envelope('8102', { data }, signNo)));
    expect([r.status, r.json?.err_code]).toEqual([400, 'INPUT_INVALID']);
    expect(r.json?.err_msg).toContain(path);
  });
});
