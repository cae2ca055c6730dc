// C0 control characters (U+0000–U+001F) and DEL in a field of text: a NUL that a database column
// cannot hold, a newline that forges a log line or a receipt line, an escape sequence for a terminal.
// No text a cashier types or a hospital system exports needs one; tab-separated files are split
// before their cells are checked.

export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export const CONTROL_CHARACTER_MESSAGE = '不能含控制字符 / must not contain control characters';
