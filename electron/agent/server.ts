// The browser-mode agent: one HTTP server on 127.0.0.1 that serves the built renderer with a strict
// CSP and upgrades /station-api to a WebSocket speaking the StationApi. The page is opened on a
// one-time code in the URL fragment (#agent-code=…): a fragment is never sent in an HTTP request, so
// it is in no server or proxy log; the page spends it on its first upgrade and gets its own session
// (sessions.ts), so what Chromium's command line and the printed address show is worthless once the
// page has loaded.
//
// Every socket has an 'error' listener (HTTP requests, upgrade sockets, WebSockets, file streams):
// a reset connection or a hostile frame ends that one connection, never the agent.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  AGENT_CODE_PARAM,
  AGENT_WS_CODE_QUERY,
  AGENT_WS_PATH,
  AGENT_WS_SESSION_QUERY,
  RPC_MAX_FRAME_BYTES,
  rendererCsp,
  type RpcServerMessage,
} from '../../shared/station-api';
import { resolveRendererFile, type LogPort, type StationHost } from '../services/station-host';
import { agentOrigin, checkRequest, checkUpgrade, type Verdict } from './guards';
import { attachRpcSession } from './rpc-session';
import { createSessionBook } from './sessions';

export interface AgentOptions {
  host: StationHost;
  rendererDir: string;
  log: LogPort;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to listen on; loopback unless a test proves the peer check on another interface. */
  listenHost?: string;
  /** How long an unused one-time code stays valid (default sessions.ts CODE_TTL_MS). */
  codeTtlMs?: number;
  /** Sessions accepted from the start: tests that restart the agent under an open page only. */
  presetSessions?: string[];
}

export interface Agent {
  /** The address to open: a fresh one-time code in the fragment. */
  url: string;
  origin: string;
  port: number;
  /** Another address with a fresh one-time code (a second window; tests). */
  openUrl(): string;
  close(): Promise<void>;
}

export async function startAgent(options: AgentOptions): Promise<Agent> {
  const { host, log, rendererDir } = options;
  if (!fs.existsSync(`${rendererDir}/index.html`)) {
    throw new Error(`no built renderer in ${rendererDir} (run npm run build:renderer)`);
  }
  const book = createSessionBook({ codeTtlMs: options.codeTtlMs, presetSessions: options.presetSessions });
  let port = 0;
  const server = http.createServer((req, res) => {
    req.on('error', () => undefined); // a reset while the request streams; 'close' cleans up
    res.on('error', () => undefined);
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
    else
      fs.createReadStream(found.file)
        .on('error', () => res.destroy())
        .pipe(res);
  });
  // A request Node cannot parse: answer 400 if the socket still can, never throw.
  server.on('clientError', (err: Error & { code?: string }, socket) => {
    log.write('warn', 'agent refused a malformed HTTP request', { code: err.code });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.on('error', (err) => log.write('error', 'agent server error', { err }));

  const wss = new WebSocketServer({ noServer: true, maxPayload: RPC_MAX_FRAME_BYTES });
  wss.on('error', (err) => log.write('error', 'agent WebSocket server error', { err }));
  server.on('upgrade', (req, socket, head) => {
    // Node hands the raw socket over without its own error handling: a reset here must not throw.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const facts = {
      remoteAddress: req.socket.remoteAddress,
      host: req.headers.host,
      origin: req.headers.origin,
    };
    const code = url.searchParams.get(AGENT_WS_CODE_QUERY);
    let session: string | null = null;
    const authorized = () => {
      if (code !== null) return (session = book.redeem(code)) !== null;
      return book.valid(url.searchParams.get(AGENT_WS_SESSION_QUERY));
    };
    const verdict: Verdict =
      url.pathname === AGENT_WS_PATH
        ? checkUpgrade(facts, port, authorized)
        : { ok: false, status: 400, reason: 'unknown path' };
    if (!verdict.ok) {
      log.write('warn', `agent refused WebSocket: ${verdict.reason}`, {
        remote: facts.remoteAddress,
        origin: facts.origin,
      });
      socket.end(`HTTP/1.1 ${verdict.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // The session goes first, before any result or event: the page keeps it for reconnects.
      if (session !== null)
        ws.send(JSON.stringify({ type: 'session', token: session } satisfies RpcServerMessage));
      attachRpcSession(ws, host, log);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.listenHost ?? '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = agentOrigin(port);
  const openUrl = () => `${origin}/#${AGENT_CODE_PARAM}=${book.issueCode()}`;
  log.write('info', 'agent listening', { origin });
  return {
    url: openUrl(),
    origin,
    port,
    openUrl,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
