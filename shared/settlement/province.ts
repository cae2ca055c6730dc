/** Province of a 6-digit division code: its first two digits (cards.md "Identity checks"). */
export const provinceOfDivision = (code: string): string => code.slice(0, 2);

/** Cross-province: the insured place and the treatment place are in different provinces (contract step 1). */
export const isCrossProvince = (insuredPlace: string, treatmentPlace: string): boolean =>
  provinceOfDivision(insuredPlace) !== provinceOfDivision(treatmentPlace);
