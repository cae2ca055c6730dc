import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { SyncError } from './errors';
import { validatePage } from './page-validation';
import { failureKind } from './platform-port';
import { inProcessWriterLock, webLocksWriterLock } from './writer-lock';

const cat = (key: string) => ({
  key,
  entry: { name: '阿莫西林胶囊', chrgitm_lv: '01', selfpay_prop: '0', pric_uplmt_amt: null },
});
const page = (over: Record<string, unknown> = {}) => ({
  rows: [cat('A'), cat('B')],
  deleted: ['Z'],
  next_ver: 12,
  more: true,
  total_rows: 40,
  ...over,
});
const req = { since_ver: 10, page_size: 3 };

describe('validatePage refuses a page that breaks the protocol', () => {
  const hostile: [string, unknown, RegExp][] = [
    ['not an object', 'rows', /output/],
    ['rows missing', { ...page(), rows: undefined }, /output\.rows/],
    ['next_ver not an integer', page({ next_ver: 12.5 }), /next_ver/],
    ['next_ver going back', page({ next_ver: 9 }), /goes back/],
    ['more rows than asked', page({ rows: [1, 2, 3, 4].map((i) => cat(`K${i}`)) }), /page_size/],
    ['more without progress', page({ next_ver: 10 }), /loop forever/],
    [
      'more with a page that is not full',
      page({ rows: [cat('A')], deleted: [] }),
      /more=true with 1 changes for page_size 3/,
    ],
    [
      'a row of the wrong shape',
      page({ rows: [cat('A'), { key: 'B', entry: { name: 'x' } }] }),
      /rows\[1\]\.entry/,
    ],
    [
      'a bad amount',
      page({
        more: false,
        rows: [{ key: 'A', entry: { name: 'x', chrgitm_lv: '01', selfpay_prop: '0', pric_uplmt_amt: '-1' } }],
      }),
      /rows\[0\]/,
    ],
    ['an empty key', page({ more: false, rows: [cat('')] }), /rows\[0\]\.key/],
    ['a key twice', page({ rows: [cat('A'), cat('A')] }), /appears twice/],
    ['negative total', page({ total_rows: -1 }), /total_rows/],
    ['deleted not strings', page({ deleted: [1] }), /deleted/],
  ];
  it.each(hostile)('%s', (_name, raw, message) => {
    let error: unknown;
    try {
      validatePage('catalog', raw, req);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('PROTOCOL_VIOLATION');
    expect((error as SyncError).message).toMatch(message);
    expect((error as SyncError).message_zh).toMatch(/已拒收/);
  });

  it('accepts a good page; a key deleted and published again is a row, not a deletion', () => {
    const ok = validatePage('catalog', page({ more: false, deleted: ['Z', 'A'] }), req);
    expect(ok.rows.map((r) => r.key)).toEqual(['A', 'B']);
    expect(ok.deleted).toEqual(['Z']);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    const policy = { baseMs: 100, capMs: 5000 };
    expect(backoffDelay(0, () => 0.999, policy)).toBe(99);
    expect(backoffDelay(3, () => 0.5, policy)).toBe(400);
    expect(backoffDelay(40, () => 0.999, policy)).toBe(4995);
    expect(backoffDelay(5, () => 0, policy)).toBe(0);
  });

  it('treats only an explicit permanent failure as permanent', () => {
    expect(failureKind({ kind: 'permanent', errCode: 'INPUT_INVALID' })).toBe('permanent');
    expect(failureKind({ kind: 'transient' })).toBe('transient');
    expect(failureKind(new TypeError('fetch failed'))).toBe('transient');
  });
});

describe('single writer', () => {
  it('in-process: a second holder is turned away while the first runs, and admitted after', async () => {
    const lock = inProcessWriterLock();
    let release!: () => void;
    const first = lock.runIfFree('q', () => new Promise<string>((r) => (release = () => r('one'))));
    expect(await lock.runIfFree('q', async () => 'two')).toEqual({ ran: false });
    expect(await lock.runIfFree('other', async () => 'three')).toEqual({ ran: true, value: 'three' });
    release();
    expect(await first).toEqual({ ran: true, value: 'one' });
    expect(await lock.runIfFree('q', async () => 'four')).toEqual({ ran: true, value: 'four' });
  });

  it('Web Locks: asks for the lock ifAvailable and skips when it is held', async () => {
    const calls: unknown[] = [];
    const locks = {
      held: false,
      async request(name: string, options: { ifAvailable?: boolean }, cb: (l: unknown) => Promise<unknown>) {
        calls.push([name, options]);
        if (this.held) return cb(null);
        this.held = true;
        try {
          return await cb({ name });
        } finally {
          this.held = false;
        }
      },
    };
    const lock = webLocksWriterLock(locks);
    let inner: unknown;
    const outer = await lock.runIfFree('q', async () => {
      inner = await lock.runIfFree('q', async () => 'nested');
      return 'outer';
    });
    expect(outer).toEqual({ ran: true, value: 'outer' });
    expect(inner).toEqual({ ran: false });
    expect(calls[0]).toEqual(['q', { mode: 'exclusive', ifAvailable: true }]);
  });
});
