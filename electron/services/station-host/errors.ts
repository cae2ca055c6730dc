// Every failure a service can throw becomes one StationApi error payload here, so the page sees a
// code and two messages, and the sync engine sees kind/errCode exactly as the platform client said.
import {
  stationError,
  toStationErrorPayload,
  StationApiError,
  type StationErrorPayload,
} from '../../../shared/station-api';

interface PlatformErrorLike {
  kind: 'transient' | 'permanent';
  errCode: string;
  message: string;
}

export function isPlatformErrorLike(err: unknown): err is PlatformErrorLike {
  const e = err as Partial<PlatformErrorLike> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    (e.kind === 'transient' || e.kind === 'permanent') &&
    typeof e.errCode === 'string'
  );
}

interface CodedErrorLike {
  code: string;
  message_zh: string;
  message_en: string;
}

function isCodedError(err: unknown): err is CodedErrorLike {
  const e = err as Partial<CodedErrorLike> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.code === 'string' &&
    typeof e.message_zh === 'string' &&
    typeof e.message_en === 'string'
  );
}

const PASSTHROUGH = new Set([
  'NOT_CONFIGURED',
  'PRINT_UNAVAILABLE',
  'PRINT_FAILED',
  'CARD_UNAVAILABLE',
  'CARD_FAILED',
  'JOURNAL_UNWRITABLE',
]);

export function toHostError(err: unknown, channel: string): StationErrorPayload {
  if (err instanceof StationApiError) return err.toPayload();
  if (isPlatformErrorLike(err)) {
    const transient = err.kind === 'transient';
    return stationError(
      transient ? 'PLATFORM_TRANSIENT' : 'PLATFORM_PERMANENT',
      transient
        ? `暂时无法连接医保平台（${err.errCode}）：${err.message}`
        : `医保平台拒绝了请求（${err.errCode}）：${err.message}`,
      transient
        ? `The platform cannot be reached for now (${err.errCode}): ${err.message}`
        : `The platform refused the request (${err.errCode}): ${err.message}`,
      { kind: err.kind, errCode: err.errCode },
    ).toPayload();
  }
  if (isCodedError(err)) {
    const fallback = channel.startsWith('card.') ? 'CARD_FAILED' : 'INTERNAL';
    const code = PASSTHROUGH.has(err.code) ? (err.code as StationErrorPayload['code']) : fallback;
    return stationError(code, err.message_zh, err.message_en, { errCode: err.code }).toPayload();
  }
  return toStationErrorPayload(err);
}
