// Adding a bill line by hand from the medical catalog (the work-injury catalog for work injury): the cashier types a code prefix ("XJ01"),
// pinyin initials ("amxl") or part of the name ("阿莫"), picks the item with the arrow keys and
// Enter (or a click), then enters quantity and unit price in a small form (react-hook-form over the
// shared bill-line schema), Enter adds the line, Esc goes back. The line is then checked with the same
// rules as an imported bill (bill-import.ts); the amount is quantity × price rounded to the fen.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { BillLine } from '../../../shared/settlement';
import { searchCatalog, searchWiCatalog, type CatalogRow, type Scheme, type WiCatalogRow } from '../../db';
import { useStation } from '../../station';
import { Alert, Bilingual, BilingualAlert, FormErrors, ratioAsPercent, useAsync } from '../../ui';
import { catalogLineSchema } from './bill-inputs';
import { checkBillLine, nextLineNumber, type BillImportError } from './bill-import';

const RESULTS = 12;
/** a short pause, so typing "amxl" runs one search rather than four */
const TYPING_PAUSE_MS = 120;

type Item = CatalogRow | WiCatalogRow;

/** Medical scheme: the medical catalog; work injury: the work-injury catalog. */
export function CatalogPicker({
  scheme,
  lines,
  onAdd,
}: {
  scheme: Scheme;
  lines: BillLine[];
  onAdd: (line: BillLine) => void;
}) {
  const { t } = useTranslation();
  const { db } = useStation();
  const [query, setQuery] = useState('');
  const [settled, setSettled] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Item | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSettled(query.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const search = useAsync(
    (): Promise<Item[]> =>
      scheme === 'medical'
        ? searchCatalog(db, settled, { limit: RESULTS })
        : searchWiCatalog(db, settled, { limit: RESULTS }),
    [db, settled, scheme],
    { enabled: settled !== '' },
  );
  const results = query.trim() !== '' && search.status === 'ok' ? search.data : null;
  useEffect(() => setActive(0), [results]);

  const choose = (row: Item) => setChosen(row);
  const done = () => {
    setChosen(null);
    setQuery('');
    searchRef.current?.focus();
  };
  const onSearchKey = (e: React.KeyboardEvent) => {
    if (!results || results.length === 0) return;
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') choose(results[active]!);
    else return;
    e.preventDefault();
  };

  return (
    <div className="catalog-picker" data-testid="catalog-picker">
      <label className="catalog-search">
        {t(scheme === 'medical' ? 'catalog.search' : 'catalog.searchWi')}
        <input
          ref={searchRef}
          value={query}
          placeholder={t('catalog.placeholder')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          role="combobox"
          aria-expanded={!!results && results.length > 0}
          aria-controls="catalog-results"
          data-testid="catalog-search"
        />
      </label>
      {query.trim() !== '' && search.status === 'error' && (
        <BilingualAlert error={search.error} testId="catalog-failed" />
      )}
      {results && results.length === 0 && <div className="muted">{t('catalog.none')}</div>}
      {results && results.length > 0 && !chosen && (
        <ul id="catalog-results" className="catalog-results" role="listbox">
          {results.map((r, i) => (
            <li
              key={r.key}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid="catalog-result"
              data-code={r.key}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
            >
              <span className="code">{r.key}</span>
              <strong>{r.entry.name}</strong>
              {'chrgitm_lv' in r.entry && <span>{t(`catalog.class.${r.entry.chrgitm_lv}`)}</span>}
              {'selfpay_prop' in r.entry && r.entry.selfpay_prop !== '0' && (
                <span>{t('catalog.selfpay', { ratio: `${ratioAsPercent(r.entry.selfpay_prop)}%` })}</span>
              )}
              {r.entry.pric_uplmt_amt !== null && (
                <span>{t('catalog.ceiling', { amount: r.entry.pric_uplmt_amt })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <LineForm
          key={chosen.key}
          item={chosen}
          nextSn={nextLineNumber(lines)}
          onAdd={(line) => {
            onAdd(line);
            done();
          }}
          onCancel={done}
        />
      )}
    </div>
  );
}

/** Quantity and price of the chosen item; Enter adds, Esc goes back to the search. */
function LineForm({
  item,
  nextSn,
  onAdd,
  onCancel,
}: {
  item: Item;
  nextSn: string;
  onAdd: (line: BillLine) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [lineErrors, setLineErrors] = useState<BillImportError[]>([]);
  const { register, handleSubmit, formState, setFocus } = useForm<z.input<typeof catalogLineSchema>>({
    resolver: zodResolver(catalogLineSchema),
    defaultValues: { cnt: '1', pric: '' },
  });
  useEffect(() => setFocus('cnt', { shouldSelect: true }), [setFocus]);
  const submit = handleSubmit(({ cnt, pric }) => {
    // the same rules as an imported row, and the amount computed to the fen
    const checked = checkBillLine({
      feedetl_sn: nextSn,
      med_list_codg: item.key,
      name: item.entry.name,
      cnt,
      pric,
    });
    setLineErrors(checked.errors);
    if (checked.lines[0]) onAdd(checked.lines[0]);
  });
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation(); // Esc here leaves the form, not the patient
    onCancel();
  };
  return (
    <form
      className="catalog-chosen"
      onKeyDown={onKey}
      onSubmit={(e) => void submit(e)}
      data-testid="catalog-chosen"
    >
      <span className="code">{item.key}</span>
      <strong>{item.entry.name}</strong>
      <label>
        {t('bill.cnt')}
        <input {...register('cnt')} inputMode="decimal" size={6} data-testid="catalog-cnt" />
      </label>
      <label>
        {t('bill.pric')}
        <input
          {...register('pric')}
          inputMode="decimal"
          size={8}
          placeholder={item.entry.pric_uplmt_amt ?? ''}
          data-testid="catalog-pric"
        />
      </label>
      <button type="submit" data-testid="catalog-add">
        {t('catalog.add')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('catalog.cancel')}
      </button>
      <FormErrors
        errors={formState.errors}
        labels={{ cnt: t('bill.cnt'), pric: t('bill.pric') }}
        testId="catalog-errors"
      />
      {lineErrors.length > 0 && (
        <Alert testId="catalog-errors">
          <ul>
            {lineErrors.map((e, i) => (
              <li key={i}>
                <Bilingual zh={e.message_zh} en={e.message_en} />
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </form>
  );
}
