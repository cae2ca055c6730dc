// The counter store's actions over the real settle service and a station database filled from the
// demo world (test/support/test-station.ts): each rule of the counter is one action, proven here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { typedIdRead } from '../../../shared/card';
import type { DemoBill } from '../../../shared/demo-world';
import { cardReadSchema, type CardReadEvent } from '../../../shared/station-api';
import { testStation, type TestStation } from '../../../test/support/test-station';
import {
  commitCheck,
  createCounterStore,
  demoBillInputs,
  stayFacts,
  type CounterDeps,
  type CounterStore,
} from './counter-store';
import { counterStoreOf } from './use-counter';

const TODAY = '2026-06-30';
let ts: TestStation;
let store: CounterStore;

beforeEach(async () => {
  ts = await testStation({ today: TODAY });
  store = counterStoreOf(ts.station);
});
afterEach(() => ts.close());

const actions = () => store.getState().actions;
const bill = (id: string) => ts.world.bills.find((b) => b.bill_id === id)!;
const cardOf = (b: DemoBill): CardReadEvent => {
  const person = ts.world.people.find((p) => p.person.psn_no === b.psn_no)!;
  return cardReadSchema.parse(typedIdRead(person.person.certno, { today: TODAY }));
};
const loadDemo = (b: DemoBill) => actions().loadBill(demoBillInputs(b));

/** A patient whose demo bill has been computed: the state every bill edit starts from. */
async function previewed(id = 'BILL-PNEUMONIA') {
  const b = bill(id);
  await actions().startPatient(cardOf(b));
  loadDemo(b);
  await actions().compute();
  expect(store.getState().preview?.result.status).toBe('settled');
  return b;
}

describe('start patient', () => {
  it('finds the person from the cached filings and takes the scheme of their filing', async () => {
    const b = bill('BILL-PROSTHESIS'); // work injury only
    const started = actions().startPatient(cardOf(b));
    expect(store.getState().person.status).toBe('loading');
    await started;
    const s = store.getState();
    expect(s.person.status).toBe('found');
    expect(s.scheme).toBe('work_injury');
    expect(s.setlType).toBe('inpatient');
  });

  it('a failing lookup ends in an error the panel shows, never in a lookup that runs on', async () => {
    const broken = createCounterStore({
      ...depsOf(),
      resolvePerson: () => Promise.reject(new Error('IndexedDB went away')),
    });
    await broken.getState().actions.startPatient(cardOf(bill('BILL-PNEUMONIA')));
    expect(broken.getState().person).toMatchObject({ status: 'error' });
  });

  it('a card read while an earlier lookup runs wins; the earlier answer is dropped', async () => {
    let release: () => void = () => undefined;
    const slow = createCounterStore({
      ...depsOf(),
      resolvePerson: (card) =>
        card.ssn === 'first'
          ? new Promise(
              (resolve) =>
                (release = () =>
                  resolve({ person: null, filings: [], problem: { key: 'person.incomplete' } })),
            )
          : Promise.resolve({ person: null, filings: [], problem: { key: 'person.noIdOnCard' } }),
    });
    const first = slow.getState().actions.startPatient({ ...cardOf(bill('BILL-PNEUMONIA')), ssn: 'first' });
    await slow.getState().actions.startPatient(cardOf(bill('BILL-HIP')));
    release();
    await first;
    expect(slow.getState().person).toEqual({ status: 'problem', problem: { key: 'person.noIdOnCard' } });
  });
});

describe('editing the bill clears the preview (in one place: setBill)', () => {
  it.each([
    ['a bill input', () => actions().setBill({ acctUsed: true })],
    ['the admission date', () => actions().setBill({ admissionDate: '2026-06-01' })],
    ['the encounter number', () => actions().setBill({ mdtrtId: 'ZY-OTHER' })],
    ['the scheme', () => actions().setBill({ scheme: 'work_injury' })],
    ['a circumstance', () => actions().setBill({ circumstances: { emergency: true } })],
    ['the mid-stay part', () => actions().setBill({ stayPart: 2 })],
    ['a line added', () => actions().addLine({ ...bill('BILL-PNEUMONIA').lines[0]!, feedetl_sn: '99' })],
    ['the lines cleared', () => actions().clearLines()],
    ['another bill loaded', () => loadDemo(bill('BILL-HIP'))],
  ])('%s', async (_, edit) => {
    await previewed();
    edit();
    expect(store.getState().preview).toBeNull();
  });

  it('a scheme change picks a settlement type the scheme has', () => {
    actions().setBill({ setlType: 'chronic_outpatient' });
    actions().setBill({ scheme: 'work_injury' });
    expect(store.getState().setlType).toBe('inpatient');
    actions().setBill({ setlType: 'device' });
    expect(store.getState().setlType).toBe('device');
    actions().setBill({ scheme: 'medical' });
    expect(store.getState().setlType).toBe('inpatient');
  });

  it('loading a whole bill starts its form over; an edit does not', async () => {
    const before = store.getState().billVersion;
    actions().setBill({ mdtrtId: 'ZY1' });
    expect(store.getState().billVersion).toBe(before);
    loadDemo(bill('BILL-HIP'));
    expect(store.getState().billVersion).toBe(before + 1);
  });
});

