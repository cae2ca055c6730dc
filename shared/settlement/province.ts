import { provinceOf } from '../ids';

/** Province of a 6-digit division code: its first two digits (cards.md "Identity checks"). */
export const provinceOfDivision = provinceOf;

/** Cross-province: the first two digits of the insured place and the treatment place differ (contract step 1). */
export const isCrossProvince = (insuredPlace: string, treatmentPlace: string): boolean =>
  provinceOf(insuredPlace) !== provinceOf(treatmentPlace);
