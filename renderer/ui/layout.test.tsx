import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable, Panel, type Column } from './layout';
import { Money } from './values';

describe('Panel', () => {
  it('is a region named by its title, with data attributes passed on', () => {
    render(
      <Panel title="结算单" className="receipt-panel" data-testid="p" data-status="pending">
        body
      </Panel>,
    );
    const region = screen.getByRole('region', { name: '结算单' });
    expect(region).toBe(screen.getByTestId('p'));
    expect(region.className).toBe('panel receipt-panel');
    expect(region.getAttribute('data-status')).toBe('pending');
  });
  it('without a title has no heading and no label', () => {
    render(<Panel data-testid="p">x</Panel>);
    expect(screen.getByTestId('p').getAttribute('aria-labelledby')).toBeNull();
    expect(screen.queryByRole('heading')).toBeNull();
  });
});

interface Row {
  id: string;
  name: string;
  cash: string;
}
const columns: Column<Row>[] = [
  { key: 'name', header: '患者', cell: (r) => r.name },
  { key: 'cash', header: '现金', cell: (r) => <Money amount={r.cash} />, numeric: true },
];

describe('DataTable', () => {
  it('renders a row per item with the declared columns, numbers right-aligned', () => {
    render(
      <DataTable
        columns={columns}
        rows={[
          { id: 'a', name: '张三', cash: '10.00' },
          { id: 'b', name: '李四', cash: '0.50' },
        ]}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ 'data-testid': 'row', 'data-id': r.id })}
      />,
    );
    const rows = screen.getAllByTestId('row');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['a', 'b']);
    const cells = within(rows[1]!).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['李四', '0.50']);
    expect(cells[1]!.className).toBe('num');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['患者', '现金']);
  });
  it('says so when there are no rows', () => {
    render(<DataTable columns={columns} rows={[]} rowKey={(r) => r.id} empty="没有结算记录" />);
    expect(screen.getByText('没有结算记录')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
