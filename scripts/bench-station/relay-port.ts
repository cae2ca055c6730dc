// The bench page's PlatformPort: platform calls go to the bench script's relay, which signs them
// with the Node platform client (the page, like the renderer, never holds the secret).
import type { PlatformPort } from '../../renderer/sync';

export function relayPort(path = '/platform'): PlatformPort {
  return {
    async call(infno, input) {
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ infno, input }),
      });
      const body = (await res.json()) as
        | { ok: true; output: unknown }
        | { ok: false; error: { kind: string; errCode: string; message: string } };
      if (!body.ok) throw Object.assign(new Error(body.error.message), body.error);
      return body.output;
    },
  };
}
