import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { typedIdRead } from '../../../shared/card';
import { citizenIdCheckChar } from '../../../shared/ids';
import { cardReadSchema } from '../../../shared/station-api';
import { failingStore } from '../../../test/support/failing-store';
import { testStation, type TestStation } from '../../../test/support/test-station';
import { StationContext } from '../../station';
import { counterStoreOf } from './use-counter';
import { PersonPanel } from './PersonPanel';

const TODAY = '2026-06-30';
let ts: TestStation;
afterEach(() => ts?.close());

function show() {
  render(
    <StationContext.Provider value={ts.station}>
      <PersonPanel />
    </StationContext.Provider>,
  );
  return counterStoreOf(ts.station).getState().actions;
}

const card = (certno: string) => cardReadSchema.parse(typedIdRead(certno, { today: TODAY }));
const certnoOf = (scenario: string) => ts.world.people.find((p) => p.scenario === scenario)!.person.certno;

/** Every read of the lookup segments fails, as a broken IndexedDB would. */
const brokenSegments = failingStore(
  'segments',
  () => new DOMException('The backing store is gone', 'UnknownError'),
  ['get', 'getMany', 'query', 'openCursor', 'count'],
);

describe('the person panel', () => {
  it('shows the person, masked, and the verdict of the settle service', async () => {
    ts = await testStation({ today: TODAY });
    const actions = show();
    await act(() => actions.startPatient(card(certnoOf('inpatient-direct'))));
    const verdict = await screen.findByTestId('verdict');
    expect(verdict.getAttribute('data-can-settle')).toBe('true');
    expect(verdict.textContent).toContain('可以在本机构直接结算');
    const certno = certnoOf('inpatient-direct');
    expect(screen.getByTestId('person').textContent).toContain(
      `${certno.slice(0, 6)}********${certno.slice(-4)}`,
    );
    expect(screen.getByTestId('person').textContent).not.toContain(certno);
  });

  it('says why a person cannot be settled directly (an expired filing)', async () => {
    ts = await testStation({ today: TODAY });
    const actions = show();
    await act(() => actions.startPatient(card(certnoOf('filing-expired'))));
    const verdict = await screen.findByTestId('verdict');
    expect(verdict.getAttribute('data-can-settle')).toBe('false');
    expect(verdict.querySelector('[data-code=FILING_EXPIRED]')).not.toBeNull();
  });

  it('a database failure during the lookup is shown as an error, and no spinner is left running', async () => {
    ts = await testStation({ today: TODAY });
    ts.db.close();
    ts.db.use(brokenSegments);
    await ts.db.open();
    const actions = show();
    await act(() => actions.startPatient(card(certnoOf('inpatient-direct'))));
    const error = await screen.findByTestId('person-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toMatch(/操作失败|数据库/);
    expect(screen.getByTestId('verdict').getAttribute('data-can-settle')).toBe('false');
    expect(screen.queryByTestId('person-loading')).toBeNull();
    expect(screen.queryByTestId('loading')).toBeNull();
  });

  it('someone with no cached filing while the platform is unreachable: the reason, in words, no spinner', async () => {
    ts = await testStation({ today: TODAY });
    const actions = show();
    const stranger = '11010119900307123';
    await act(() => actions.startPatient(card(stranger + citizenIdCheckChar(stranger))));
    const problem = await screen.findByTestId('person-problem');
    expect(problem.getAttribute('data-code')).toBe('person.lookupFailed');
    expect(problem.textContent).toBe('本地无此人备案，联网查询失败（测试：平台不可达）');
    await waitFor(() => expect(screen.queryByTestId('person-loading')).toBeNull());
  });
});
