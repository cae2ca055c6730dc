import { describe, expect, it } from 'vitest';
import { demoWorld } from '../../shared/demo-world';
import { uploadSettlementSchema } from '../../shared/protocol';
import type { SettleResult } from '../../shared/settlement';
import { settle } from '../../shared/settlement';
import { billById, uploadFor } from '../test-support';
import { readStoredPlatformResult, readStoredUpload, storedPlatformResult, storedUpload } from './stored';

const world = demoWorld({ seed: 'stored', today: '2026-06-15', catalogSize: 400 });
const sent = uploadFor(world, billById(world, 'BILL-PNEUMONIA'), { stationId: 'ST-A' });
const upload = uploadSettlementSchema.parse(sent);
/** What the platform computes when the station's accumulators were stale. */
const staleUpload = uploadSettlementSchema.parse(
  uploadFor(world, billById(world, 'BILL-PNEUMONIA'), {
    stationId: 'ST-A',
    tweak: (r) => (r.accumulators = { ...r.accumulators, hifp_pay: '1000.00' }),
  }),
);
const platform = settle(sent.request);

describe('what a settlement row stores of the upload and of the platform result', () => {
  it('keeps the whole upload, deflated, with mdtrt_id readable', async () => {
    const text = await storedUpload(upload);
    const stored = JSON.parse(text) as { mdtrt_id: string; deflated: string };
    expect(stored.mdtrt_id).toBe(upload.mdtrt_id);
    expect(text.length).toBeLessThan(JSON.stringify(upload).length / 2);
    expect(text).not.toContain(upload.request.person.psn_name);
    expect(readStoredUpload(text)).toEqual(upload);
  });

  it('keeps only setlinfo of a result that is the station’s, and rebuilds the whole result', async () => {
    const uploadText = await storedUpload(upload);
    const text = storedPlatformResult(platform, upload);
    const stored = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['from_upload', 'setlinfo']);
    expect(stored.setlinfo).toEqual(platform.setlinfo);
    expect(readStoredPlatformResult(text, uploadText)).toEqual(platform);
  });

  it('keeps each field that differs from the station’s (stale accumulators)', async () => {
    const uploadText = await storedUpload(staleUpload);
    const text = storedPlatformResult(platform, staleUpload);
    const stored = JSON.parse(text) as Record<string, unknown> & { from_upload: string[] };
    expect(stored.accumulators_after).toEqual(platform.accumulators_after);
    expect(stored.from_upload).toContain('items');
    expect(stored.from_upload).not.toContain('accumulators_after');
    expect(readStoredPlatformResult(text, uploadText)).toEqual(platform);
  });

  it('keeps the fields of a result unlike the station’s', async () => {
    const other = { ...upload, result: { ...upload.result, items: [], trace: [] } };
    const text = storedPlatformResult(platform, other);
    const stored = JSON.parse(text) as Record<string, unknown> & { from_upload: string[] };
    expect(stored.items).toEqual(platform.items);
    expect(stored.trace).toEqual(platform.trace);
    expect(stored.from_upload).toContain('status');
    expect(readStoredPlatformResult(text, await storedUpload(other))).toEqual(platform);
  });

  it('reads rows stored before this format (the plain upload, the whole result)', () => {
    const plainUpload = JSON.stringify(upload);
    const plainResult = JSON.stringify(platform);
    expect(readStoredUpload(plainUpload)).toEqual(upload);
    expect(readStoredPlatformResult(plainResult, plainUpload)).toEqual(platform as SettleResult);
  });
});
