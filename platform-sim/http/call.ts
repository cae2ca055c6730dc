// The protocol pipeline for one POST to callService: faults, signed headers (before the body is
// read), body, signature, JSON, envelope, the station's own institution, infno, sign-in, input,
// handler, output check. Every refusal is infcode -1 with a stable err_code, and nothing about one
// bad message disturbs the next.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { formatPath } from '../../shared/settlement';
import type { Infno, RequestEnvelope } from '../../shared/protocol';
import {
  MAX_BODY_BYTES,
  errMessage,
  isInfno,
  requestEnvelopeSchema,
  transactionSchemas,
} from '../../shared/protocol';
import type { PlatformContext } from '../context';
import { PlatformRefusal, RawJson } from '../context';
import { TRANSACTIONS } from '../tx';
import { checkSignedHeaders, verifySignature } from './auth';
import { readBody } from './body';
import { logInternalError } from './log';
import { envelopeJson, send } from './respond';

function firstIssue(err: z.ZodError): string {
  const issue = err.issues[0];
  return issue ? `${formatPath(issue.path)}: ${issue.message}` : 'invalid';
}

function msgidOf(parsed: unknown): string {
  const m = (parsed as { msgid?: unknown } | null)?.msgid;
  return typeof m === 'string' ? m.slice(0, 64) : '';
}

async function signedIn(ctx: PlatformContext, station: string, env: RequestEnvelope): Promise<void> {
  if (env.infno === '9001') return;
  const rows = await ctx.db.query(
    'SELECT 1 FROM sign_ins WHERE sign_no = $1 AND station_id = $2 AND signed_out_at IS NULL',
    [env.sign_no, station],
  );
  if (rows.length === 0)
    throw new PlatformRefusal(
      'SIGN_IN_REQUIRED',
      env.sign_no ? `sign_no ${env.sign_no.slice(0, 64)} is not this station's` : 'sign_no is empty',
      401,
    );
}

/** A refusal sent before the body was read: the connection closes after the answer, so the rest of
 * the body is never read (Node would otherwise drain it to keep the connection alive). */
class EarlyRefusal extends Error {
  constructor(readonly refusal: PlatformRefusal) {
    super(refusal.message);
  }
}

async function processCall(
  ctx: PlatformContext,
  req: IncomingMessage,
  parsedOut: { msgid: string },
): Promise<unknown> {
  let signed;
  try {
    signed = checkSignedHeaders(ctx, req.headers);
  } catch (err) {
    throw err instanceof PlatformRefusal ? new EarlyRefusal(err) : err;
  }
  const station = signed.station.id;
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > MAX_BODY_BYTES)
    throw new EarlyRefusal(new PlatformRefusal('BODY_TOO_LARGE', `limit ${MAX_BODY_BYTES} bytes`, 413));
  const ct = String(req.headers['content-type'] ?? '');
  const bodyResult = await readBody(req, MAX_BODY_BYTES);
  if (!bodyResult.ok) throw new PlatformRefusal('BODY_TOO_LARGE', `limit ${MAX_BODY_BYTES} bytes`, 413);
  if (!/^application\/json\b/i.test(ct))
    throw new PlatformRefusal('UNSUPPORTED_MEDIA_TYPE', ct.slice(0, 80) || 'no content-type', 415);
  await verifySignature(ctx, signed, bodyResult.body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyResult.body.toString('utf8'));
  } catch (err) {
    throw new PlatformRefusal('BAD_JSON', (err as Error).message.slice(0, 200), 400);
  }
  parsedOut.msgid = msgidOf(parsed);
  const env = requestEnvelopeSchema.safeParse(parsed);
  if (!env.success) throw new PlatformRefusal('ENVELOPE_INVALID', firstIssue(env.error), 400);
  const envelope = env.data;
  // A station acts only for the institution it is registered for: 9001 and every later call.
  if (envelope.fixmedins_code !== signed.station.fixmedins_code)
    throw new PlatformRefusal(
      'STATION_INSTITUTION_MISMATCH',
      `fixmedins_code ${envelope.fixmedins_code} is not this station's institution`,
      403,
    );
  if (!isInfno(envelope.infno)) throw new PlatformRefusal('UNKNOWN_INFNO', envelope.infno, 400);
  const infno: Infno = envelope.infno;
  await signedIn(ctx, station, envelope);
  const input = transactionSchemas[infno].input.safeParse(envelope.input);
  if (!input.success) throw new PlatformRefusal('INPUT_INVALID', firstIssue(input.error), 400);
  ctx.faults.failIfPoisoned(infno, input.data);
  const output = await TRANSACTIONS[infno](ctx, { station, envelope, input: input.data as never });
  if (!(output instanceof RawJson)) {
    const checked = (transactionSchemas[infno].output as z.ZodType).safeParse(output);
    if (!checked.success)
      throw new Error(`platform output of ${infno} breaks its schema: ${firstIssue(checked.error)}`);
  }
  return output;
}

export async function handleCall(
  ctx: PlatformContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const receivedAt = ctx.now();
  const fault = ctx.faults.take();
  if (fault === 'drop') {
    req.socket.destroy();
    return;
  }
  if (fault === 'timeout') {
    ctx.faults.hang(req.socket);
    return;
  }
  if (ctx.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, ctx.faults.latencyMs));
  if (fault === 'error') {
    await readBody(req, MAX_BODY_BYTES);
    const status = ctx.faults.errorStatus;
    send(
      res,
      status,
      envelopeJson({
        status,
        msgid: '',
        receivedAt,
        respondAt: ctx.now(),
        errCode: 'INTERNAL_ERROR',
        errMsg: errMessage('INTERNAL_ERROR', `injected HTTP ${status}`),
      }),
    );
    return;
  }
  const meta = { msgid: '' };
  let status = 200;
  let body: string;
  let close = false;
  try {
    const output = await processCall(ctx, req, meta);
    body = envelopeJson({ status, msgid: meta.msgid, receivedAt, respondAt: ctx.now(), output });
  } catch (caught) {
    let err = caught;
    if (err instanceof EarlyRefusal) {
      close = true;
      err = err.refusal;
    }
    if (err instanceof PlatformRefusal) {
      status = err.httpStatus;
      body = envelopeJson({
        status,
        msgid: meta.msgid,
        receivedAt,
        respondAt: ctx.now(),
        errCode: err.errCode,
        errMsg: err.message,
      });
    } else {
      status = 500;
      logInternalError('callService', err);
      body = envelopeJson({
        status,
        msgid: meta.msgid,
        receivedAt,
        respondAt: ctx.now(),
        errCode: 'INTERNAL_ERROR',
        errMsg: errMessage('INTERNAL_ERROR'),
      });
    }
  }
  if (fault === 'drop_response') {
    req.socket.destroy();
    return;
  }
  send(res, status, body, close || status === 413 ? { connection: 'close' } : {});
}
