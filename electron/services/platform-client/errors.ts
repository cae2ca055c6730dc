// How the station tells a failure worth retrying from one that is not (platform-protocol.md): a
// transient failure (connection refused or reset, timeout, HTTP 5xx, HTTP 429, an unreadable answer)
// may be retried with backoff; a permanent one (infcode -1, or input the client refuses to send) is
// final for that message and waits for a person.

export type PlatformErrorKind = 'transient' | 'permanent';

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    /** err_code from the platform, or the client's own: NETWORK, TIMEOUT, HTTP_<status>, BAD_RESPONSE, RESPONSE_INVALID, INPUT_INVALID */
    readonly errCode: string,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  get transient(): boolean {
    return this.kind === 'transient';
  }

  toJSON(): { kind: PlatformErrorKind; errCode: string; message: string; httpStatus?: number } {
    return {
      kind: this.kind,
      errCode: this.errCode,
      message: this.message,
      ...(this.httpStatus !== undefined ? { httpStatus: this.httpStatus } : {}),
    };
  }
}

export function transientError(errCode: string, message: string, httpStatus?: number): PlatformError {
  return new PlatformError('transient', errCode, message, httpStatus);
}

export function permanentError(errCode: string, message: string, httpStatus?: number): PlatformError {
  return new PlatformError('permanent', errCode, message, httpStatus);
}

export function isPlatformError(err: unknown): err is PlatformError {
  return err instanceof PlatformError;
}
