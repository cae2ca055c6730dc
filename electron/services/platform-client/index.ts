// The station's platform client (main process / agent): builds the envelope, signs it, sends it,
// validates the answer with shared/protocol, and classifies every failure as transient or permanent.
// It signs in (9001) lazily and once more if the platform asks for it (SIGN_IN_REQUIRED), so callers
// only ever call(infno, input). Retrying is the caller's job (renderer/sync decides backoff).
// The operator the envelopes name (opter) and 9001 signs in as is the one signed in at the station
// (setOperator, from the host's operators service); a change of operator signs the previous one out
// (9002) and the next call signs the new one in.

import type { Infno, TransactionInput, TransactionOutput } from '../../../shared/protocol';
import {
  CALL_PATH,
  buildMsgid,
  isInfno,
  formatInfTime,
  responseEnvelopeSchema,
  transactionSchemas,
} from '../../../shared/protocol';
import { formatPath } from '../../../shared/settlement';
import { PlatformError, permanentError, transientError } from './errors';
import { defaultNonce, signatureHeaders } from './signing';

export { PlatformError, isPlatformError, permanentError, transientError } from './errors';
export type { PlatformErrorKind } from './errors';
export { signatureHeaders, defaultNonce } from './signing';

export interface PlatformClientOptions {
  baseUrl: string;
  stationId: string;
  secret: string;
  /** 12 characters: the institution this station belongs to */
  fixmedinsCode: string;
  fixmedinsName: string;
  /** the treatment place (就医地) division code */
  mdtrtareaAdmvs: string;
  /** per call; default 15 s */
  timeoutMs?: number;
  now?: () => number;
  nonce?: () => string;
  opter?: string;
  opterName?: string;
  /** operator type: 1 staff, 2 self-service */
  opterType?: '1' | '2';
  mac?: string;
  ip?: string;
}

export interface CallOptions {
  /** the person's insured place, when the input concerns a person */
  insuplcAdmdvs?: string;
  timeoutMs?: number;
}

/** Who is at the keyboard, as the platform is told: 9001's opter_no and every envelope's opter. */
export interface PlatformOperator {
  opter: string;
  opterName: string;
}

export interface PlatformClient {
  call<I extends Infno>(
    infno: I,
    input: TransactionInput<I>,
    opts?: CallOptions,
  ): Promise<TransactionOutput<I>>;
  /** For generic ports (renderer/sync's PlatformPort): an unknown infno is a permanent UNKNOWN_INFNO. */
  call(infno: string, input: unknown, opts?: CallOptions): Promise<unknown>;
  signIn(): Promise<string>;
  /** 9002 for the current sign_no (if any), which is then forgotten; the next call signs in again. */
  signOut(): Promise<void>;
  /** From now on envelopes name this operator (null: the station itself). A different operator signs
   * the previous one out first (9002, best effort: a platform out of reach is no reason to refuse). */
  setOperator(operator: PlatformOperator | null): Promise<void>;
  readonly signNo: string | null;
  readonly opter: string;
}

/** A refused signature from a platform whose clock is minutes away from ours is a clock problem the
 * cashier can name: the message says both times (China time), so IT can set the station's clock. */
const SKEW_MS = 4 * 60_000;
export function clockSkew(
  errCode: string | null | undefined,
  dateHeader: string | null,
  sentAt: number,
): string | null {
  if (errCode !== 'SIGNATURE_INVALID' || !dateHeader) return null;
  const platformAt = Date.parse(dateHeader);
  if (!Number.isFinite(platformAt) || Math.abs(platformAt - sentAt) < SKEW_MS) return null;
  const minutes = Math.round(Math.abs(platformAt - sentAt) / 60_000);
  return (
    `本机时钟与平台相差约 ${minutes} 分钟，平台拒绝签名：本机 ${formatInfTime(sentAt)}，平台 ${formatInfTime(platformAt)}（北京时间），请校准本机时间 / ` +
    `the station's clock is about ${minutes} min off the platform's, so the platform refuses its signature: station ${formatInfTime(sentAt)}, platform ${formatInfTime(platformAt)} (China time); set the station's clock`
  );
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return [e.cause?.code, e.cause?.message ?? e.message].filter(Boolean).join(' ');
}

