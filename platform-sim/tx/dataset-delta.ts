// 8101 dataset delta: rows changed after since_ver, in version order, a page at a time. Stored row
// JSON is spliced into the answer as is (no parse and re-encode), which keeps big catalog pulls fast.

import { RawJson } from '../context';
import { readDelta } from '../db/datasets';
import type { Handler } from './types';

export const datasetDelta: Handler<'8101'> = async (ctx, { input }) => {
  const { dataset, since_ver, page_size } = input.data;
  const page = await readDelta(ctx.db, dataset, since_ver, page_size);
  return new RawJson(
    `{"rows":[${page.rowsJson.join(',')}],"deleted":${JSON.stringify(page.deleted)},"next_ver":${page.next_ver},"more":${page.more},"total_rows":${page.total_rows}}`,
  );
};
