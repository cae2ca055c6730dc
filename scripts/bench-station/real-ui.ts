// The station itself, measured through its real UI: the built renderer served by the browser-mode
// agent (electron/agent, the real StationApi over WebSocket, the simulated card reader), opened in the
// bench's Chromium against the bench platform. A new station's first sync (until the counter can
// settle, and until every dataset is in), a card read and a demo bill computed while the catalog is
// still coming, the JS heap of the station window, card read → verdict and F4 on a 400-line bill as
// a cashier triggers them (timed inside the page: the click or key event to the element on screen,
// one frame later), and a reload (cold start).
import type { BrowserContext, Page } from 'playwright-core';
import type { DemoWorld } from '../../shared/demo-world';
import { DEMO_OPERATORS } from '../station-files';
import { heapAfterGc, type HeapFigure } from './heap';
import { summary, type Latency } from './sample';

export interface UiFigures {
  /** page open → the shell on screen, empty database */
  shell_ms: number;
  counter_ready_ms: number;
  wall_ms: number;
  /** a card read and a demo bill computed once the counter was ready, the catalog still pulling */
  early: { catalog: string; verdict_ms: number; preview_ms: number; status: string | null };
  heapAfterSync: HeapFigure;
  /** the demo tray's click → verdict painted (includes the simulated reader's poll) */
  verdict: Latency;
  /** the card.read event in the page → verdict painted, online (the live fetch runs beside it) */
  verdictFromRead: Latency;
  /** reads whose card.read event the page did not see (left out of verdictFromRead) */
  readsWithoutEvent: number;
  /** the reads over the budget (event → verdict > 100 ms): how many, their time, and how much of it
   * the page's main thread spent in long tasks */
  slowReads: { n: number; ms: number; busy_ms: number };
  preview: Latency;
  heapAfterCounter: HeapFigure;
  /** reload → the shell on screen, full database; then the first card read → verdict */
  reload_ms: number;
  first_verdict_after_reload_ms: number;
}

/** ms from an action in the page to `selector` being in the DOM, plus one frame (painted). */
async function timed(
  page: Page,
  act: { click: string } | { key: string },
  selector: string,
): Promise<number> {
  return (await timedAt(page, act, selector)).ms;
}

/** As timed(), with the page's clock (performance.now()) when the element was painted. */
function timedAt(
  page: Page,
  act: { click: string } | { key: string },
  selector: string,
): Promise<{ ms: number; at: number }> {
  return page.evaluate(
    async ({ act, selector }) => {
      const t0 = performance.now();
      if ('click' in act) (document.querySelector(act.click) as HTMLElement).click();
      else window.dispatchEvent(new KeyboardEvent('keydown', { key: act.key, bubbles: true }));
      await new Promise<void>((resolve, reject) => {
        if (document.querySelector(selector)) return resolve();
        const obs = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          obs.disconnect();
          resolve();
        });
        obs.observe(document.body, { childList: true, subtree: true, attributes: true });
        setTimeout(() => {
          obs.disconnect();
          reject(new Error(`${selector} not shown within 60 s`));
        }, 60_000);
      });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const at = performance.now();
      return { ms: at - t0, at };
    },
    { act, selector },
  );
}

/** What the UI phase needs of the platform's world: kept apart so the bench process does not hold
 * the world (hundreds of MB) while it measures. */
export interface WorldFacts {
  /** the card of the scenario 'inpatient-direct' */
  directCard: string;
  /** cards that read (a damaged card gives no read, hence no verdict) */
  readableCards: Set<string>;
  catalogCodes: string[];
}

export function worldFacts(world: DemoWorld): WorldFacts {
  const person = world.people.find((p) => p.scenario === 'inpatient-direct')!;
  return {
    directCard: world.cards.find((c) => c.psn_no === person.person.psn_no && !c.damaged)!.card_id,
    readableCards: new Set(world.cards.filter((c) => !c.damaged).map((c) => c.card_id)),
    catalogCodes: world.catalog.map((c) => c.code),
  };
}

/** The sign-in screen (a fresh window) or the shell (a session kept across a reload), whichever
 * comes; signs cashier01 in when asked. */
