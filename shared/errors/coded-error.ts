// One coded error for every layer (style.md 9 and 11): a stable code a program branches on, a sentence
// in Chinese and one in English a cashier can read, the facts for support (`detail`) and the failure
// underneath (`cause`). Each family of errors declares its code → sentences table once, as a constant,
// and gets its class from `codedError`; the UI's describeError reads the same tables, so a code never
// has two wordings.
import { fillSlots } from '../text';

/** A sentence in both languages. `{{name}}` marks a value filled in when the error is made. */
export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

/** A family's sentences, one per code. */
export type MessageTable<C extends string> = { readonly [K in C]: BilingualMessage };

export interface CodedErrorOptions {
  /** Facts for logs and support (a file, a status word, an OS error code): added to both messages. */
  readonly detail?: string;
  /** The failure underneath, kept for logs; never shown raw. */
  readonly cause?: unknown;
  /** Values for the `{{name}}` slots of the code's sentences. */
  readonly values?: Readonly<Record<string, string | number>>;
  /** Sentences that come from another coded source (a vendor's return-code table, an ID check), used
   * instead of the table's; the code stays. */
  readonly text?: Partial<BilingualMessage>;
}

/** The plain form that survives JSON and structured clone (IPC, the log). */
export interface CodedErrorPayload<C extends string = string> {
  code: C;
  message_zh: string;
  message_en: string;
  detail?: string;
}

export class CodedError<C extends string = string> extends Error {
  readonly code: C;
  readonly message_zh: string;
  readonly message_en: string;
  readonly detail?: string;
  override readonly cause: unknown;

  constructor(name: string, code: C, sentences: BilingualMessage, options: CodedErrorOptions = {}) {
    const { detail, cause, values, text } = options;
    const zh = fillSlots(text?.zh ?? sentences.zh, values);
    const en = fillSlots(text?.en ?? sentences.en, values);
    const message_en = detail ? `${en} (${detail})` : en;
    super(`${code}: ${message_en}`);
    this.name = name;
    this.code = code;
    this.message_zh = detail ? `${zh}（${detail}）` : zh;
    this.message_en = message_en;
    if (detail !== undefined) this.detail = detail;
    this.cause = cause;
  }

  toJSON(): CodedErrorPayload<C> {
    const out: CodedErrorPayload<C> = {
      code: this.code,
      message_zh: this.message_zh,
      message_en: this.message_en,
    };
    if (this.detail !== undefined) out.detail = this.detail;
    return out;
  }
}

/** The class of one family: `new XError(reason, { detail, cause, values })`, its sentences from
 * `messages`, and `XError.messages` for whoever needs the table (describeError). The reason is the
 * code, unless the family passes `codes`: one code for all its members, or one per reason (what the
 * StationApi knows them by, e.g. NOT_CONFIGURED); `reason` then says which sentence it is. */
export function codedError<K extends string, C extends string = K>(
  name: string,
  messages: MessageTable<K>,
  codes?: C | Readonly<Record<K, C>>,
) {
  return class extends CodedError<C> {
    static readonly messages: MessageTable<K> = messages;
    readonly reason: K;
    constructor(reason: K, options?: CodedErrorOptions) {
      const code = codes === undefined ? reason : typeof codes === 'string' ? codes : codes[reason];
      super(name, code as string as C, messages[reason], options);
      this.reason = reason;
    }
  };
}

export function isCodedError(e: unknown): e is CodedError {
  return e instanceof CodedError;
}