describe('compute and commit', () => {
  it('settles nothing without an encounter number, and says why', async () => {
    await previewed();
    actions().setBill({ mdtrtId: '  ' });
    await actions().compute();
    expect(commitCheck(store.getState())).toEqual({ ok: false, reason: 'review.needsEncounter' });
    await actions().commit();
    expect(store.getState().receiptId).toBeNull();
    expect(await ts.db.settlements.count()).toBe(0);
  });

  it('commits with the encounter number, shows the receipt and asks for an upload', async () => {
    const b = await previewed();
    expect(commitCheck(store.getState())).toEqual({ ok: true });
    await actions().commit();
    const id = store.getState().receiptId!;
    const row = await ts.db.settlements.get(id);
    expect(row).toMatchObject({ encounter_no: b.mdtrt_id, opter: 'cashier01', status: 'pending' });
    // afterCommit ran the sync engine (the test platform is unreachable)
    await ts.station.sync.runOnce();
    expect(ts.station.sync.state.getState().connection).toBe('offline');
    // the same encounter again is refused, in words
    await actions().startPatient(cardOf(b));
    loadDemo(b);
    await actions().compute();
    await actions().commit();
    expect(store.getState().error).toMatchObject({ code: 'ALREADY_SETTLED' });
  });

  it('a failing compute leaves an error and nothing running', async () => {
    const failing = createCounterStore({
      ...depsOf(),
      settle: {
        ...ts.station.settle,
        preview: () => Promise.reject(Object.assign(new Error('x'), { code: 'NO_POLICY' })),
      },
    });
    const b = bill('BILL-PNEUMONIA');
    await failing.getState().actions.startPatient(cardOf(b));
    failing.getState().actions.loadBill({ lines: b.lines, source: { kind: 'hand' } });
    await failing.getState().actions.compute();
    expect(failing.getState()).toMatchObject({ busy: false, preview: null, error: { code: 'NO_POLICY' } });
  });

  it('next patient clears the patient and the bill, and keeps the scheme', async () => {
    await previewed();
    actions().nextPatient();
    expect(store.getState()).toMatchObject({
      card: null,
      person: { status: 'none' },
      lines: [],
      mdtrtId: '',
      preview: null,
      scheme: 'medical',
    });
  });
});

function depsOf(): CounterDeps {
  return {
    settle: ts.station.settle,
    resolvePerson: () => Promise.reject(new Error('not used')),
    today: () => TODAY,
    operator: () => 'cashier01',
    afterCommit: () => undefined,
  };
}

describe('mid-stay parts (settle/v2)', () => {
  it('a demo bill of a stay settled in parts brings its part; the settle service gets it with the encounter number', async () => {
    const part2 = bill('BILL-REHAB-PART2');
    await actions().startPatient(cardOf(part2));
    loadDemo(part2);
    expect(store.getState().stayPart).toBe(2);
    expect(stayFacts(store.getState())).toEqual({ stay_part: 2, encounter_no: part2.mdtrt_id });
    // only inpatient and rehab stays are settled in parts; a whole stay sends none
    actions().setBill({ setlType: 'outpatient' });
    expect(stayFacts(store.getState())).toEqual({});
    loadDemo(bill('BILL-PNEUMONIA'));
    expect(store.getState().stayPart).toBeNull();
    expect(stayFacts(store.getState())).toEqual({});
  });

  it('part 2 before part 1 is refused by compute, in words; after part 1 it computes', async () => {
    const [part1, part2] = [bill('BILL-REHAB-PART1'), bill('BILL-REHAB-PART2')];
    await actions().startPatient(cardOf(part2));
    loadDemo(part2);
    await actions().compute();
    expect(store.getState()).toMatchObject({ preview: null, error: { code: 'STAY_PART_OUT_OF_ORDER' } });
    loadDemo(part1);
    await actions().compute();
    await actions().commit();
    expect(store.getState().receiptId).not.toBeNull();
    actions().nextPatient();
    await actions().startPatient(cardOf(part2));
    loadDemo(part2);
    await actions().compute();
    expect(store.getState().preview?.result.stay_part).toBe(2);
  });
});