async function signInIfAsked(page: Page, timeout: number): Promise<void> {
  await page.locator('[data-testid=sign-in-form-id], [data-testid=operator]').first().waitFor({ timeout });
  if (await page.getByTestId('sign-in-form-id').isVisible()) {
    const { id, pin } = DEMO_OPERATORS.find((o) => o.id === 'cashier01')!;
    await page.getByTestId('sign-in-form-id').fill(id);
    await page.getByTestId('sign-in-form-pin').fill(pin);
    await page.getByTestId('sign-in-form-submit').click();
  }
  await page.getByTestId('institution').waitFor({ timeout });
}

// The moments card reads reach the page: each agent `card.read` event frame, seen by a listener
// registered when the socket is made (so before the app's own), with the card's id, in the page's clock.
const WATCH_CARD_READS = `(() => {
  window.__benchCardReads = [];
  // the page's long tasks (main thread busy 50 ms or more), to tell a slow read's waiting from its work
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string' || !e.data.includes('"card.read"')) return;
        const at = performance.now();
        try {
          const m = JSON.parse(e.data);
          if (m.type === 'event' && m.event === 'card.read') window.__benchCardReads.push({ at, cardId: m.payload.cardId });
        } catch {}
      });
    }
  };
})();`;

interface CardReadTiming {
  /** the demo tray's click → the verdict painted: includes the simulated reader's poll */
  click_ms: number;
  /** this card's card.read event in the page → the verdict painted (null: no event was seen) */
  read_ms: number | null;
  /** of read_ms, the time the page's main thread spent in long tasks (≥ 50 ms each) */
  busy_ms: number;
}

/** Reads a demo card with nobody at the counter: the time to the verdict. */
async function readCard(page: Page, cardId: string): Promise<number> {
  return (await readCardTimed(page, cardId)).click_ms;
}

async function readCardTimed(page: Page, cardId: string): Promise<CardReadTiming> {
  // nobody at the counter: past a receipt by 下一位, otherwise Esc (review → bill → person) until
  // no verdict is left
  const next = page.getByTestId('next-patient');
  if (await next.isVisible()) await next.click();
  for (let i = 0; i < 3 && (await page.locator('[data-testid=verdict]').count()) > 0; i++)
    await page.keyboard.press('Escape');
  await page.locator('[data-testid=verdict]').waitFor({ state: 'detached' });
  await page.locator(`[data-testid="demo-card-${cardId}"]`).waitFor(); // the tray after a reload
  const { ms, at } = await timedAt(
    page,
    { click: `[data-testid="demo-card-${cardId}"]` },
    '[data-testid=verdict]',
  );
  const { reads, longTasks } = await page.evaluate(() => {
    const w = window as {
      __benchCardReads?: { at: number; cardId: string }[];
      __benchLongTasks?: { start: number; end: number }[];
    };
    return { reads: w.__benchCardReads ?? [], longTasks: w.__benchLongTasks ?? [] };
  });
  // this card's read that came after the click (at - ms) and before the verdict was painted
  const read = reads.filter((r) => r.cardId === cardId && r.at >= at - ms && r.at <= at).at(-1);
  const from = read?.at ?? at - ms;
  const busy_ms = longTasks.reduce(
    (sum, t) => sum + Math.max(0, Math.min(t.end, at) - Math.max(t.start, from)),
    0,
  );
  return { click_ms: ms, read_ms: read ? at - read.at : null, busy_ms };
}

function slowReads(reads: CardReadTiming[]): UiFigures['slowReads'] {
  const slow = reads.filter((r) => r.read_ms !== null && r.read_ms > 100);
  return {
    n: slow.length,
    ms: slow.reduce((n, r) => n + r.read_ms!, 0),
    busy_ms: slow.reduce((n, r) => n + r.busy_ms, 0),
  };
}

/** F4 on the bill loaded: the time to the review. */
async function computeBill(page: Page): Promise<number> {
  // back from the review to the bill (Esc with no review would clear the bill)
  if ((await page.locator('[data-testid=review]').count()) > 0) await page.keyboard.press('Escape');
  await page.locator('[data-testid=review]').waitFor({ state: 'detached' });
  return timed(page, { key: 'F4' }, '[data-testid=review]');
}

