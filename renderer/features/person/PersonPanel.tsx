// The person and the plain verdict: can this person be settled directly here, and if not, why —
// computed by step 1 of settle/v1 itself (directSettlementVerdict), so it cannot disagree with the
// settlement that follows.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceName } from '../../../shared/ids';
import { selectFiling } from '../../../shared/protocol';
import { directSettlementVerdict, SETL_TYPES, type Person } from '../../../shared/settlement';
import { platformPort } from '../../bridge';
import { pick } from '../../app/i18n';
import { useStation } from '../../app/station-context';
import { useUiStore, type SetlType } from '../../app/ui-store';
import { policyInForce, type FilingRow, type Scheme } from '../../db';
import { resolvePerson, type ResolvedPerson } from './resolve-person';

export function PersonPanel() {
  const { t, i18n } = useTranslation();
  const station = useStation();
  const { card, scheme, setlType, admissionDate, diseCodg, circumstances } = useUiStore();
  const [resolved, setResolved] = useState<ResolvedPerson | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setResolved(null);
    if (!card) return;
    let live = true;
    setLoading(true);
    void resolvePerson(station.db, platformPort(station.api), card).then((r) => {
      if (!live) return;
      setLoading(false);
      setResolved(r);
      useUiStore.setState({ onlinePerson: r.filings.length === 0 ? r.person : null });
      const schemes = [...new Set(r.filings.map((f) => f.scheme))];
      if (schemes.length > 0 && !schemes.includes(useUiStore.getState().scheme)) {
        useUiStore.setState({ scheme: schemes[0]!, setlType: SETL_TYPES[schemes[0]!][0] });
      }
    });
    return () => {
      live = false;
    };
  }, [card, station]);

  const date = station.today();
  const person = resolved?.person ?? null;
  const filing: FilingRow | null = person
    ? selectFiling(
        resolved!.filings,
        scheme,
        station.profile.mdtrtarea_admvs,
        date,
        admissionDate ?? undefined,
      )
    : null;
  const policy = useLiveQuery(
    async () =>
      person
        ? ((
            await policyInForce(
              station.db,
              person.insuplc_admdvs,
              scheme === 'work_injury' ? '310' : (person.insutype ?? '310'),
              date,
            )
          )?.policy ?? null)
        : null,
    [person?.psn_no, scheme, date],
  );

  if (!card) return null;
  if (loading) return <section className="panel">{t('person.lookupOnline')}</section>;
  if (!resolved) return null;
  if (!person) {
    return (
      <section className="panel person-panel verdict-no" data-testid="verdict" data-can-settle="false">
        <strong>{pick(i18n.language, resolved.problem?.zh ?? '', resolved.problem?.en ?? '')}</strong>
      </section>
    );
  }
  const verdict = directSettlementVerdict({
    scheme,
    setl_type: setlType,
    settle_date: date,
    admission_date: admissionDate ?? undefined,
    dise_codg: diseCodg || undefined,
    person,
    institution: {
      fixmedins_code: station.profile.fixmedins_code,
      mdtrtarea_admvs: station.profile.mdtrtarea_admvs,
      hosp_lv: station.profile.hosp_lv,
    },
    filing: filing?.filing ?? null,
    circumstances,
    policy: policy ?? undefined,
  });
  const schemes: Scheme[] = resolved.filings.length
    ? [...new Set(resolved.filings.map((f) => f.scheme))]
    : ['medical'];
  return (
    <section className="panel person-panel" aria-labelledby="person-title">
      <h2 id="person-title">{t('person.title')}</h2>
      <PersonFacts person={person} filing={filing} />
      <div className="choice-row">
        <label>
          {t('person.scheme')}
          <select
            value={scheme}
            data-testid="scheme"
            onChange={(e) =>
              useUiStore.setState({
                scheme: e.target.value as Scheme,
                setlType: SETL_TYPES[e.target.value as Scheme][0],
                preview: null,
              })
            }
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
            onChange={(e) => useUiStore.setState({ setlType: e.target.value as SetlType, preview: null })}
          >
            {SETL_TYPES[scheme].map((s) => (
              <option key={s} value={s}>
                {t(`setlType.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        className={`verdict ${verdict.canSettle ? 'verdict-yes' : 'verdict-no'}`}
        data-testid="verdict"
        data-can-settle={String(verdict.canSettle)}
      >
        <strong>{verdict.canSettle ? t('person.canSettle') : t('person.cannotSettle')}</strong>
        {verdict.refusal.map((r) => (
          <div key={r.code} data-testid="refusal" data-code={r.code}>
            {pick(i18n.language, r.message, r.message_en)}
          </div>
        ))}
        {verdict.canSettle && verdict.reduction !== '0' && (
          <div>{t('person.reduction', { pct: String(Number(verdict.reduction) * 100) })}</div>
        )}
      </div>
    </section>
  );
}

function PersonFacts({ person, filing }: { person: Person; filing: FilingRow | null }) {
  const { t, i18n } = useTranslation();
  const province = provinceName(person.insuplc_admdvs.slice(0, 2));
  const f = filing?.filing;
  return (
    <dl className="facts" data-testid="person">
      <dt>{t('person.name')}</dt>
      <dd>
        <strong data-testid="person-name">{person.psn_name}</strong> {person.certno.slice(0, 6)}********
        {person.certno.slice(14)} · {t(`person.category.${person.category}`)}
      </dd>
      <dt>{t('person.insured')}</dt>
      <dd>
        {province ? pick(i18n.language, province.zh, province.en) : ''} {person.insuplc_admdvs}
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
