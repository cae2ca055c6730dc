// Serves the built renderer from app://station/ (checklist 18: a custom protocol instead of file://,
// so the page has a real origin and cannot read the disk). Every response carries the CSP.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveRendererFile } from '../services/station-host';
import { APP_CSP, APP_HOST, APP_SCHEME } from './security';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.hostname !== APP_HOST || request.method !== 'GET')
      return new Response('Not found', { status: 404 });
    const found = resolveRendererFile(rendererDir, url.pathname);
    if (found.status !== 200) return new Response('Not found', { status: found.status });
    const file = await net.fetch(pathToFileURL(found.file).toString());
    return new Response(file.body, {
      status: 200,
      headers: {
        'content-type': found.type,
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
