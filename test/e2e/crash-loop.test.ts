// Issue 14's whole-station crash loop: the real browser-mode station (agent process + Node services +
// journal) driven in Debian's Chromium, with both processes SIGKILLed together at random moments —
// while settling, while uploading, while cancelling (2305) or idle — then restarted, again and again.
// At the end, on the platform: every settlement whose receipt the cashier saw is there exactly once,
// confirmed; nothing is there that the station never committed; each is cancelled exactly when the
// station's journal holds its cancel (always when the reversal was shown); and the queue is empty.
//
// CRASH_LOOP_ITERATIONS sets the count (npm test runs a short loop; `npm run test:crash-loop` runs 50).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../electron/services/journal';
import { AdminClient, startPlatform, type RunningPlatform } from '../../platform-sim';
import { buildRenderer, rendererIsStale } from '../../scripts/renderer-build';
import { provisionDemoOperators, provisionStation } from '../../scripts/station-files';
import { DEMO_HOSPITAL, demoWorld } from '../../shared/demo-world';
import { seededRandom } from '../sync/bills';
import { freePort, shot, signIn } from './browser';
import {
  kill,
  startAgentProcess,
  startChromiumProcess,
  type AgentProcess,
  type ChromiumProcess,
} from './support/killable';

const ITERATIONS = Number(process.env.CRASH_LOOP_ITERATIONS ?? 6);
const SEED = 'crash-loop';
const ROOT = join(import.meta.dirname, '../..');
const RENDERER = join(ROOT, 'out', 'renderer');
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const world = demoWorld({ seed: SEED, today });
const STATION = {
  id: 'CRASH-LOOP-01',
  secret: 'crash-loop-secret-0123456789abcdef',
  fixmedins_code: DEMO_HOSPITAL,
};

/** Demo bills of filed people at the demo hospital that settle directly, with their cards. */
const cases = world.bills
  .filter((b) => b.fixmedins_code === DEMO_HOSPITAL && b.scenario === 'inpatient-direct')
  .map((b) => ({ bill: b, card: world.cards.find((c) => c.psn_no === b.psn_no && !c.damaged)! }))
  .filter((c) => c.card);

let platform: RunningPlatform;
let dataDir: string;
let agentPort: number;

beforeAll(async () => {
  if (rendererIsStale(ROOT)) await buildRenderer(ROOT);
  platform = await startPlatform({ port: 0, seed: SEED, today, stations: [STATION], admin: true });
  dataDir = mkdtempSync(join(tmpdir(), 'crash-loop-'));
  provisionStation(
    join(dataDir, 'station'),
    { stationId: STATION.id, secret: STATION.secret },
    platform.url,
    {
      seed: SEED,
      today,
    },
  );
  await provisionDemoOperators(join(dataDir, 'station'));
  agentPort = await freePort();
}, 240_000);

