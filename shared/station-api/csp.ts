// The renderer's Content-Security-Policy, one builder for both hosts: Electron main sets it on the
// custom protocol's responses, the agent on its HTTP responses. Only the agent's own WebSocket may be
// contacted (the platform is reached by the host, never by the page).
export interface CspOptions {
  /** Extra connect-src origins, e.g. the agent's ws://127.0.0.1:PORT. */
  connect?: readonly string[];
}

export function rendererCsp(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connect ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "frame-src 'self' blob:",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The CSP of a page printed by either host (Electron's hidden receipt window, headless Chromium in
 * browser mode): no script, no fetch, nothing but its own inline style and data: images and fonts, so
 * the printed HTML cannot reach the disk or the network. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The page both hosts print: the document's HTML behind the print CSP. */
export function printablePage(html: string): string {
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">${html}`;
}
