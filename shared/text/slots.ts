// `{{name}}` slots, the one placeholder syntax of the station's sentences: the i18n tables (i18next's
// own), the coded errors' message tables, and the printed documents' labels.

/** Fills `{{name}}` slots; a slot without a value stays as it is, so a missing value shows. A value
 * is inserted as it is: never read again as a slot or as a replacement pattern. */
export function fillSlots(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (slot, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : slot,
  );
}
