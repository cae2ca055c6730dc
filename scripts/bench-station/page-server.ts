// Builds a browser page with vite and serves it on loopback next to a relay for platform calls:
// the page's PlatformPort posts {infno, input} to /platform and the relay calls the Node platform
// client, which holds the station secret (as the main process does in the app). The page reaches a
// station host (the journal) as the app does in browser mode: the StationApi over a WebSocket
// (/station), served by the agent's own RPC session. Used by bench:station and by
// test/sync/browser.test.ts.
import { createServer, type IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import { attachRpcSession } from '../../electron/agent/rpc-session';
import type { StationHost } from '../../electron/services/station-host';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { HEADLESS_CHROMIUM_FLAGS } from '../../electron/services/printing/chromium-pdf';

/** The one list of headless Chromium flags for these machines (receipts, e2e and benches alike). */
export const CHROMIUM_ARGS = [...HEADLESS_CHROMIUM_FLAGS];

export async function buildPage(root: string): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'station-page-'));
  await build({
    root,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface RelayStats {
  calls: Record<string, number>;
  /** the most platform calls of one infno in progress at the same time */
  maxConcurrent: Record<string, number>;
}

export interface PageServer {
  url: string;
  stats: RelayStats;
  close(): Promise<void>;
}

export async function servePage(
  outDir: string,
  call: (infno: string, input: unknown) => Promise<unknown>,
  /** the station host the page's StationApi reaches (the journal), over a WebSocket at /station */
  host?: Pick<StationHost, 'dispatch' | 'subscribe'>,
): Promise<PageServer> {
  const stats: RelayStats = { calls: {}, maxConcurrent: {} };
  const running: Record<string, number> = {};
  const server = createServer(async (req, res) => {
    try {
      if (req.method === 'POST' && req.url === '/platform') {
        const { infno, input } = JSON.parse(await readBody(req)) as { infno: string; input: unknown };
        stats.calls[infno] = (stats.calls[infno] ?? 0) + 1;
        running[infno] = (running[infno] ?? 0) + 1;
        stats.maxConcurrent[infno] = Math.max(stats.maxConcurrent[infno] ?? 0, running[infno]!);
        let body: unknown;
        try {
          body = { ok: true, output: await call(infno, input) };
        } catch (e) {
          const err = e as { kind?: string; errCode?: string; message?: string };
          body = {
            ok: false,
            error: {
              kind: err.kind ?? 'transient',
              errCode: err.errCode ?? 'RELAY',
              message: err.message ?? String(e),
            },
          };
        } finally {
          running[infno]!--;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return;
      }
      if (req.url === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      const asked = (req.url ?? '/').split('?')[0]!;
      const path = normalize(asked === '/' ? '/index.html' : asked).replace(/^(\.\.[/\\])+/, '');
      const file = await readFile(join(outDir, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(file);
    } catch {
      res.writeHead(404).end();
    }
  });
  const sockets = host ? new WebSocketServer({ server, path: '/station' }) : null;
  sockets?.on('connection', (socket) =>
    attachRpcSession(socket, host as StationHost, {
      write: (level, message) => console.error(level, message),
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    stats,
    async close() {
      for (const socket of sockets?.clients ?? []) socket.terminate();
      sockets?.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
