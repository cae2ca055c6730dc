// Why a document cannot be made, as a coded error with its zh/en pair (ui/describeError shows it).
export class DocumentError extends Error {
  constructor(
    readonly code: 'SETTLEMENT_NOT_FOUND' | 'TOO_MANY_LINES',
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(message_en);
    this.name = 'DocumentError';
  }

  static notFound(id: string): DocumentError {
    return new DocumentError(
      'SETTLEMENT_NOT_FOUND',
      `本机没有结算 ${id}`,
      `No settlement ${id} on this station`,
    );
  }

  static tooManyLines(n: number, max: number): DocumentError {
    return new DocumentError(
      'TOO_MANY_LINES',
      `明细共 ${n} 行，超过逐项打印的上限 ${max} 行：请打印结算清单`,
      `The bill has ${n} lines, more than the ${max} an itemised print holds: print the settlement list`,
    );
  }
}
