// The HTTP server: callService for the protocol, /health for readiness, /admin/* when enabled.
// During a partition fault every protocol request has its connection destroyed before any answer
// (admin requests pass, so a test can always heal the partition).

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { CALL_PATH, errMessage } from '../../shared/protocol';
import { handleAdmin } from '../admin/routes';
import type { PlatformContext } from '../context';
import { currentVersion } from '../db/datasets';
import { handleCall } from './call';
import { logInternalError } from './log';
import { envelopeJson, send } from './respond';

export interface ServerOptions {
  admin: boolean;
  /** required on every admin request when set */
  adminToken?: string;
}

export function createPlatformServer(ctx: PlatformContext, options: ServerOptions): Server {
  const server = createServer((req, res) => {
    if (ctx.faults.partitioned() && !req.url?.startsWith('/admin/') && req.url !== '/health') {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://platform.invalid');
    const route = async () => {
      if (url.pathname === CALL_PATH) {
        if (req.method !== 'POST') {
          const now = ctx.now();
          send(
            res,
            405,
            envelopeJson({
              status: 405,
              msgid: '',
              receivedAt: now,
              respondAt: now,
              errCode: 'METHOD_NOT_ALLOWED',
              errMsg: errMessage('METHOD_NOT_ALLOWED', String(req.method)),
            }),
            { allow: 'POST' },
          );
          req.resume();
          return;
        }
        await handleCall(ctx, req, res);
      } else if (url.pathname === '/health' && req.method === 'GET') {
        send(
          res,
          200,
          JSON.stringify({
            ok: true,
            kind: ctx.db.kind,
            seed: ctx.settings.seed,
            today: ctx.settings.today,
            ver: await currentVersion(ctx.db),
          }),
        );
      } else if (options.admin && url.pathname.startsWith('/admin/')) {
        await handleAdmin(ctx, req, res, url, options.adminToken);
      } else {
        const now = ctx.now();
        send(
          res,
          404,
          envelopeJson({
            status: 404,
            msgid: '',
            receivedAt: now,
            respondAt: now,
            errCode: 'NOT_FOUND',
            errMsg: errMessage('NOT_FOUND', url.pathname.slice(0, 200)),
          }),
        );
        req.resume();
      }
    };
    route().catch((err) => {
      logInternalError('request routing', err);
      send(res, 500, JSON.stringify({ error: 'INTERNAL_ERROR' }));
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  // Keep-alive sockets must not outlive the sync tests' partitions by much.
  server.keepAliveTimeout = 5000;
  server.requestTimeout = 60_000;
  return server;
}
