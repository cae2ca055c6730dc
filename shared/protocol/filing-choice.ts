// Which filing a settlement is computed against, when a person has several (a medical and a
// work-injury filing, an old expired one and a new one). The platform uses this to rebuild an
// uploaded request; a station can use it to pick the same filing offline, so both see the same one.

import type { SCHEMES } from '../settlement';

export interface FilingCandidate {
  scheme: (typeof SCHEMES)[number];
  filing: { mdtrtarea_admvs: string; begndate: string; enddate: string | null };
}

function validOn(f: FilingCandidate['filing'], date: string): boolean {
  return f.begndate <= date && (f.enddate === null || date <= f.enddate);
}

/**
 * The filing of `scheme` for the treatment province that is valid on the settle date (or the
 * admission date: 补办备案 and filings ending during the stay), else the newest one for the treatment
 * province, else the newest one for any province (settle() then refuses FILING_OTHER_PLACE), else null.
 */
export function selectFiling<T extends FilingCandidate>(
  candidates: readonly T[],
  scheme: FilingCandidate['scheme'],
  treatmentAdmvs: string,
  settleDate: string,
  admissionDate?: string,
): T | null {
  const ofScheme = candidates.filter((c) => c.scheme === scheme);
  const province = treatmentAdmvs.slice(0, 2);
  const here = ofScheme.filter((c) => c.filing.mdtrtarea_admvs.slice(0, 2) === province);
  const newestFirst = (list: T[]) =>
    [...list].sort((a, b) =>
      a.filing.begndate < b.filing.begndate ? 1 : a.filing.begndate > b.filing.begndate ? -1 : 0,
    );
  const valid = newestFirst(here).find(
    (c) => validOn(c.filing, settleDate) || (admissionDate !== undefined && validOn(c.filing, admissionDate)),
  );
  if (valid) return valid;
  if (here.length > 0) return newestFirst(here)[0];
  if (ofScheme.length > 0) return newestFirst(ofScheme)[0];
  return null;
}
