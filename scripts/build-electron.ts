// Builds the Electron main process (ESM, Node target, dependencies left in node_modules) and the
// preload (one CommonJS file with zod bundled in: a sandboxed preload can require only 'electron').
// The renderer is built by vite.config.ts. Run: npm run build:electron
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeExternals = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export async function buildMain(outDir = path.join(root, 'out', 'main')): Promise<string> {
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      ssr: path.join(root, 'electron', 'main', 'index.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      rollupOptions: {
        external: ['electron', 'node-hid', 'ws', ...nodeExternals],
        output: { format: 'es', entryFileNames: 'index.js' },
      },
    },
  });
  return path.join(outDir, 'index.js');
}

export async function buildPreload(outDir = path.join(root, 'out', 'preload')): Promise<string> {
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      lib: {
        entry: path.join(root, 'electron', 'preload', 'index.ts'),
        formats: ['cjs'],
        fileName: () => 'index.cjs',
      },
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      minify: false,
      rollupOptions: { external: ['electron'] },
    },
  });
  return path.join(outDir, 'index.cjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildMain();
  await buildPreload();
  console.log('built out/main/index.js and out/preload/index.cjs');
}
