// renderer/documents: what leaves the station about a settlement — the printed documents (rendered
// from React components with renderDocument, labels from the i18n tables) and the exports (FHIR R4,
// CSV). Screens call the actions; it imports no screen.
export { renderDocument, fill, MAX_DOCUMENT_CHARS, type DocumentPage } from './render-document';
export type { Paper } from './document-css';
export {
  settlementListHtml,
  itemisedHtml,
  printSettlementList,
  printItemised,
  type DocumentContext,
} from './documents';
export {
  settlementFhir,
  periodFhir,
  periodCsv,
  settlementsCsv,
  countedResult,
  settlementsInPeriod,
  downloadText,
  type ExportFile,
  type Period,
} from './exports';
export { DocumentError } from './errors';
export { receiptHtml, reversalHtml, correctionHtml, type ReceiptOptions } from './receipts';
export { fundKeyName } from './CorrectionDocument';
export type { Reprint } from './ReceiptDocument';
export { FeeCategoryTable } from './FeeCategoryTable';
export { SettlementDocuments } from './SettlementDocuments';
export { MAX_ITEMISED_LINES } from './ItemisedDocument';
