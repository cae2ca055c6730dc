// npm run bench:settle — settle() on bills of 5,000 and 50,000 lines: median milliseconds, lines per
// second, and in the same run the bare decimal.js operations the contract needs for the same lines (the
// arithmetic floor), and the ratio engine / floor. Goals: ratio ≤ 2 (issue 11), 5,000 lines < 50 ms median.
// settle/v2 adds the fee table by charge category (chrgitm_summary): the catalog carries categories, a
// few lines are meal lines, and the floor sums the table's columns too, as the contract requires.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Decimal, formatAmount, round2 } from '../shared/money';
import { settle, type SettleRequestInput } from '../shared/settlement';

const base = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../shared/settlement/fixtures/01-worked-example.request.json'),
    'utf8',
  ),
) as SettleRequestInput;

/** A deterministic catalog of 2,000 codes across classes 01/02/03, a third with price ceilings, most with a charge category. */
function makeCatalog(): NonNullable<SettleRequestInput['catalog']> {
  const catalog: NonNullable<SettleRequestInput['catalog']> = {};
  for (let i = 0; i < 2000; i++) {
    const lv = (['01', '02', '02', '03'] as const)[i % 4]!;
    catalog[`C${String(i).padStart(5, '0')}`] = {
      name: `项目${i}`,
      chrgitm_lv: lv,
      selfpay_prop: lv === '02' ? ['0.05', '0.10', '0.15', '0.20'][i % 4]! : '0',
      pric_uplmt_amt: i % 3 === 0 ? `${(i % 97) + 5}.50` : null,
      ...(i % 7 === 6 ? {} : { med_chrgitm_type: String((i % 14) + 1).padStart(2, '0') as '01' }),
    };
  }
  return catalog;
}

function makeBill(lines: number, catalog: ReturnType<typeof makeCatalog>): SettleRequestInput {
  const codes = Object.keys(catalog);
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const out = [];
  for (let i = 0; i < lines; i++) {
    const cnt = String((next() % 40) + 1) + (i % 5 === 0 ? '.5' : '');
    const pric = `${next() % 300}.${String(next() % 1000).padStart(3, '0')}`;
    const code = i % 50 === 49 ? 'OFF-CATALOG' : codes[next() % codes.length]!;
    out.push({
      feedetl_sn: String(i + 1),
      med_list_codg: code,
      cnt,
      pric,
      det_item_fee_sumamt: formatAmount(round2(new Decimal(cnt).times(pric))),
      ...(i % 97 === 96 ? { fee_kind: 'meal' as const } : {}),
    });
  }
  return { ...base, catalog, lines: out };
}

/**
 * The arithmetic floor: the decimal.js work settle/v2 needs per line (items, totals, the fee table's
 * columns), without validation, rule objects, trace or result objects.
 */
function floor(req: SettleRequestInput): string {
  const catalog = req.catalog!;
  const tolerance = new Decimal('0.01');
  const table = new Map<string, Decimal[]>();
  let medfee = new Decimal(0),
    ful = new Decimal(0),
    over = new Decimal(0),
    pre = new Decimal(0),
    inscp = new Decimal(0);
  let sink = '';
  for (const line of req.lines) {
    const amount = new Decimal(line.det_item_fee_sumamt);
    if (new Decimal(line.cnt).times(line.pric).minus(amount).abs().gt(tolerance)) throw new Error('bad line');
    const e = catalog[line.med_list_codg];
    let o = new Decimal(0),
      p = new Decimal(0),
      f = new Decimal(0),
      base = amount;
    if (!e || e.chrgitm_lv === '03' || line.fee_kind) f = amount;
    else {
      if (e.pric_uplmt_amt !== null) {
        const x = amount.minus(round2(new Decimal(e.pric_uplmt_amt).times(line.cnt)));
        if (x.gt(0)) o = x;
      }
      base = amount.minus(o);
      if (e.chrgitm_lv === '02') p = round2(base.times(e.selfpay_prop));
    }
    const i = f.isZero() ? base.minus(p) : new Decimal(0);
    medfee = medfee.plus(amount);
    ful = ful.plus(f);
    over = over.plus(o);
    pre = pre.plus(p);
    inscp = inscp.plus(i);
    const type = line.med_chrgitm_type ?? e?.med_chrgitm_type ?? '14';
    let col = table.get(type);
    if (!col) table.set(type, (col = [new Decimal(0), new Decimal(0), new Decimal(0)]));
    col[0] = col[0]!.plus(amount);
    if (!f.isZero()) col[1] = col[1]!.plus(f);
    else col[2] = col[2]!.plus(amount); // the class 01 / 02 column
    sink = amount.toFixed(2) + f.toFixed(2) + o.toFixed(2) + p.toFixed(2) + i.toFixed(2);
  }
  for (const [type, col] of table) sink += type + col.map((c) => c.toFixed(2)).join('');
  return sink + medfee.toFixed(2) + inscp.toFixed(2);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

interface Sample {
  wall: number;
  cpu: number;
}

/** One run of fn: wall-clock ms and this process's CPU ms (less moved by other processes on a busy machine). */
function once(fn: () => unknown): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Engine and floor run alternately, so a busy spell of the machine weighs on both alike. */
function timeBoth(engine: () => unknown, bare: () => unknown, runs: number): [Sample, Sample] {
  for (let i = 0; i < 3; i++) {
    engine(); // warm up the JIT
    bare();
  }
  const e: Sample[] = [];
  const b: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    e.push(once(engine));
    b.push(once(bare));
  }
  const med = (xs: Sample[]): Sample => ({
    wall: median(xs.map((x) => x.wall)),
    cpu: median(xs.map((x) => x.cpu)),
  });
  return [med(e), med(b)];
}

const catalog = makeCatalog();
const cell = (n: number, width: number) => n.toFixed(2).padStart(width);
console.log(
  `settle/v2 benchmark — node ${process.version}, ${process.arch}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`,
);
console.log('lines   | engine median ms (cpu) | lines/s    | floor median ms (cpu) | engine/floor (cpu)');
for (const [lines, runs] of [
  [5_000, 31],
  [50_000, 9],
] as const) {
  const req = makeBill(lines, catalog);
  const result = settle(req);
  if (result.status !== 'settled' || result.items?.length !== lines)
    throw new Error('benchmark bill did not settle');
  const [engine, bare] = timeBoth(
    () => settle(req),
    () => floor(req),
    runs,
  );
  console.log(
    `${String(lines).padEnd(7)} | ${cell(engine.wall, 12)} (${cell(engine.cpu, 7)}) | ${Math.round(
      (lines / engine.wall) * 1000,
    )
      .toLocaleString('en')
      .padStart(
        10,
      )} | ${cell(bare.wall, 11)} (${cell(bare.cpu, 7)}) | ${cell(engine.wall / bare.wall, 9)} (${cell(engine.cpu / bare.cpu, 5)})`,
  );
}
