// The renderer build (shared with the lead): renderer/ → out/renderer, loaded by Electron from
// app://station/ and by the agent from http://127.0.0.1:PORT/. Relative asset paths ('./') work
// under both origins; no inline scripts, so the CSP's script-src 'self' holds.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // A module-preload polyfill would be an inline script, which the CSP refuses.
    modulePreload: { polyfill: false },
  },
});
