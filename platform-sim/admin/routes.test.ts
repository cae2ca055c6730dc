import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { PlatformContext } from '../context';
import { handleAdmin } from './routes';

function fakeResponse() {
  const out = { status: 0, body: '' };
  const res = {
    headersSent: false,
    destroyed: false,
    writeHead(status: number) {
      out.status = status;
    },
    end(body: string) {
      out.body = body;
    },
  };
  return { res: res as unknown as ServerResponse, out };
}

describe('admin endpoints', () => {
  it.each(['10.1.2.3', '192.168.0.9', '::ffff:172.16.0.1', '2001:db8::1', undefined])(
    'refuse a request from %s (loopback only)',
    async (address) => {
      const { res, out } = fakeResponse();
      const req = { method: 'GET', socket: { remoteAddress: address } } as unknown as IncomingMessage;
      await handleAdmin({} as PlatformContext, req, res, new URL('http://x/admin/state'));
      expect(out.status).toBe(403);
      expect(JSON.parse(out.body).error).toBe('FORBIDDEN');
    },
  );
});
