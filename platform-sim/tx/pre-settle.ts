// 2303 预结算 pre-settlement: one settlement, answered as 8201 would answer it now, nothing stored
// (settlements/pre-settle.ts).

import { preSettle as preSettleOne } from '../settlements/pre-settle';
import type { Handler } from './types';

export const preSettle: Handler<'2303'> = (ctx, { station, envelope, input }) =>
  preSettleOne(ctx, station, envelope.fixmedins_code, input.data.settlement);
