// The audit screen over the real database: the chain verified intact, then — after one stored entry
// is altered behind the station's back — broken at exactly that entry; an export recorded first and
// saved as JSON lines.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testStation, type TestStation } from '../../../test/support/test-station';
import { recordAudit } from '../../db';
import { StationContext } from '../../station';
import { AuditScreen } from './AuditScreen';

let ts: TestStation;
afterEach(() => {
  vi.restoreAllMocks();
  ts?.close();
});

function show() {
  render(
    <StationContext.Provider value={ts.station}>
      <AuditScreen params={{}} />
    </StationContext.Provider>,
  );
}

describe('the audit screen', () => {
  it('verifies the chain, then names the exact entry after one stored entry is altered', async () => {
    ts = await testStation({ signedIn: 'supervisor01' });
    for (let i = 0; i < 12; i++)
      await recordAudit(ts.db, {
        at: new Date().toISOString(),
        kind: 'receipt.reprinted',
        opter: 'cashier01',
        detail: { n: i },
      });
    show();
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(12));
    act(() => void fireEvent.click(screen.getByTestId('audit-verify')));
    const intact = await screen.findByTestId('audit-verdict');
    expect(intact.getAttribute('data-intact')).toBe('true');
    expect(intact.textContent).toContain('共 12 条');

    await ts.db.audit.update(7, { detail: { n: 70 } });
    act(() => void fireEvent.click(screen.getByTestId('audit-verify')));
    await waitFor(() =>
      expect(screen.getByTestId('audit-verdict').getAttribute('data-intact')).toBe('false'),
    );
    const broken = screen.getByTestId('audit-verdict');
    expect(broken.getAttribute('data-broken-at')).toBe('7');
    expect(broken.textContent).toContain('第 7 条断开');
    expect(broken.textContent).toContain('本条被改动');
    const kinds = (await ts.db.audit.orderBy('id').toArray()).map((a) => a.kind);
    expect(kinds.filter((k) => k === 'audit.verified')).toHaveLength(2);
  });

  it('exports JSON lines with the hashes, the export itself recorded in them', async () => {
    ts = await testStation({ signedIn: 'admin01' });
    await recordAudit(ts.db, {
      at: new Date().toISOString(),
      kind: 'receipt.reprinted',
      opter: 'cashier01',
      detail: {},
    });
    const saved: { name: string; text: string }[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:x');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, text: '' });
    });
    const blobs: Blob[] = [];
    const real = globalThis.Blob;
    vi.spyOn(globalThis, 'Blob').mockImplementation(function (parts?: BlobPart[], options?: BlobPropertyBag) {
      const b = new real(parts, options);
      blobs.push(b);
      return b;
    } as never);
    show();
    act(() => void fireEvent.click(screen.getByTestId('audit-export')));
    expect((await screen.findByTestId('audit-exported')).textContent).toContain('已导出 2 条');
    expect(saved[0]!.name).toMatch(/^audit-ST-UI-TEST-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const lines = (await blobs[0]!.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; hash: string; prev: string });
    expect(lines.map((l) => l.kind)).toEqual(['receipt.reprinted', 'audit.exported']);
    expect(lines[1]!.prev).toBe(lines[0]!.hash);
  });
});
