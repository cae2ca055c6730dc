// Adding a bill line by hand from the medical catalog (the work-injury catalog for work injury): the cashier types a code prefix ("XJ01"),
// pinyin initials ("amxl") or part of the name ("阿莫"), picks the item with the arrow keys and
// Enter (or a click), then enters quantity and unit price. The line is checked with the same rules
// as an imported bill (bill-import.ts); the amount is quantity × price rounded to the fen.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchCatalog, searchWiCatalog, type CatalogRow, type Scheme, type WiCatalogRow } from '../../db';
import { Decimal } from '../../../shared/money';
import type { BillLine } from '../../../shared/settlement';
import { pick } from '../../app/i18n';
import { useStation } from '../../app/station-context';
import { checkBillLine, nextLineNumber, type BillImportError } from './bill-import';

const RESULTS = 12;

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
  const { t, i18n } = useTranslation();
  const { db } = useStation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Item[] | null>(null);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Item | null>(null);
  const [cnt, setCnt] = useState('1');
  const [pric, setPric] = useState('');
  const [errors, setErrors] = useState<BillImportError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const cntRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setResults(null);
      return;
    }
    let live = true;
    // a short pause, so typing "amxl" runs one search rather than four
    const timer = setTimeout(() => {
      const found: Promise<Item[]> =
        scheme === 'medical'
          ? searchCatalog(db, q, { limit: RESULTS })
          : searchWiCatalog(db, q, { limit: RESULTS });
      found.then(
        (rows) => {
          if (!live) return;
          setResults(rows);
          setActive(0);
          setFailure(null);
        },
        (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [db, query, scheme]);

  const choose = (row: Item) => {
    setChosen(row);
    setErrors([]);
    setCnt('1');
    setPric('');
    setTimeout(() => cntRef.current?.select(), 0);
  };
  const add = () => {
    if (!chosen) return;
    const checked = checkBillLine({
      feedetl_sn: nextLineNumber(lines),
      med_list_codg: chosen.key,
      name: chosen.entry.name,
      cnt,
      pric,
    });
    setErrors(checked.errors);
    if (checked.lines.length === 0) return;
    onAdd(checked.lines[0]!);
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
  const onFormKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setChosen(null);
      searchRef.current?.focus();
    }
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
      {failure && (
        <div className="error" role="alert">
          {t('catalog.failed', { message: failure })}
        </div>
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
                <span>
                  {t('catalog.selfpay', {
                    ratio: `${new Decimal(r.entry.selfpay_prop).times(100).toString()}%`,
                  })}
                </span>
              )}
              {r.entry.pric_uplmt_amt !== null && (
                <span>{t('catalog.ceiling', { amount: r.entry.pric_uplmt_amt })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <div className="catalog-chosen" onKeyDown={onFormKey} data-testid="catalog-chosen">
          <span className="code">{chosen.key}</span>
          <strong>{chosen.entry.name}</strong>
          <label>
            {t('bill.cnt')}
            <input
              ref={cntRef}
              value={cnt}
              inputMode="decimal"
              size={6}
              onChange={(e) => setCnt(e.target.value)}
              data-testid="catalog-cnt"
            />
          </label>
          <label>
            {t('bill.pric')}
            <input
              value={pric}
              inputMode="decimal"
              size={8}
              placeholder={chosen.entry.pric_uplmt_amt ?? ''}
              onChange={(e) => setPric(e.target.value)}
              data-testid="catalog-pric"
            />
          </label>
          <button type="button" onClick={add} data-testid="catalog-add">
            {t('catalog.add')}
          </button>
          <button type="button" onClick={() => setChosen(null)}>
            {t('catalog.cancel')}
          </button>
        </div>
      )}
      {errors.length > 0 && (
        <div className="error" role="alert" data-testid="catalog-errors">
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{pick(i18n.language, e.message_zh, e.message_en)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
