// What the platform writes to its log when something breaks inside it. A database error object carries
// the statement's parameters (PGlite adds `params` and `query`; PostgreSQL's `detail` and some messages
// quote values): printed whole, an ID number, a name or a secret would land in the log. So a database
// error is logged by its SQLSTATE alone, any other error by its class and message, each with the
// code frames that say where — never the error object itself; ID numbers in a message are masked
// (shared/logging), as in the station's log.

import { maskText } from '../../shared/logging';

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_FRAMES = 8;

/** The SQLSTATE of a PostgreSQL / PGlite error, else undefined. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SQLSTATE.test(code) ? code : undefined;
}

/** One log line (plus stack frames) that names the error without repeating any data it carries. */
export function describeError(err: unknown): string {
  const e = err instanceof Error ? err : new Error(typeof err);
  const state = sqlState(err);
  const head = state ? `database error SQLSTATE ${state}` : `${e.name}: ${maskText(e.message.slice(0, 200))}`;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, MAX_FRAMES);
  return [head, ...frames].join('\n');
}

export function logInternalError(where: string, err: unknown): void {
  console.error(`[platform] internal error in ${where}: ${describeError(err)}`);
}
