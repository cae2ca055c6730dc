// What only a real browser has, in Chromium (/usr/bin/chromium, driven by playwright-core) against
// the real platform-sim through a signing relay: one outbox writer across two tabs (Web Locks), a
// full disk (a real quota, set through the DevTools protocol) during commit, a blocked upgrade
// between two tabs, navigator.storage.persist().
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPage,
  CHROMIUM_ARGS,
  servePage,
  type PageServer,
} from '../../scripts/bench-station/page-server';
import { CURRENT_VERSION } from '../../renderer/db';
import type { BrowserChecks } from './browser/main';
import { startTestPlatform, type TestPlatform } from './harness';
import { openTestJournal, type TestJournal } from '../support/test-journal';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium is needed at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)`,
  );
}

let tp: TestPlatform;
let server: PageServer;
let journal: TestJournal;
let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  tp = await startTestPlatform({ seed: 'sync-browser' });
  const client = tp.port();
  journal = openTestJournal();
  server = await servePage(
    await buildPage(fileURLToPath(new URL('./browser/', import.meta.url))),
    (infno, input) => client.call(infno, input),
    journal.host,
  );
  userDataDir = await mkdtemp(join(tmpdir(), 'sync-browser-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  await journal?.remove();
  await tp?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

async function tab(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return page;
}

function run<K extends keyof BrowserChecks>(
  page: Page,
  name: K,
  ...args: Parameters<BrowserChecks[K]>
): Promise<Awaited<ReturnType<BrowserChecks[K]>>> {
  return page.evaluate(
    ([n, a]) =>
      (window as unknown as { checks: Record<string, (...x: unknown[]) => unknown> }).checks[n as string]!(
        ...(a as unknown[]),
      ),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BrowserChecks[K]>>>;
}

describe('in Chromium', () => {
  it('two tabs drain the same outbox: Web Locks let one send, the other is turned away', async () => {
    const a = await tab();
    const b = await tab();
    const setup = await run(a, 'setup', {
      station: tp.station,
      today: tp.today,
      name: 'two-tabs',
      pull: true,
      settle: 6,
    });
    expect(setup.queued).toBe(6);
    await run(b, 'setup', { station: tp.station, today: tp.today, name: 'two-tabs', pull: false, settle: 0 });
    await tp.admin.setFaults({ latency_ms: 150 });
    const [ra, rb] = await Promise.all([run(a, 'drain'), run(b, 'drain')]);
    await tp.admin.clearFaults();
    expect([ra.outcome, rb.outcome].sort()).toEqual(['busy', 'drained']);
    expect(server.stats.maxConcurrent['8201']).toBe(1);
    expect(await run(b, 'statuses')).toEqual(Array(6).fill('confirmed'));
    await a.close();
    await b.close();
  });

  it('a full disk during commit: QUOTA_EXCEEDED with a Chinese message, nothing half-written, settling resumes with space', async () => {
    // Chromium enforces a quota override on an origin that has not stored anything yet: the same
    // page on a fresh origin (localhost instead of 127.0.0.1), given 1.5 MB, of which the pull
    // takes about two thirds.
    const url = server.url.replace('127.0.0.1', 'localhost');
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const origin = new URL(url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1_500_000 });
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    await run(page, 'setup', { station: tp.station, today: tp.today, name: 'quota', pull: true, settle: 0 });
    const journaled = () => journal.journal.index().filter((r) => r.kind === 'settlement').length;
    const before = journaled();
    const full = await run(page, 'fillUp', 400);
    expect(full.error).toMatchObject({ name: 'StationDbError', code: 'QUOTA_EXCEEDED' });
    expect(full.error!.zh).toMatch(/存储空间已满/);
    expect(full.committed).toBeGreaterThan(0);
    // Every committed settlement has its outbox entry and audit row; the failed one has none.
    expect(full.settlements).toBe(full.committed);
    expect(full.outbox).toBe(full.committed);
    expect(full.committedAudit).toBe(full.committed);
    // The journal holds exactly the committed ones: the commit the quota refused never reached it.
    expect(journaled() - before).toBe(full.committed);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    const more = await run(page, 'fillUp', 2);
    expect(more.error).toBeNull();
    expect(more.settlements).toBe(full.committed + 2);
    expect(journaled() - before).toBe(full.committed + 2);
    await page.close();
  });

  it('an old tab blocks the upgrade: the new tab says so, then upgrades without loss when the old one closes', async () => {
    const oldTab = await tab();
    const newTab = await tab();
    expect(await run(oldTab, 'openOld', 'upgrade')).toBe(1);
    await run(newTab, 'startOpen', 'upgrade');
    await newTab.waitForFunction(
      () => (window as unknown as { checks: BrowserChecks }).checks.blocked().length > 0,
    );
    expect((await run(newTab, 'blocked'))[0]).toMatch(/^UPGRADE_BLOCKED: .*关闭其他窗口/);
    await run(oldTab, 'closeOld');
    const done = await run(newTab, 'finishOpen');
    expect(done.verno).toBe(CURRENT_VERSION);
    expect(done.row).toMatchObject({ key: 'F1', psn_no: 'P1' });
    await oldTab.close();
    await newTab.close();
  });

  it('asks for persistent storage and reports the answer', async () => {
    const page = await tab();
    const report = await run(page, 'persist');
    expect(['persisted', 'denied']).toContain(report.outcome);
    expect(report.message_zh.length).toBeGreaterThan(5);
    expect(report.quota).toBeGreaterThan(0);
    await page.close();
  });
});
