// The browser-mode agent: one HTTP server on 127.0.0.1 that serves the built renderer with a strict
// CSP and upgrades /station-api to a WebSocket speaking the StationApi. The per-launch token reaches
// the page in the URL fragment (#agent-token=…): a fragment is never sent in an HTTP request, so it
// does not appear in the server's or any proxy's logs, and the bridge removes it from the address bar
// as soon as it has read it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { AGENT_TOKEN_PARAM, AGENT_WS_PATH, RPC_MAX_FRAME_BYTES, rendererCsp } from '../../shared/station-api';
import { resolveRendererFile, type LogPort, type StationHost } from '../services/station-host';
import { agentOrigin, checkRequest, checkUpgrade } from './guards';
import { attachRpcSession } from './rpc-session';

export interface AgentOptions {
  host: StationHost;
  rendererDir: string;
  log: LogPort;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to listen on; loopback unless a test proves the peer check on another interface. */
  listenHost?: string;
  /** Fixed token for tests; a fresh random one per launch otherwise. */
  token?: string;
}

export interface Agent {
  /** The address to open, token in the fragment. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startAgent(options: AgentOptions): Promise<Agent> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const { host, log, rendererDir } = options;
  if (!fs.existsSync(`${rendererDir}/index.html`)) {
    throw new Error(`no built renderer in ${rendererDir} (run npm run build:renderer)`);
  }
  let port = 0;

  const server = http.createServer((req, res) => {
    const verdict = checkRequest(
      { remoteAddress: req.socket.remoteAddress, host: req.headers.host, origin: req.headers.origin },
      port,
    );
    if (!verdict.ok) {
      log.write('warn', `agent refused HTTP: ${verdict.reason}`, {
        remote: req.socket.remoteAddress,
        host: req.headers.host,
      });
      res.writeHead(verdict.status, { 'content-type': 'text/plain' }).end('Refused');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const found = resolveRendererFile(rendererDir, req.url ?? '/');
    if (found.status !== 200) {
      res
        .writeHead(found.status, { 'content-type': 'text/plain' })
        .end(found.status === 404 ? 'Not found' : 'Bad request');
      return;
    }
    res.writeHead(200, {
      'content-type': found.type,
      'content-security-policy': rendererCsp({ connect: [`ws://127.0.0.1:${port}`] }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': found.type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(found.file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: RPC_MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const facts = {
      remoteAddress: req.socket.remoteAddress,
      host: req.headers.host,
      origin: req.headers.origin,
      token: url.searchParams.get('token'),
    };
    const verdict =
      url.pathname === AGENT_WS_PATH
        ? checkUpgrade(facts, port, token)
        : ({ ok: false, status: 400, reason: 'unknown path' } as const);
    if (!verdict.ok) {
      log.write('warn', `agent refused WebSocket: ${verdict.reason}`, {
        remote: facts.remoteAddress,
        origin: facts.origin,
      });
      socket.end(`HTTP/1.1 ${verdict.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachRpcSession(ws, host));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.listenHost ?? '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = agentOrigin(port);
  log.write('info', 'agent listening', { origin });

  return {
    url: `${origin}/#${AGENT_TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
