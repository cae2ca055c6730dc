// 8201 offline settlement upload: one result per settlement, in order. The batch settles in one
// transaction and, when that fails, one transaction per settlement (settlements/upload.ts), so one
// bad settlement never undoes the others.

import { uploadSettlements } from '../settlements/upload';
import type { Handler } from './types';

export const upload: Handler<'8201'> = async (ctx, { station, envelope, input }) => ({
  results: await uploadSettlements(ctx, station, envelope.fixmedins_code, input.data.settlements),
});
