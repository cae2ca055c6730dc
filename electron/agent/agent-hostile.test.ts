// Hostile clients against the agent in a process of its own (testing/agent-process.ts): after each
// hostile frame or socket, that one connection is closed with a code that says why, a client that
// was connected all along still gets answers, and the process is still alive. An unhandled 'error'
// event on any socket would end the process, which an in-process test could not tell apart from a
// failed assertion.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RPC_MAX_FRAME_BYTES } from '../../shared/station-api';
import { CLOSE } from './index';

const SESSION = 'S'.repeat(43);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-hostile-'));
fs.mkdirSync(path.join(work, 'renderer'));
fs.writeFileSync(path.join(work, 'renderer', 'index.html'), '<!doctype html>');
let child: ChildProcess;
let port = 0;
let output = '';
let witness: WebSocket;

function open(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/station-api?session=${SESSION}`, {
    origin: `http://127.0.0.1:${port}`,
    maxPayload: 64 * 1024 * 1024,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    ws.on('error', () => undefined); // the client's own view of a refused frame
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

let nextId = 1;
async function stillServes(ws: WebSocket): Promise<void> {
  const id = nextId++;
  const answer = new Promise<Record<string, unknown>>((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as Record<string, unknown>;
      if (m.id !== id) return;
      ws.off('message', on);
      resolve(m);
    };
    ws.on('message', on);
  });
  ws.send(JSON.stringify({ type: 'call', id, channel: 'app.info', input: {} }));
  expect(await answer).toMatchObject({ type: 'result', output: { name: 'station' } });
  expect(child.exitCode, output).toBeNull();
}

beforeAll(async () => {
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'testing', 'agent-process.ts'),
      path.join(work, 'renderer'),
      path.join(work, 'logs'),
    ],
    { env: { ...process.env, AGENT_TEST_SESSION: SESSION }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /agent ready (\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`agent process exited ${code}: ${output}`)));
  });
  witness = await open();
}, 60_000);

afterAll(async () => {
  witness?.terminate();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(work, { recursive: true, force: true });
});

describe('hostile frames close one connection and the agent keeps serving', () => {
  it.each([
    [
      'a frame over RPC_MAX_FRAME_BYTES',
      (ws: WebSocket) => ws.send('x'.repeat(RPC_MAX_FRAME_BYTES + 1)),
      CLOSE.MESSAGE_TOO_BIG,
      '',
    ],
    [
      'a message over the limit in fragments',
      (ws: WebSocket) => {
        const part = 'y'.repeat(RPC_MAX_FRAME_BYTES / 2);
        ws.send(part, { fin: false });
        ws.send(part, { fin: false });
        ws.send(part, { fin: true });
      },
      CLOSE.MESSAGE_TOO_BIG,
      '',
    ],
    [
      '4 bytes of invalid UTF-8 in a text frame',
      (ws: WebSocket) => ws.send(Buffer.from([0xff, 0xfe, 0xc0, 0x80]), { binary: false }),
      CLOSE.INVALID_PAYLOAD,
      '',
    ],
    [
      'text that is not JSON',
      (ws: WebSocket) => ws.send('not json'),
      CLOSE.INVALID_PAYLOAD,
      'frame is not JSON',
    ],
    [
      'JSON that is not a call',
      (ws: WebSocket) => ws.send(JSON.stringify({ type: 'call', id: 5 })),
      CLOSE.POLICY_VIOLATION,
      'frame is not a StationApi call',
    ],
    [
      'a JSON array',
      (ws: WebSocket) => ws.send('[1,2,3]'),
      CLOSE.POLICY_VIOLATION,
      'frame is not a StationApi call',
    ],
    [
      'a binary frame',
      (ws: WebSocket) => ws.send(Buffer.from('{}'), { binary: true }),
      CLOSE.UNSUPPORTED_DATA,
      'binary frames are not accepted',
    ],
  ] as const)(
    '%s',
    async (_what, hostile, code, reason) => {
      const ws = await open();
      const done = closed(ws);
      hostile(ws);
      expect(await done).toEqual({ code, reason });
      await stillServes(witness);
      // and a new client is served too
      const fresh = await open();
      await stillServes(fresh);
      fresh.close();
    },
    30_000,
  );
});

describe('hostile sockets', () => {
  const raw = (bytes: string): Promise<string> =>
    new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.write(bytes));
      let got = '';
      s.on('data', (c) => (got += c.toString()));
      s.on('error', () => undefined);
      s.on('close', () => resolve(got));
    });

  it('answers a malformed HTTP request with 400', async () => {
    expect(await raw('GARBAGE / \x00\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await stillServes(witness);
  });

  it('survives clients that reset their connection at every step of an upgrade', async () => {
    const upgrade = (query: string) =>
      `GET /station-api?${query} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';
    for (let i = 0; i < 20; i++) {
      for (const request of [upgrade('session=wrong'), upgrade(`session=${SESSION}`), upgrade('session=')]) {
        await new Promise<void>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => {
            s.write(request);
            // half a frame header, then a reset
            s.write(Buffer.from([0x81]));
            s.resetAndDestroy();
          });
          s.on('error', () => undefined);
          s.on('close', () => resolve());
        });
      }
    }
    // A WebSocket client that vanishes with a frame half-sent.
    const ws = await open();
    (ws as unknown as { _socket: net.Socket })._socket.write(Buffer.from([0x81, 0xfe, 0x10]));
    (ws as unknown as { _socket: net.Socket })._socket.resetAndDestroy();
    await new Promise((r) => setTimeout(r, 100));
    await stillServes(witness);
  });
});
