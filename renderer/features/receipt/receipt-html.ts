// The settlement receipt's page: rendered by renderer/documents (ReceiptDocument through
// renderDocument); the screens keep importing it from here.
export { receiptHtml, type Reprint } from '../../documents';
