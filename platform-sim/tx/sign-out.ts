// 9002 签退: the operator signed in with this sign_no signs out (end of a shift, the station closing).
// From then on the sign_no is refused like one never issued (SIGN_IN_REQUIRED), so the next operator's
// calls need their own 9001. Only the station that signed in may sign out, and only as the operator
// it signed in as.

import { formatInfTime } from '../../shared/protocol';
import { PlatformRefusal } from '../context';
import type { Handler } from './types';

export const signOut: Handler<'9002'> = async (ctx, { station, input }) => {
  const { sign_no, opter_no } = input.signOut;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ opter_no: string; signed_out: boolean }>(
      'SELECT opter_no, signed_out_at IS NOT NULL AS signed_out FROM sign_ins WHERE sign_no = $1 AND station_id = $2 FOR UPDATE',
      [sign_no, station],
    );
    if (!row || row.signed_out)
      throw new PlatformRefusal('SIGN_IN_REQUIRED', `sign_no ${sign_no.slice(0, 64)} is not signed in`, 401);
    if (row.opter_no !== opter_no)
      throw new PlatformRefusal('INPUT_INVALID', `opter_no is not the operator of sign_no ${sign_no}`, 400);
    const now = ctx.now();
    await tx.query('UPDATE sign_ins SET signed_out_at = $2 WHERE sign_no = $1', [
      sign_no,
      new Date(now).toISOString(),
    ]);
    return { signoutoutb: { sign_time: formatInfTime(now), sign_no } };
  });
};
