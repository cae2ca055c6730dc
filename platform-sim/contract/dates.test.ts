// The platform does not trust a station's dates (issue 10, finding 4): against its own clock in China
// time it rejects a settle_date in the future, one older than the offline window (default 90 days,
// `maxOfflineDays`), and one that is not the China date of settled_at — and so a settlement can no
// longer be back-dated into an expired filing's validity. The world here is seeded for the real today.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/services/platform-client';
import { createPlatformClient } from '../../electron/services/platform-client';
import type { DemoBill } from '../../shared/demo-world';
import type { UploadResult } from '../../shared/protocol';
import { DEFAULT_MAX_OFFLINE_DAYS, addDays, cstDate } from '../../shared/protocol';
import type { RunningPlatform } from '../index';
import { billById, personByScenario, uploadFor } from '../test-support';
import { STATIONS, backends, clientOptions, startTestPlatform } from './harness';

const A = STATIONS[0].id;

describe.each(backends())('settle dates on $name', (backend) => {
  let platform: RunningPlatform;
  let client: PlatformClient;
  let today: string;

  beforeAll(async () => {
    today = cstDate(Date.now());
    // No maxOfflineDays: the default window.
    platform = await startTestPlatform(backend, { today, maxOfflineDays: undefined, catalogSize: 300 });
    client = createPlatformClient(clientOptions(platform));
  });
  afterAll(async () => platform?.close());

  const upload = async (bill: DemoBill, settleDate: string, settledAt?: string): Promise<UploadResult> => {
    const up = uploadFor(platform.world, bill, {
      stationId: A,
      tweak: (r) => {
        r.settle_date = settleDate;
        if (r.admission_date && r.admission_date > settleDate) r.admission_date = settleDate;
      },
    });
    if (settledAt) up.settled_at = settledAt;
    const [res] = (await client.call('8201', { data: { settlements: [up] } })).results;
    return res!;
  };
  const codes = (r: UploadResult) => (r.outcome === 'rejected' ? r.reasons.map((x) => x.code) : []);

  it('rejects a settle_date after the platform’s today (China time)', async () => {
    const r = await upload(billById(platform.world, 'BILL-LOCAL'), addDays(today, 2));
    expect(codes(r)).toEqual(['SETTLE_DATE_IN_FUTURE']);
  });

  it('rejects a settled_at later than the platform’s clock on today’s date', async () => {
    const later = new Date(Date.now() + 8 * 3600_000 + 3600_000).toISOString().slice(0, 19) + '+08:00';
    if (later.slice(0, 10) !== today) return; // the last hour of the China day: nothing later today
    const r = await upload(billById(platform.world, 'BILL-LOCAL'), today, later);
    expect(codes(r)).toEqual(['SETTLE_DATE_IN_FUTURE']);
  });

  it(`rejects a settle_date older than ${DEFAULT_MAX_OFFLINE_DAYS} days, and takes one on the window’s edge`, async () => {
    const old = await upload(
      billById(platform.world, 'BILL-REFERRAL'),
      addDays(today, -DEFAULT_MAX_OFFLINE_DAYS - 1),
    );
    expect(codes(old)).toEqual(['SETTLE_DATE_TOO_OLD']);
    const edge = await upload(
      billById(platform.world, 'BILL-REFERRAL'),
      addDays(today, -DEFAULT_MAX_OFFLINE_DAYS),
    );
    expect(codes(edge).filter((c) => c.startsWith('SETTLE_DATE'))).toEqual([]);
  });

  it('rejects a settle_date that is not the China date of settled_at, and takes any offset', async () => {
    const bill = billById(platform.world, 'BILL-CHRONIC-I10');
    const yesterday = addDays(today, -1);
    const mismatch = await upload(bill, yesterday, `${today}T00:00:01+08:00`);
    expect(codes(mismatch)).toEqual(['SETTLE_DATE_MISMATCH']);
    // 16:00 UTC of yesterday is midnight today in China: a UTC date before the China date, and never
    // in the future (00:30, as this test said before, was in the future for half an hour each night).
    const utc = await upload(bill, today, `${yesterday}T16:00:00Z`);
    expect(codes(utc)).toEqual([]);
  });

  it('no longer settles a settlement back-dated into an expired filing’s validity', async () => {
    const w = platform.world;
    const bill = billById(w, 'BILL-APPENDIX');
    const filing = personByScenario(w, 'filing-expired').filings[0]!.filing;
    expect(filing.enddate! < today).toBe(true);
    expect(codes(await upload(bill, today))).toEqual(['FILING_EXPIRED']);
    // The attack: the settle date moved into the filing's validity, settled_at left as it was.
    const backdated = await upload(bill, filing.enddate!, `${today}T00:00:01+08:00`);
    expect(codes(backdated)).toEqual(['SETTLE_DATE_MISMATCH']);
    // Moving settled_at too is an offline settlement of that day: inside the window it cannot be told
    // from a real one, beyond it (a window of 30 days here) it is refused.
    const strict = await startTestPlatform(backend, { today, maxOfflineDays: 30, catalogSize: 300 });
    try {
      const strictClient = createPlatformClient(clientOptions(strict));
      const up = uploadFor(strict.world, bill, {
        stationId: A,
        tweak: (r) => {
          r.settle_date = filing.enddate!;
          r.admission_date = addDays(filing.enddate!, -5);
        },
      });
      const [res] = (await strictClient.call('8201', { data: { settlements: [up] } })).results;
      expect(codes(res!)).toEqual(['SETTLE_DATE_TOO_OLD']);
    } finally {
      await strict.close();
    }
  });
});
