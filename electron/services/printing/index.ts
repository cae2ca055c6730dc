export { createReceiptPrinter, PrintError, type ReceiptPrinter, type RenderPdf } from './receipt-printer';
export { chromiumPdfRenderer } from './chromium-pdf';
export { chromiumCandidates, findChromium } from './find-chromium';
