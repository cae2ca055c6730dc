// The real station for the bench's UI phase (real-ui.ts): its identity registered with the bench
// platform, its config provisioned as `npm start` provisions it, the renderer built when stale, and
// the browser-mode agent serving it on a free loopback port.
import { join } from 'node:path';
import { startBrowserStation, type BrowserStation } from '../../electron/agent';
import type { StationRegistration } from '../../platform-sim';
import { DEMO_HOSPITAL } from '../../shared/demo-world';
import { buildRenderer, rendererIsStale } from '../renderer-build';
import {
  provisionDemoOperators,
  provisionStation,
  stationIdentity,
  type StationIdentity,
} from '../station-files';

const ROOT = join(import.meta.dirname, '../..');

/** The UI station's identity, made before the platform starts (the platform must know it). */
export function uiStationIdentity(dir: string): {
  identity: StationIdentity;
  registration: StationRegistration;
} {
  const identity = stationIdentity(join(dir, 'platform'));
  return {
    identity,
    registration: { id: identity.stationId, secret: identity.secret, fixmedins_code: DEMO_HOSPITAL },
  };
}

export async function startUiStation(
  dir: string,
  identity: StationIdentity,
  platform: { url: string; seed: string; today: string },
): Promise<BrowserStation> {
  const stationDir = join(dir, 'station');
  provisionStation(stationDir, identity, platform.url, { seed: platform.seed, today: platform.today });
  await provisionDemoOperators(stationDir); // the cashier the bench signs in (real-ui.ts)
  if (rendererIsStale(ROOT)) await buildRenderer(ROOT);
  return startBrowserStation({
    dataDir: stationDir,
    rendererDir: join(ROOT, 'out', 'renderer'),
    version: 'bench',
    chromiumPath: null,
    cards: true,
  });
}