afterAll(async () => {
  await platform?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Running {
  agent: AgentProcess;
  chromium: ChromiumProcess;
  page: Page;
}

async function startAll(): Promise<Running> {
  const agent = await startAgentProcess(join(dataDir, 'station'), RENDERER, agentPort);
  const chromium = await startChromiumProcess(join(dataDir, 'profile'));
  const context = chromium.browser.contexts()[0]!;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(agent.url);
  await page.getByTestId('sign-in-form-id').waitFor({ timeout: 60_000 });
  await signIn(page, 'cashier01');
  await page.getByTestId('demo-tray').waitFor({ timeout: 60_000 });
  return { agent, chromium, page };
}

async function killAll(r: Running): Promise<void> {
  await Promise.all([kill(r.agent.child), kill(r.chromium.child)]);
  await r.chromium.browser.close().catch(() => undefined);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The reversal (红冲) on screen now, if any. */
async function reversalShown(page: Page): Promise<boolean> {
  return page
    .getByTestId('reversal')
    .first()
    .isVisible({ timeout: 200 })
    .catch(() => false);
}

/** Cancels the settlement just made (same day, own settlement: no approval), from its history
 * entry, and waits up to `waitMs` before the kill. */
async function cancelThen(page: Page, id: string, waitMs: number): Promise<void> {
  await page.getByTestId('next-patient').click();
  await page.getByTestId('nav-history').click();
  await page.getByTestId(`history-open-${id}`).click();
  await page.getByTestId('cancel-start').click();
  await page.getByTestId('cancel-reason').selectOption('bill_error');
  await page.getByTestId('cancel-text').fill('崩溃循环：撤销');
  await page.getByTestId('cancel-confirm').click();
  await sleep(waitMs);
}

/** The receipt on screen now, if any: its local settlement id. */
async function shownReceipt(page: Page): Promise<string | null> {
  return page
    .locator('[data-testid=receipt][data-local-setl-id]')
    .first()
    .getAttribute('data-local-setl-id', { timeout: 200 })
    .catch(() => null);
}

describe('the whole station killed at random moments', () => {
  it(
    `${ITERATIONS} iterations: every receipt shown is on the platform exactly once, nothing else, queue empty`,
    async () => {
      expect(cases.length).toBeGreaterThan(0);
      const random = seededRandom(20261203);
      const shown = new Set<string>();
      const reversed = new Set<string>();
      const kills: Record<string, number> = { settle: 0, push: 0, cancel: 0, idle: 0 };
      for (let i = 0; i < ITERATIONS; i++) {
        const r = await startAll();
        const { bill, card } = cases[i % cases.length]!;
        try {
          await r.page.getByTestId(`demo-card-${card.card_id}`).click();
          await r.page.getByTestId('verdict').waitFor({ timeout: 20_000 });
          await r.page.getByTestId(`demo-bill-${bill.bill_id}`).click();
          await r.page.getByTestId('mdtrt-id').fill(`CL-${i}-${bill.mdtrt_id}`);
          await r.page.getByTestId('compute').click();
          await r.page.getByTestId('review').waitFor();
          const phase = (['settle', 'push', 'cancel', 'idle'] as const)[Math.floor(random() * 4)]!;
          await r.page.keyboard.press('F8');
          if (phase === 'settle') {
            await sleep(Math.floor(random() * 60)); // somewhere inside commit + journal
          } else {
            await r.page.getByTestId('receipt').waitFor({ timeout: 20_000 });
            if (phase === 'push') {
              await r.page.getByTestId('force-sync').click();
              await sleep(Math.floor(random() * 400));
            }
          }
          const id = await shownReceipt(r.page);
          if (id) shown.add(id);
          if (phase === 'cancel' && id) {
            await cancelThen(r.page, id, Math.floor(random() * 600));
            if (await reversalShown(r.page)) reversed.add(id);
          }
          kills[phase]!++;
        } finally {
          await killAll(r);
        }
      }

      // The last start: nothing killed; the queue drains.
      const last = await startAll();
      try {
        await last.page.getByTestId('force-sync').click();
        await last.page
          .locator('[data-testid=sync-indicator][data-connection=online][data-queued="0"]')
          .waitFor({ timeout: 120_000 });
        await shot(last.page, '14-crash-loop-final');
      } finally {
        await killAll(last);
      }

      const onPlatform = (await new AdminClient(platform.url).settlements()).settlements.filter(
        (s) => s.station_id === STATION.id,
      );
      const ids = onPlatform.map((s) => s.local_setl_id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of shown) expect(ids, `receipt ${id} was shown`).toContain(id);
      expect(onPlatform.every((s) => s.outcome === 'confirmed')).toBe(true);
      const cancelledOnPlatform = onPlatform.filter((s) => s.cancel_setl_id !== null).length;
      // Nothing on the platform the station did not commit: each is in the station's journal; and
      // cancelled there exactly when the journal holds its cancel.
      const journal = openJournal({ dir: join(dataDir, 'station', 'journal') });
      const lines = journal.index();
      const committed = new Set(lines.filter((l) => l.kind === 'settlement').map((l) => l.id));
      const cancelled = new Set(lines.filter((l) => l.kind === 'cancel').map((l) => l.id));
      await journal.close();
      for (const id of ids) expect(committed, `${id} on the platform`).toContain(id);
      for (const id of reversed) expect(cancelled, `reversal of ${id} was shown`).toContain(id);
      for (const s of onPlatform)
        expect(s.cancel_setl_id !== null, `${s.local_setl_id} cancelled on the platform`).toBe(
          cancelled.has(s.local_setl_id),
        );
      console.log(
        `crash loop: ${ITERATIONS} iterations, ${2 * (ITERATIONS + 1)} processes killed ` +
          `(kills while settling ${kills.settle}, uploading ${kills.push}, cancelling ${kills.cancel}, idle ${kills.idle}); ` +
          `${shown.size} receipts shown, ${ids.length} settlements on the platform, ${committed.size} in the journal; ` +
          `${reversed.size} reversals shown, ${cancelled.size} cancels in the journal, ${cancelledOnPlatform} cancelled on the platform`,
      );
    },
    (ITERATIONS + 2) * 60_000,
  );
});
