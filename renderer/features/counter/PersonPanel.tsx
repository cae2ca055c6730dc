// The person and the plain verdict: can this person be settled directly here, and if not, why. The
// verdict is the settle service's assess(): step 1 of the very request compute() will settle, over the
// same facts (settleFacts), so the two cannot disagree. It is asked again when the scheme, the type or
// a circumstance changes, and after every sync cycle (a policy may just have arrived).
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { provinceName } from '../../../shared/ids';
import { SCHEMES, SETL_TYPES, type Person } from '../../../shared/settlement';
import type { FilingRow, Scheme, SetlType } from '../../db';
import type { PreparedSettlement } from '../../settle-service';
import { useStation } from '../../station';
import {
  AsyncView,
  Bilingual,
  BilingualAlert,
  MaskedId,
  Panel,
  ratioAsPercent,
  useAsync,
  useBilingual,
} from '../../ui';
import { settleFacts, type CounterState } from './counter-store';
import { FreshnessLine } from './FreshnessLine';
import { useCounter, useCounterActions } from './use-counter';

export function PersonPanel() {
  const { t } = useTranslation();
  const station = useStation();
  const state = useCounter(useShallow((s: CounterState) => s));
  const { setBill } = useCounterActions();
  const bi = useBilingual();
  const lastCycleAt = useStore(station.sync.state, (s) => s.lastCycleAt);
  const { card, person, scheme, setlType } = state;
  const found = person.status === 'found' ? person : null;
  const facts = settleFacts(state, station.today());
  const assessment = useAsync(
    () => station.settle.assess(facts),
    [found, scheme, setlType, state.admissionDate, facts.dise_codg, state.circumstances, lastCycleAt],
    { enabled: found !== null },
  );

  if (!card || person.status === 'none') return null;
  if (person.status === 'loading')
    return (
      <Panel className="person-panel" role="status" data-testid="person-loading">
        {t('person.lookupOnline')}
      </Panel>
    );
  if (person.status === 'problem' || person.status === 'error')
    return (
      <Panel className="person-panel verdict-no" data-testid="verdict" data-can-settle="false">
        {person.status === 'problem' ? (
          <strong data-testid="person-problem" data-code={person.problem.key}>
            {t(person.problem.key, { detail: person.problem.detail ? bi(person.problem.detail) : '' })}
          </strong>
        ) : (
          <BilingualAlert error={person.error} testId="person-error" />
        )}
      </Panel>
    );

  const schemes: Scheme[] = person.filings.length
    ? [...new Set(person.filings.map((f) => f.scheme))]
    : [SCHEMES[0]];
  return (
    <Panel title={t('person.title')} className="person-panel">
      <PersonFacts
        person={person.person}
        filing={assessment.status === 'ok' ? assessment.data.filing : undefined}
      />
      <div className="choice-row">
        <label>
          {t('person.scheme')}
          <select
            value={scheme}
            data-testid="scheme"
            onChange={(e) => setBill({ scheme: e.target.value as Scheme })}
          >
            {schemes.map((s) => (
              <option key={s} value={s}>
                {t(`scheme.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('person.setlType')}
          <select
            value={setlType}
            data-testid="setl-type"
            onChange={(e) => setBill({ setlType: e.target.value as SetlType })}
          >
            {SETL_TYPES[scheme].map((s) => (
              <option key={s} value={s}>
                {t(`setlType.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FreshnessLine freshness={state.freshness} />
      <AsyncView state={assessment} loading={t('person.checking')} errorTestId="verdict-error">
        {(a) => <VerdictBox verdict={a.verdict} />}
      </AsyncView>
    </Panel>
  );
}

function VerdictBox({ verdict }: { verdict: PreparedSettlement['verdict'] }) {
  const { t } = useTranslation();
  return (
    <div
      className={`verdict ${verdict.canSettle ? 'verdict-yes' : 'verdict-no'}`}
      data-testid="verdict"
      data-can-settle={String(verdict.canSettle)}
    >
      <strong>{verdict.canSettle ? t('person.canSettle') : t('person.cannotSettle')}</strong>
      {verdict.reasons.map((r) => (
        <div key={r.code} data-testid="refusal" data-code={r.code}>
          <Bilingual zh={r.zh} en={r.en} />
        </div>
      ))}
      {verdict.canSettle && verdict.reduction !== '0' && (
        <div data-testid="reduction">{t('person.reduction', { pct: ratioAsPercent(verdict.reduction) })}</div>
      )}
    </div>
  );
}

function PersonFacts({ person, filing }: { person: Person; filing: FilingRow | undefined }) {
  const { t } = useTranslation();
  const province = provinceName(person.insuplc_admdvs.slice(0, 2));
  const f = filing?.filing;
  return (
    <dl className="facts" data-testid="person">
      <dt>{t('person.name')}</dt>
      <dd>
        <strong data-testid="person-name">{person.psn_name}</strong> <MaskedId certno={person.certno} /> ·{' '}
        {t(`person.category.${person.category}`)}
      </dd>
      <dt>{t('person.insured')}</dt>
      <dd>
        {province && <Bilingual zh={province.zh} en={province.en} />} {person.insuplc_admdvs}
      </dd>
      <dt>{t('person.filing')}</dt>
      <dd data-testid="filing">
        {f ? (
          <>
            {t(`filingKind.${f.kind}`)} · {t(`filingType.${f.type}`)} · {t('person.valid')} {f.begndate} –{' '}
            {f.enddate ?? t('person.open')} · {t('person.designated')}{' '}
            {f.fixmedins_codes ? f.fixmedins_codes.join(', ') : t('person.any')}
          </>
        ) : (
          t('person.filingNone')
        )}
      </dd>
    </dl>
  );
}
