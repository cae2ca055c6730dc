// Why a document cannot be made, as a coded error with its zh/en pair (ui/describeError shows it).
import { codedError, type MessageTable } from '../../shared/errors';

export const DOCUMENT_ERROR_MESSAGES = {
  SETTLEMENT_NOT_FOUND: { zh: '本机没有结算 {{id}}', en: 'No settlement {{id}} on this station' },
  TOO_MANY_LINES: {
    zh: '明细共 {{n}} 行，超过逐项打印的上限 {{max}} 行：请打印结算清单',
    en: 'The bill has {{n}} lines, more than the {{max}} an itemised print holds: print the settlement list',
  },
} as const satisfies MessageTable<string>;

export class DocumentError extends codedError('DocumentError', DOCUMENT_ERROR_MESSAGES) {
  static notFound(id: string): DocumentError {
    return new DocumentError('SETTLEMENT_NOT_FOUND', { values: { id } });
  }

  static tooManyLines(n: number, max: number): DocumentError {
    return new DocumentError('TOO_MANY_LINES', { values: { n, max } });
  }
}
