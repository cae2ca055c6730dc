// No secret in any station log line or error message: the station secret (however it reaches a lower
// layer's message: a password in the platform URL that fetch quotes back, a platform that echoes it),
// and whatever the page logs under a secret's field name. Each case runs the real node host (config,
// secret file, platform client, rotating log) and reads every error the page gets and the log file.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileSecretStore, type StationConfig } from '../config';
import { createPlatformClient } from '../platform-client';
import { createNodeHost } from './node-host';

const SECRET = 'never-in-a-log-0123456789abcdef';
const dirs: string[] = [];
const servers: http.Server[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function stationDir(platformUrl: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-secrets-'));
  dirs.push(dir);
  const config: StationConfig = {
    stationId: 'ST-0001',
    institution: { fixmedins_code: 'H11010100001', fixmedins_name: '北京示范医院' },
    treatmentPlace: { mdtrtarea_admvs: '110100' },
    platformUrl,
  };
  // Written as a file an administrator could have edited by hand: not through the checked save.
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  createFileSecretStore(dir).write(SECRET);
  return dir;
}

/** A platform that answers every call with a refusal quoting the request headers and body back. */
async function echoingPlatform(): Promise<string> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          infcode: -1,
          inf_refmsgid: '',
          refmsg_time: '',
          respond_time: '',
          err_code: 'ECHO',
          output: null,
          err_msg: `you sent ${JSON.stringify(req.headers)} ${body} with ${SECRET}`,
        }),
      );
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function everythingSaid(dir: string): Promise<string> {
  const station = await createNodeHost({
    dataDir: dir,
    mode: 'browser',
    version: '0.1.0',
    secrets: createFileSecretStore(dir),
    renderPdf: null,
    printDialog: null,
    cards: false,
    platformTimeoutMs: 2000,
  });
  const said: unknown[] = [];
  for (const [channel, input] of [
    ['config.get', {}],
    ['platform.call', { infno: '1101', input: { data: { mdtrt_cert_type: '02', mdtrt_cert_no: 'x' } } }],
    ['platform.call', { infno: '9001', input: {} }],
    ['platform.status', {}],
    [
      'log.write',
      { level: 'warn', message: `token=${SECRET}`, fields: { secret: SECRET, auth: { token: SECRET } } },
    ],
  ] as const) {
    said.push(await station.host.dispatch(channel, input));
  }
  await station.close();
  const logs = fs
    .readdirSync(path.join(dir, 'logs'))
    .map((f) => fs.readFileSync(path.join(dir, 'logs', f), 'utf8'));
  return JSON.stringify(said) + logs.join('\n');
}

describe('no secret in station logs or errors', () => {
  it('a password in the platform URL is refused without being repeated', async () => {
    const text = await everythingSaid(stationDir(`http://ST-0001:${SECRET}@127.0.0.1:1`));
    expect(text).toContain('platformUrl');
    expect(text).not.toContain(SECRET);
  });

  it('the platform client refuses such a URL and never quotes the secret from a lower layer', async () => {
    const options = {
      stationId: 'ST-0001',
      secret: SECRET,
      fixmedinsCode: 'H11010100001',
      fixmedinsName: '北京示范医院',
      mdtrtareaAdmvs: '110100',
      timeoutMs: 2000,
    };
    const errors: unknown[] = [];
    const attempts = [
      () => createPlatformClient({ ...options, baseUrl: `https://ST:${SECRET}@platform.example` }).signIn(),
      async () => createPlatformClient({ ...options, baseUrl: await echoingPlatform() }).signIn(),
      () => createPlatformClient({ ...options, baseUrl: 'http://127.0.0.1:1' }).call('1101', {}),
    ];
    for (const attempt of attempts) {
      try {
        await attempt();
        errors.push('no error');
      } catch (err) {
        errors.push({ message: (err as Error).message, json: JSON.stringify(err) });
      }
    }
    expect(errors).toHaveLength(3);
    expect(JSON.stringify(errors)).not.toContain(SECRET);
  });

  it('a platform that echoes the secret back does not get it into the page or the log', async () => {
    const text = await everythingSaid(stationDir(await echoingPlatform()));
    expect(text).toContain('ECHO');
    expect(text).not.toContain(SECRET);
  });

  it('an unreachable platform: the errors and the log name the failure, not the secret', async () => {
    const text = await everythingSaid(stationDir('http://127.0.0.1:1'));
    expect(text).toContain('NETWORK');
    expect(text).not.toContain(SECRET);
  });
});
