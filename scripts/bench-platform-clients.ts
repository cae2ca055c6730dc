// The 8201 clients of `npm run bench:platform`, in a process of their own (as real stations are), so
// the bench's CPU figures are the platform's alone: building 50-line bills, stringifying and signing
// 3 MB batches and parsing the answers no longer run on the thread that runs the platform.
// Started by scripts/bench-platform.ts with one JSON argument (ClientsPlan). It builds its bills from
// the same demo world the platform seeded (same seed, date and sizes), signs in, warms up, then prints
// `{"ready":true}`. Each line `serial` or `parallel` on stdin runs that phase (one client, or four at
// once) and prints `{"phase","ms","outcomes","cpuMs"}` (cpuMs: this process's CPU in the phase); a failure prints `{"error"}` and exits 1.

import { createInterface } from 'node:readline';
import { PlatformError, createPlatformClient } from '../electron/services/platform-client';
import type { PlatformClient } from '../electron/services/platform-client';
import { demoWorld } from '../shared/demo-world';
import type { UploadSettlementInput } from '../shared/protocol';
import { settleablePeople, syntheticBill, uploadFor } from '../platform-sim/test-support';

export interface ClientsPlan {
  url: string;
  station: { id: string; secret: string; fixmedins_code: string };
  world: { seed: string; today: string; catalogSize: number; peopleCount: number };
  settlements: number;
  batch: number;
  lines: number;
  /** settlements sent by the four clients before the first timed phase (JIT warm-up, not timed) */
  warmup: number;
  /** prefix of every local_setl_id, unique per platform */
  tag: string;
}

export type ClientsPhase = 'serial' | 'parallel';
export type ClientsMessage =
  | { ready: true }
  | { phase: ClientsPhase; ms: number; outcomes: Record<string, number>; cpuMs: number }
  | { error: string };

const plan = JSON.parse(process.argv[2] ?? '') as ClientsPlan;
const say = (m: ClientsMessage) => process.stdout.write(`${JSON.stringify(m)}\n`);

function client(): PlatformClient {
  return createPlatformClient({
    baseUrl: plan.url,
    stationId: plan.station.id,
    secret: plan.station.secret,
    fixmedinsCode: plan.station.fixmedins_code,
    fixmedinsName: '海南省人民医院',
    mdtrtareaAdmvs: '460106',
    timeoutMs: 300_000,
  });
}

const world = demoWorld(plan.world);
const people = settleablePeople(world);

function batches(count: number, tag: string): UploadSettlementInput[][] {
  const out: UploadSettlementInput[][] = [];
  for (let b = 0; b < Math.ceil(count / plan.batch); b++)
    out.push(
      Array.from({ length: Math.min(plan.batch, count - b * plan.batch) }, (_, i) => {
        const n = b * plan.batch + i;
        return uploadFor(
          world,
          syntheticBill(world, people[n % people.length], plan.lines, plan.station.fixmedins_code, n),
          {
            stationId: plan.station.id,
            localSetlId: `${tag}${String(n).padStart(7, '0')}`,
            mdtrtId: `${tag}-${n}`,
          },
        );
      }),
    );
  return out;
}

/** 8201 is idempotent by local_setl_id, so a batch whose answer was lost (transient) is simply sent again. */
async function upload(c: PlatformClient, batch: UploadSettlementInput[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await c.call('8201', { data: { settlements: batch } })).results;
    } catch (err) {
      if (!(err instanceof PlatformError) || !err.transient || attempt >= 3) throw err;
    }
  }
}

/** Sends every batch, each client taking the next one as soon as it has its answer. */
async function send(clients: PlatformClient[], work: UploadSettlementInput[][]) {
  const outcomes: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    clients.map(async (c) => {
      while (next < work.length) {
        const b = work[next++]!;
        for (const r of await upload(c, b)) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
      }
    }),
  );
  return outcomes;
}

async function main(): Promise<void> {
  // Bills are built (and settled by the "station") before anything is timed.
  const work: Record<ClientsPhase, UploadSettlementInput[][]> = {
    serial: batches(plan.settlements, `${plan.tag}S`),
    parallel: batches(plan.settlements, `${plan.tag}P`),
  };
  const clients = [client(), client(), client(), client()];
  for (const c of clients) await c.signIn();
  await send(clients, batches(plan.warmup, `${plan.tag}W`));
  say({ ready: true });
  for await (const line of createInterface({ input: process.stdin })) {
    const phase = line.trim() as ClientsPhase;
    if (phase !== 'serial' && phase !== 'parallel') throw new Error(`unknown phase ${line.slice(0, 40)}`);
    const t = performance.now();
    const cpu = process.cpuUsage();
    const outcomes = await send(phase === 'serial' ? clients.slice(0, 1) : clients, work[phase]);
    const used = process.cpuUsage(cpu);
    say({ phase, ms: performance.now() - t, outcomes, cpuMs: (used.user + used.system) / 1000 });
  }
}

main().catch((err: unknown) => {
  say({ error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  process.exit(1);
});
