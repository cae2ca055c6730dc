// The reversal receipt's page: rendered by renderer/documents (ReversalDocument through
// renderDocument); the screens keep importing it from here.
export { reversalHtml } from '../../documents';
