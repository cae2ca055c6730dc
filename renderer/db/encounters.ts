// Who holds an encounter here: part 1 (or a whole stay) in `local_setl_id`, mid-stay parts 2, 3 … in
// `parts` (settle/v2 "stay"). The settle service's guard, a cancel and the journal's restore all read
// and write it through these two functions.
import type { EncounterRow } from './types';

/** Who holds part `part` of this encounter here (a local_setl_id), if anyone. */
export function encounterHolder(enc: EncounterRow | undefined, part: number): string | null {
  if (!enc) return null;
  return (part === 1 ? enc.local_setl_id : enc.parts?.[String(part)]) ?? null;
}

/** The encounter row's holders with part `part` held by `localSetlId` (null frees it). */
export function withEncounterHolder(
  enc: EncounterRow | undefined,
  part: number,
  localSetlId: string | null,
): Pick<EncounterRow, 'local_setl_id' | 'parts'> {
  if (part === 1) return { local_setl_id: localSetlId, ...(enc?.parts ? { parts: enc.parts } : {}) };
  const parts = { ...enc?.parts };
  if (localSetlId === null) delete parts[String(part)];
  else parts[String(part)] = localSetlId;
  return { local_setl_id: enc?.local_setl_id ?? null, parts };
}
