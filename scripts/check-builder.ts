// Checks electron-builder.yml offline: electron-builder's own loader and schema validation (the code
// `electron-builder` runs before it downloads anything), then the rules this project relies on.
// Run: npm run check:builder
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

interface Target {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  extraMetadata?: { main?: string };
  /** getConfig normalises the list into FileSet objects. */
  files?: Array<string | { filter?: string[] }>;
  asar?: boolean;
  asarUnpack?: string[];
  win?: { target?: Target[] };
  linux?: { target?: Target[] };
  deb?: { depends?: string[] };
  electronFuses?: Record<string, boolean>;
}

/** The fuses the packaged app must have, and their values (electron-builder 26 `electronFuses`). */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

export async function checkBuilderConfig(configFile = 'electron-builder.yml'): Promise<string[]> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util/out/DebugLogger') as {
    DebugLogger: new (enabled: boolean) => unknown;
  };
  const config = await getConfig(root, path.resolve(root, configFile), null);
  await validateConfiguration(config, new DebugLogger(false)); // throws InvalidConfigurationError

  const problems: string[] = [];
  const targets = (list: Target[] | undefined) =>
    (list ?? []).map((t) => `${t.target}:${(t.arch ?? []).join('+')}`);
  if (!targets(config.win?.target).includes('nsis:x64')) problems.push('win.target must be nsis for x64');
  for (const t of ['AppImage:x64', 'deb:x64'])
    if (!targets(config.linux?.target).includes(t)) problems.push(`linux.target must include ${t}`);
  if (config.asar !== true) problems.push('asar must be true');
  if (!(config.asarUnpack ?? []).some((p) => p.startsWith('node_modules/node-hid')))
    problems.push('node-hid must be in asarUnpack');
  const main = config.extraMetadata?.main;
  if (main !== 'out/main/index.js')
    problems.push('extraMetadata.main must be out/main/index.js (what scripts/build-electron.ts writes)');
  const patterns = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
  for (const needed of ['out/main/**', 'out/preload/**', 'out/renderer/**']) {
    if (!patterns.includes(needed)) problems.push(`files must include ${needed}`);
  }
  if (!(config.deb?.depends ?? []).includes('libusb-1.0-0'))
    problems.push('deb.depends must include libusb-1.0-0 (node-hid)');
  for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
    if (config.electronFuses?.[fuse] !== value) problems.push(`electronFuses.${fuse} must be ${value}`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const problems = await checkBuilderConfig();
    if (problems.length) {
      console.error(`electron-builder.yml: ${problems.join('; ')}`);
      process.exit(1);
    }
    console.log(
      'electron-builder.yml: valid for electron-builder',
      (require('app-builder-lib/package.json') as { version: string }).version,
      'and the project rules',
    );
  } catch (err) {
    console.error(`electron-builder.yml is invalid: ${(err as Error).message}`);
    process.exit(1);
  }
}
