// 9001 签到: a station signs in for its institution and gets the sign_no every later message carries.

import { randomBytes } from 'node:crypto';
import { formatInfTime } from '../../shared/protocol';
import { PlatformRefusal } from '../context';
import { rowsByKeys } from '../db/datasets';
import type { Handler } from './types';

export const signIn: Handler<'9001'> = async (ctx, { station, envelope, input }) => {
  const inst = await rowsByKeys(ctx.db, 'institutions', [envelope.fixmedins_code]);
  if (inst.length === 0) throw new PlatformRefusal('INSTITUTION_UNKNOWN', envelope.fixmedins_code);
  const now = ctx.now();
  const signNo = `${formatInfTime(now).replace(/\D/g, '')}${randomBytes(6).toString('hex').toUpperCase()}`;
  await ctx.db.query(
    'INSERT INTO sign_ins (sign_no, station_id, fixmedins_code, opter_no) VALUES ($1, $2, $3, $4)',
    [signNo, station, envelope.fixmedins_code, input.signIn.opter_no],
  );
  return { signinoutb: { sign_time: formatInfTime(now), sign_no: signNo } };
};