/** No error that leaves the client carries the secret, whatever a lower layer put in its message. */
function withoutSecret(err: unknown, secret: string): unknown {
  if (!(err instanceof PlatformError) || !secret || !err.message.includes(secret)) return err;
  return new PlatformError(
    err.kind,
    err.errCode,
    err.message.split(secret).join('[redacted]'),
    err.httpStatus,
  );
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const now = options.now ?? Date.now;
  const nonce = options.nonce ?? defaultNonce;
  // fetch refuses a URL with credentials and quotes it whole in its error: refuse it here, unquoted.
  const parsedBase = URL.canParse(options.baseUrl) ? new URL(options.baseUrl) : null;
  if (!parsedBase || parsedBase.username || parsedBase.password)
    throw new RangeError('the platform URL must be a valid URL without a user name or password');
  const base = options.baseUrl.replace(/\/+$/, '');
  let sequence = 0;
  let signNo: string | null = null;
  let signingIn: Promise<string> | null = null;
  const stationOperator = {
    opter: options.opter ?? options.stationId.slice(0, 30),
    opterName: options.opterName ?? '',
  };
  let operator: PlatformOperator = stationOperator;

  async function send<I extends Infno>(
    infno: I,
    input: TransactionInput<I>,
    opts: CallOptions & { signNo?: string },
  ): Promise<TransactionOutput<I>> {
    const schemas = transactionSchemas[infno];
    const checked = schemas.input.safeParse(input);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw permanentError(
        'INPUT_INVALID',
        `交易输入不合法 / invalid ${infno} input: ${formatPath(issue.path)}: ${issue.message}`,
      );
    }
    const t = now();
    const envelope = {
      infno,
      msgid: buildMsgid(options.fixmedinsCode, t, sequence++),
      mdtrtarea_admvs: options.mdtrtareaAdmvs,
      insuplc_admdvs: opts.insuplcAdmdvs ?? '',
      recer_sys_code: 'DSS',
      infver: 'V1.0',
      opter_type: options.opterType ?? '1',
      opter: operator.opter,
      opter_name: operator.opterName,
      inf_time: formatInfTime(t),
      fixmedins_code: options.fixmedinsCode,
      fixmedins_name: options.fixmedinsName,
      sign_no: opts.signNo ?? signNo ?? '',
      input,
    };
    const body = JSON.stringify(envelope);
    let response: Response;
    try {
      response = await fetch(base + CALL_PATH, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...signatureHeaders(options.stationId, options.secret, body, t, nonce()),
        },
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? options.timeoutMs ?? 15_000),
      });
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw transientError('TIMEOUT', `平台无应答 / the platform did not answer in time (${infno})`);
      throw transientError('NETWORK', `无法连接平台 / cannot reach the platform: ${describe(err)}`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      throw transientError(
        'NETWORK',
        `平台应答中断 / the answer was cut off: ${describe(err)}`,
        response.status,
      );
    }
    if (response.status >= 500 || response.status === 429)
      throw transientError(
        `HTTP_${response.status}`,
        `平台暂时不可用 / platform unavailable (HTTP ${response.status})`,
        response.status,
      );
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw transientError(
        'BAD_RESPONSE',
        `平台应答不是JSON / the answer is not JSON (HTTP ${response.status})`,
        response.status,
      );
    }
    const env = responseEnvelopeSchema.safeParse(json);
    if (!env.success)
      throw transientError(
        'BAD_RESPONSE',
        `平台应答信封不合法 / malformed answer envelope (HTTP ${response.status})`,
        response.status,
      );
    if (env.data.infcode !== 0) {
      const skew = clockSkew(env.data.err_code, response.headers.get('date'), t);
      if (skew) throw permanentError('CLOCK_SKEW', skew, response.status);
      throw new PlatformError(
        'permanent',
        env.data.err_code ?? 'PLATFORM_REFUSED',
        env.data.err_msg ?? `infcode ${env.data.infcode}`,
        response.status,
      );
    }
    const output = schemas.output.safeParse(env.data.output);
    if (!output.success) {
      const issue = output.error.issues[0];
      throw permanentError(
        'RESPONSE_INVALID',
        `平台应答内容不合法 / the ${infno} answer breaks the protocol: ${formatPath(issue.path)}: ${issue.message}`,
        response.status,
      );
    }
    return output.data as TransactionOutput<I>;
  }

  async function signIn(): Promise<string> {
    signingIn ??= (async () => {
      try {
        for (;;) {
          const as = operator;
          const out = await send(
            '9001',
            { signIn: { opter_no: as.opter, mac: options.mac ?? '', ip: options.ip ?? '' } },
            {},
          );
          const no = out.signinoutb.sign_no;
          if (as === operator) return (signNo = no);
          // The operator changed while 9001 was on its way (one signed out, another in): that session
          // is nobody's now. Sign it out at once, or the platform keeps it open for good, then sign
          // in as the one at the keyboard.
          try {
            await send('9002', { signOut: { sign_no: no, opter_no: as.opter } }, { signNo: no });
          } catch (err) {
            if (!(err instanceof PlatformError && err.errCode === 'SIGN_IN_REQUIRED')) throw err;
          }
        }
      } finally {
        signingIn = null;
      }
    })();
    return signingIn;
  }

  async function signOut(): Promise<void> {
    const current = signNo;
    if (current === null) return;
    signNo = null;
    try {
      await send('9002', { signOut: { sign_no: current, opter_no: operator.opter } }, { signNo: current });
    } catch (err) {
      // Already signed out (or the platform forgot it): there is nothing left to sign out.
      if (err instanceof PlatformError && err.errCode === 'SIGN_IN_REQUIRED') return;
      throw err;
    }
  }

  async function setOperator(next: PlatformOperator | null): Promise<void> {
    const wanted = next ?? stationOperator;
    if (wanted.opter === operator.opter && wanted.opterName === operator.opterName) return;
    try {
      await signOut();
    } finally {
      operator = { ...wanted };
      signNo = null;
    }
  }

  async function callOnce(infno: string, input: unknown, opts: CallOptions): Promise<never> {
    if (!isInfno(infno))
      throw permanentError(
        'UNKNOWN_INFNO',
        `未知的交易编号 / unknown transaction code ${String(infno).slice(0, 8)}`,
      );
    if (infno === '9001') return send(infno, input as never, opts) as never;
    if (infno === '9002')
      throw permanentError(
        'INPUT_INVALID',
        '签退由操作员退出时发出 / 9002 is sent when the operator signs out',
      );
    if (signNo === null) await signIn();
    try {
      return (await send(infno, input as never, opts)) as never;
    } catch (err) {
      if (err instanceof PlatformError && err.errCode === 'SIGN_IN_REQUIRED') {
        signNo = null;
        await signIn();
        return (await send(infno, input as never, opts)) as never;
      }
      throw err;
    }
  }

  return {
    get signNo() {
      return signNo;
    },
    get opter() {
      return operator.opter;
    },
    signOut: () => signOut().catch((err: unknown) => Promise.reject(withoutSecret(err, options.secret))),
    setOperator: (next) =>
      setOperator(next).catch((err: unknown) => Promise.reject(withoutSecret(err, options.secret))),
    signIn: () => signIn().catch((err: unknown) => Promise.reject(withoutSecret(err, options.secret))),
    async call(infno: string, input: unknown, opts: CallOptions = {}): Promise<never> {
      try {
        return await callOnce(infno, input, opts);
      } catch (err) {
        throw withoutSecret(err, options.secret);
      }
    },
  };
}
