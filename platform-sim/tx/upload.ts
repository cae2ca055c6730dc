// 8201 offline settlement upload: one result per settlement, in order; each settlement is its own
// transaction (settlements/upload.ts), so one bad settlement never undoes the others.

import { uploadSettlement } from '../settlements/upload';
import type { Handler } from './types';

export const upload: Handler<'8201'> = async (ctx, { station, envelope, input }) => {
  const results = [];
  for (const raw of input.data.settlements)
    results.push(await uploadSettlement(ctx, station, envelope.fixmedins_code, raw));
  return { results };
};
