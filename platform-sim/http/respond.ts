// Writes the response envelope. err_code is the stable machine code (extension); err_msg is Chinese
// and English for a person.

import type { ServerResponse } from 'node:http';
import { formatRespondTime } from '../../shared/protocol';
import { RawJson } from '../context';

export interface Reply {
  status: number;
  msgid: string;
  receivedAt: number;
  respondAt: number;
  output?: unknown;
  errCode?: string;
  errMsg?: string;
}

export function envelopeJson(r: Reply): string {
  const head = {
    infcode: r.errCode ? -1 : 0,
    inf_refmsgid: r.msgid,
    refmsg_time: formatRespondTime(r.receivedAt),
    respond_time: formatRespondTime(r.respondAt),
    err_msg: r.errMsg ?? null,
    err_code: r.errCode ?? null,
  };
  const output = r.output instanceof RawJson ? r.output.json : JSON.stringify(r.output ?? null);
  return `${JSON.stringify(head).slice(0, -1)},"output":${output}}`;
}

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    ...extraHeaders,
  });
  res.end(body);
}
