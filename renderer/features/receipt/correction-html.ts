// The papers of a task settled at the counter: rendered by renderer/documents (CorrectionDocument,
// SelfPayNoteDocument through renderDocument); the screens keep importing them from here.
export { correctionHtml, fundKeyName } from '../../documents';
