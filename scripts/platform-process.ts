// The embedded demo platform as a child process (platform-sim/cli.ts, exactly what `npm run platform`
// runs): its own process so a crash or a long seeding does not take the station down, and so tests
// can stop and restart it to play an outage. Ready when it prints "platform listening on URL".
// Its stations come from a stations file (0600): a secret on its command line would be readable by
// every local user (`ps -eo args`).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface PlatformProcessOptions {
  root: string;
  dataDir: string;
  port: number;
  seed: string;
  today?: string;
  /** the stations file (scripts/station-files.ts writePlatformStations) */
  stationsFile: string;
  admin: boolean;
  catalogSize?: number;
  /** people in the demo world (the platform's default when omitted) */
  peopleCount?: number;
  /** the child's environment (default: this process's) */
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
}

export interface PlatformProcess {
  url: string;
  port: number;
  seed: string;
  today: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const READY = /platform listening on (http:\/\/\S+) \(.*world seed (.+?), today (\d{4}-\d{2}-\d{2})/;

export function startPlatformProcess(options: PlatformProcessOptions): Promise<PlatformProcess> {
  const args = [
    '--import',
    'tsx',
    path.join(options.root, 'platform-sim', 'cli.ts'),
    '--port',
    String(options.port),
    '--host',
    '127.0.0.1',
    '--data-dir',
    options.dataDir,
    '--seed',
    options.seed,
    '--stations-file',
    options.stationsFile,
    ...(options.today ? ['--today', options.today] : []),
    ...(options.catalogSize ? ['--catalog-size', String(options.catalogSize)] : []),
    ...(options.peopleCount ? ['--people', String(options.peopleCount)] : []),
    ...(options.admin ? ['--admin'] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.root,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `the demo platform did not start within ${options.startTimeoutMs ?? 120_000} ms:\n${output.slice(-2000)}`,
        ),
      );
    }, options.startTimeoutMs ?? 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = READY.exec(output);
      if (!m) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      const url = m[1]!;
      resolve({
        url,
        port: Number(new URL(url).port),
        seed: m[2]!,
        today: m[3]!,
        child,
        stop: () => stopChild(child),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`the demo platform exited (code ${code}) before it was ready:\n${output.slice(-2000)}`),
      );
    });
  });
}

export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
