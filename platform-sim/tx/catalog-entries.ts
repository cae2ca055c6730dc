// 8102 catalog entries by code (extension): the live rows of the medical or work-injury catalog for
// the codes asked, in the order asked, and the codes it does not hold. One indexed read; the stored
// row JSON is spliced into the answer as 8101 does.

import { RawJson } from '../context';
import type { Handler } from './types';

export const catalogEntries: Handler<'8102'> = async (ctx, { input }) => {
  const { dataset, codes } = input.data;
  const found = await ctx.db.query<{ key: string; row_json: string }>(
    'SELECT key, row_json FROM dataset_rows WHERE dataset = $1 AND key = ANY($2::text[]) AND NOT deleted',
    [dataset, codes],
  );
  const byKey = new Map(found.map((r) => [r.key, r.row_json]));
  const rows = codes.flatMap((c) => {
    const json = byKey.get(c);
    return json === undefined ? [] : [json];
  });
  const missing = codes.filter((c) => !byKey.has(c));
  return new RawJson(`{"rows":[${rows.join(',')}],"missing":${JSON.stringify(missing)}}`);
};
