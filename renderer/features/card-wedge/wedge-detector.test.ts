import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWedgeDetector } from './wedge-detector';
import type { WedgeKey, WedgeVerdict } from './wedge-detector';
import { wedgeScanToRead } from './wedge-read';

/** Keystrokes of `text` + Enter with the given gaps (ms) starting at t0. */
function keys(text: string, gap: (i: number) => number, t0 = 1000, end = 'Enter'): WedgeKey[] {
  const out: WedgeKey[] = [];
  let t = t0;
  for (const ch of [...text, end]) {
    out.push({ key: ch, timeStamp: t });
    t += gap(out.length - 1);
  }
  return out;
}

function run(events: WedgeKey[], opts = {}): WedgeVerdict[] {
  const d = createWedgeDetector(opts);
  return events.map((e) => d.feed(e));
}

const scans = (vs: WedgeVerdict[]) => vs.flatMap((v) => (v.type === 'scan' ? [v.scan.text] : []));

describe('wedge detector', () => {
  it('recognises a scanner burst (8 ms per key) ending in Enter', () => {
    const vs = run(keys('CHS1ABCDEFGH123', () => 8));
    expect(scans(vs)).toEqual(['CHS1ABCDEFGH123']);
    expect(vs.at(-1)).toEqual({ type: 'scan', scan: { text: 'CHS1ABCDEFGH123', durationMs: 8 * 15 } });
  });

  it('ignores a person typing, even a fast one (70 ms per key)', () => {
    expect(scans(run(keys('110105194912310', () => 70)))).toEqual([]);
  });

  it('ignores a person with uneven rhythm whose keys sometimes come 20 ms apart', () => {
    expect(scans(run(keys('ABCDEFGHIJ', (i) => (i % 3 === 0 ? 20 : 120))))).toEqual([]);
  });

  it('ignores a short burst (below the minimum length)', () => {
    expect(scans(run(keys('1234', () => 5)))).toEqual([]);
  });

  it('ignores Shift keys a scanner sends for capitals', () => {
    const evs = keys('ABCDEFGHIJ', () => 6).flatMap((e) =>
      e.key === 'Enter' ? [e] : [{ key: 'Shift', timeStamp: e.timeStamp - 1 }, e],
    );
    expect(scans(run(evs))).toEqual(['ABCDEFGHIJ']);
  });

  it('keeps only the burst when a person typed a few keys before the scan', () => {
    const typed = keys('ab', () => 200, 0, 'x').slice(0, 2);
    const scan = keys('SCANNED12345', () => 10, 1000);
    expect(scans(run([...typed, ...scan]))).toEqual(['SCANNED12345']);
  });

  it('drops a burst interrupted by Backspace or a long pause before Enter', () => {
    const withBackspace = keys('ABCDEFGHIJ', () => 5);
    withBackspace.splice(5, 0, { key: 'Backspace', timeStamp: withBackspace[4].timeStamp + 1 });
    expect(scans(run(withBackspace))).toEqual([]);
    const late = keys('ABCDEFGHIJ', (i) => (i === 9 ? 500 : 5));
    expect(scans(run(late))).toEqual([]);
  });

  it('recognises two scans in a row', () => {
    const a = keys('FIRSTSCAN1', () => 5, 0);
    const b = keys('SECONDSCAN', () => 5, 2000);
    expect(scans(run([...a, ...b]))).toEqual(['FIRSTSCAN1', 'SECONDSCAN']);
  });

  it('property: human gaps (≥ 60 ms) never make a scan; scanner gaps (≤ 30 ms) always do', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{8,40}$/),
        fc.array(fc.integer({ min: 60, max: 400 }), { minLength: 41, maxLength: 41 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 41, maxLength: 41 }),
        (text, human, scanner) => {
          expect(scans(run(keys(text, (i) => human[i])))).toEqual([]);
          expect(scans(run(keys(text, (i) => scanner[i])))).toEqual([text]);
        },
      ),
    );
  });
});

describe('wedgeScanToRead', () => {
  const today = '2026-11-23';
  it('turns a valid ID number into an ID-number read', () => {
    expect(wedgeScanToRead('11010519491231002X', { today })).toMatchObject({
      kind: 'typed-id',
      certType: '02',
      ssn: '11010519491231002X',
      source: { kind: 'keyboard-wedge' },
    });
  });
  it('keeps anything else as an unresolved token, including an ID number that fails its check', () => {
    expect(wedgeScanToRead('11010519491231002Y', { today })).toMatchObject({
      kind: 'qr-token',
      certType: '01',
      ssn: '',
    });
    expect(wedgeScanToRead('110105194912310021', { today })).toMatchObject({ kind: 'qr-token', ssn: '' });
    expect(wedgeScanToRead('CHS1.abc', { today })).toMatchObject({
      kind: 'qr-token',
      token: 'CHS1.abc',
      partial: true,
    });
  });
});