/** A CSV bill of n lines over codes of the world's catalog (as a hospital system exports it). */
function billCsv(codes: string[], n: number, seed: number): Buffer {
  const rows = ['序号,项目编码,数量,单价'];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    rows.push(`${i + 1},${codes[s % codes.length]!},1,10.00`);
  }
  return Buffer.from(rows.join('\n'), 'utf8');
}

export async function realUi(
  context: BrowserContext,
  url: string,
  world: WorldFacts,
  opts: { reads: number; previews: number; lines: number; settleMs?: number },
): Promise<UiFigures> {
  const page = await context.newPage();
  await page.addInitScript(WATCH_CARD_READS);
  const t0 = Date.now();
  await page.goto(url);
  await page
    .locator('[data-testid=sign-in-form-id], [data-testid=operator]')
    .first()
    .waitFor({ timeout: 120_000 });
  const shell_ms = Date.now() - t0;
  await signInIfAsked(page, 120_000);
  await page.locator('[data-testid=sync-counter-ready][data-ready=true]').waitFor({ timeout: 900_000 });
  const counter_ready_ms = Date.now() - t0;

  // the counter at work while the catalog is still being pulled (codes not here are asked of the platform)
  const direct = world.directCard;
  const catalog = (await page.getByTestId('sync-bar-figure-catalog').textContent()) ?? '';
  const early_verdict = await readCard(page, direct);
  await page.getByTestId('demo-bill-BILL-PNEUMONIA').click();
  const early_preview = await timed(page, { key: 'F4' }, '[data-testid=review]');
  const status = await page.getByTestId('review').getAttribute('data-status');

  await page.locator('[data-testid=sync-progress]').waitFor({ state: 'detached', timeout: 900_000 });
  await page.locator('[data-testid=sync-indicator][data-connection=online]').waitFor({ timeout: 120_000 });
  const wall_ms = Date.now() - t0;
  const heapAfterSync = await heapAfterGc(page);
  if (opts.settleMs) await page.waitForTimeout(opts.settleMs); // BENCH_SETTLE_MS, as in tabs.ts

  // the tray's cards that read (a damaged card gives no read, hence no verdict)
  const readable = world.readableCards;
  const cards = (
    await page
      .locator('[data-testid^=demo-card-]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('demo-card-'.length)))
  ).filter((c) => readable.has(c));
  const reads: CardReadTiming[] = [];
  for (let i = 0; i < opts.reads; i++) reads.push(await readCardTimed(page, cards[i % cards.length]!));

  await readCard(page, direct);
  const previews: number[] = [];
  for (let i = 0; i < opts.previews; i++) {
    if (i % 5 === 0) {
      await page.getByTestId('bill-file').setInputFiles({
        name: `bill-${i}.csv`,
        mimeType: 'text/csv',
        buffer: billCsv(world.catalogCodes, opts.lines, 1000 + i),
      });
      // loaded: the summary names this file and its line count (the table shows the first 200)
      await page
        .getByTestId('bill-summary')
        .filter({ hasText: `bill-${i}.csv` })
        .filter({ hasText: `${opts.lines} 行` })
        .waitFor();
    }
    previews.push(await computeBill(page));
  }
  const heapAfterCounter = await heapAfterGc(page);

  const r0 = Date.now();
  await page.reload();
  await page.locator('[data-testid=sign-in-form-id], [data-testid=operator]').first().waitFor();
  const reload_ms = Date.now() - r0;
  await signInIfAsked(page, 30_000);
  const first_verdict_after_reload_ms = await readCard(page, direct);
  await page.close();
  return {
    shell_ms,
    counter_ready_ms,
    wall_ms,
    early: { catalog, verdict_ms: early_verdict, preview_ms: early_preview, status },
    heapAfterSync,
    verdict: summary(reads.map((r) => r.click_ms)),
    verdictFromRead: summary(reads.flatMap((r) => (r.read_ms === null ? [] : [r.read_ms]))),
    readsWithoutEvent: reads.filter((r) => r.read_ms === null).length,
    slowReads: slowReads(reads),
    preview: summary(previews),
    heapAfterCounter,
    reload_ms,
    first_verdict_after_reload_ms,
  };
}
