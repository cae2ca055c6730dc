// Which file of the built renderer (out/renderer) answers a request path. Shared by Electron's
// app:// protocol and the agent's HTTP server, so both refuse the same escapes: encoded "..",
// backslashes, NUL bytes and symlinks out of the folder. Paths without an extension fall back to
// index.html (client-side routes); a missing asset is a 404, never the index.
import fs from 'node:fs';
import path from 'node:path';

export type RendererFile = { status: 200; file: string; type: string } | { status: 400 | 404 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function resolveRendererFile(root: string, urlPath: string): RendererFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return { status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return { status: 400 };
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return { status: 404 }; // no build there (yet): nothing to serve, nothing to crash on
  }
  const wanted = segments.length === 0 ? 'index.html' : segments.join('/');
  const candidate = path.join(realRoot, wanted);
  const found = existingFileInside(realRoot, candidate);
  if (found) return { status: 200, file: found, type: contentTypeOf(found) };
  if (path.extname(wanted) === '') {
    const index = existingFileInside(realRoot, path.join(realRoot, 'index.html'));
    if (index) return { status: 200, file: index, type: contentTypeOf(index) };
  }
  return { status: 404 };
}

function existingFileInside(root: string, candidate: string): string | null {
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return null;
  }
  const rel = path.relative(root, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return fs.statSync(real).isFile() ? real : null;
}
