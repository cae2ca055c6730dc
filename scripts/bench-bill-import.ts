// npm run bench:bill-import — how long bill files of 50,000 lines and 20 MB take to import, and
// whether the window stays responsive while they do.
//
// 1. Node: parseBillBytes (what the Web Worker runs) on a 50,000-line CSV, 2301 JSON and XLSX, and a
//    20 MB CSV; the time of each.
// 2. Chromium: the station started as `npm start` starts it (browser mode), the demo card of an
//    inpatient read, each file dropped on the bill panel; the time until the bill shows, and the
//    longest gap between two ticks of a 10 ms timer on the page's thread meanwhile (a frozen window
//    shows as a long gap; a responsive one stays near the timer's period).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { HEADLESS_CHROMIUM_FLAGS } from '../electron/services/printing/chromium-pdf';
import { parseBillBytes } from '../renderer/features/counter/bill-import';
import { demoWorld } from '../shared/demo-world';
import { startStation } from './start-station';

const LINES = 50_000;
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const log = (line: string) => process.stdout.write(`${line}\n`);
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** Codes of the demo catalog, so the bill is one a demo counter settles. */
const CODES = ['001102000020000', 'XJ01DDA630B001', 'XB05BBA010B002', '002501010010000'];
const line = (i: number) => ({ code: CODES[i % CODES.length]!, cnt: 1 + (i % 3), pric: '12.5' });

function csv(pad = 0): Buffer {
  const rows = Array.from({ length: LINES }, (_, i) => {
    const l = line(i);
    return `${i + 1},${l.code},${l.cnt},${l.pric}${pad ? `,${'x'.repeat(pad)}` : ''}`;
  });
  return Buffer.from(`序号,项目编码,数量,单价${pad ? ',备注' : ''}\n${rows.join('\n')}\n`);
}

function feedetail(psn_no: string): Buffer {
  const feed = Array.from({ length: LINES }, (_, i) => {
    const l = line(i);
    return {
      feedetl_sn: String(i + 1),
      psn_no,
      med_list_codg: l.code,
      cnt: l.cnt,
      pric: 12.5,
      det_item_fee_sumamt: l.cnt * 12.5,
    };
  });
  return Buffer.from(JSON.stringify({ input: { feedetail: feed } }));
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('明细');
  ws.addRow(['序号', '项目编码', '数量', '单价']);
  for (let i = 0; i < LINES; i++) {
    const l = line(i);
    ws.addRow([i + 1, l.code, l.cnt, 12.5]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const seed = 'bench-bills';
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const world = demoWorld({ seed, today });
  const person = world.people.find((p) => p.scenario === 'inpatient-direct')!;
  const card = world.cards.find((c) => c.psn_no === person.person.psn_no && !c.damaged)!;
  const files: [string, Buffer][] = [
    ['bill-50k.csv', csv()],
    ['bill-50k-2301.json', feedetail(person.person.psn_no)],
    ['bill-50k.xlsx', await xlsx()],
    ['bill-20mb.csv', csv(400)],
  ];

  log(`bench:bill-import — ${LINES} lines per file`);
  log("1. parseBillBytes in Node (the worker's code):");
  for (const [name, bytes] of files) {
    const t = performance.now();
    const r = await parseBillBytes(name, new Uint8Array(bytes));
    const ms = performance.now() - t;
    log(
      `   ${name.padEnd(20)} ${mb(bytes.length).padStart(8)}  ${r.lines.length} lines, ${r.errors.length} errors  ${ms.toFixed(0)} ms`,
    );
  }

  log('2. dropped on the bill panel in Chromium (worker + store + first render):');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-bills-'));
  const station = await startStation({
    dataDir,
    mode: 'browser',
    open: false,
    seed,
    today,
    say: () => undefined,
    agentPort: 0,
    platformPort: 0,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...HEADLESS_CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(station.url);
    await page.locator('[data-testid=sync-indicator][data-connection=online]').waitFor({ timeout: 120_000 });
    await page.getByTestId(`demo-card-${card.card_id}`).click();
    await page.getByTestId('verdict').waitFor();
    for (const [name, bytes] of files) {
      const dataTransfer = await page.evaluateHandle(
        ({ name, data }) => {
          const dt = new DataTransfer();
          dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
          return dt;
        },
        { name, data: bytes.toString('base64') },
      );
      // a 10 ms timer on the page's thread: the longest gap between its ticks while the file imports
      await page.evaluate(() => {
        const w = window as unknown as { gap: { max: number; last: number; id: number } };
        w.gap = { max: 0, last: performance.now(), id: 0 };
        w.gap.id = window.setInterval(() => {
          const now = performance.now();
          w.gap.max = Math.max(w.gap.max, now - w.gap.last);
          w.gap.last = now;
        }, 10);
      });
      const t = Date.now();
      await page.getByTestId('bill-panel').dispatchEvent('drop', { dataTransfer });
      await page.locator(`[data-testid=bill-summary]:has-text("${name}")`).waitFor({ timeout: 120_000 });
      const ms = Date.now() - t;
      const gap = await page.evaluate(() => {
        const w = window as unknown as { gap: { max: number; id: number } };
        window.clearInterval(w.gap.id);
        return w.gap.max;
      });
      log(
        `   ${name.padEnd(20)} ${mb(bytes.length).padStart(8)}  shown after ${ms} ms; longest gap on the page's thread ${gap.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await station.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
