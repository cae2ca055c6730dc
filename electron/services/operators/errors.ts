// The operators service's refusals, as StationApi errors (a code and both messages), so the host
// passes them to the page unchanged. Sign-in never says whether the id or the PIN was wrong, or that
// an account is disabled: a guesser learns nothing from the message.
import { stationError, type StationApiError } from '../../../shared/station-api';

export const signInFailed = (): StationApiError =>
  stationError(
    'SIGN_IN_FAILED',
    '工号或 PIN 不正确，或账号已停用',
    'Wrong operator id or PIN, or the account is disabled',
  );

export const lockedOut = (until: Date): StationApiError =>
  stationError(
    'LOCKED_OUT',
    `PIN 连续输错次数过多，账号锁定至 ${until.toISOString()}（或请管理员重设 PIN）`,
    `Too many wrong PINs: the account is locked until ${until.toISOString()} (or ask an administrator to reset the PIN)`,
  );

export const sessionInvalid = (): StationApiError =>
  stationError('SESSION_INVALID', '登录已失效，请重新登录', 'The session has ended: sign in again');

export const screenLocked = (): StationApiError =>
  stationError('SESSION_INVALID', '屏幕已锁定，请先解锁', 'The screen is locked: unlock it first');

export const notPermitted = (what: { zh: string; en: string }): StationApiError =>
  stationError('NOT_PERMITTED', `无权${what.zh}`, `Not permitted to ${what.en}`);

export const conflict = (zh: string, en: string): StationApiError =>
  stationError('OPERATOR_CONFLICT', zh, en);
