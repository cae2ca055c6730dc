// The bench page: runs in real Chromium (scripts/bench-station.ts launches it) against the local
// platform through the bench relay, and returns its figures to the script. The script opens it in
// three tabs, one after the other, so no phase shares a heap with another:
//   floors      the floors of each big dataset (delivery, bare put, page work), rows dropped after
//   first-sync  a new station's first sync into an empty database, then the lookup segments loaded
//   ?station=   a station window opening the full database: cold start, counter latencies,
//               searches, 1,000 settlements, their upload and the sync cycle after it
import { requestPersistence, warmSegments, type StationDb } from '../../renderer/db';
import { measureFloors } from './floors';
import { firstSync } from './first-sync';
import { relayPort } from './relay-port';
import {
  catalogSearches,
  coldStart,
  counterLatency,
  drain,
  settleMany,
  syncCycle,
  type ColdStart,
  type StationParams,
} from './station';

let started: Promise<ColdStart> | null = null;

const bench = {
  async floors(pageSize: number) {
    return {
      persistence: (await requestPersistence()).outcome,
      floors: await measureFloors(relayPort(), pageSize),
    };
  },
  async firstSync(dbName: string, pageSize: number) {
    const { db, figures } = await firstSync(relayPort(), dbName, pageSize);
    // the window keeps its database open and its lookups warm, as the app's window does
    (window as unknown as { stationDb: StationDb }).stationDb = db;
    const t0 = performance.now();
    const segments = await warmSegments(db);
    return { ...figures, segments, segments_ms: performance.now() - t0 };
  },
  coldStart: () => started!,
  counterLatency: (p: StationParams) => counterLatency(p),
  catalogSearches: (p: StationParams) => catalogSearches(p),
  settleMany: (p: StationParams) => settleMany(p),
  drain: () => drain(relayPort()),
  syncCycle: () => syncCycle(relayPort()),
};

export type Bench = typeof bench;

(window as unknown as { bench: Bench }).bench = bench;
const station = new URLSearchParams(location.search).get('station');
if (station) {
  started = coldStart(station);
  started.then(
    () => (document.getElementById('status')!.textContent = 'station ready'),
    (e: unknown) => (document.getElementById('status')!.textContent = `station failed: ${String(e)}`),
  );
} else {
  document.getElementById('status')!.textContent = 'bench ready';
}
