// A file of the watched bill folder, read through the host in chunks (billInbox.read) and put together
// again. A file that changes while it is read (another size or time between chunks) is read no
// further: the hospital system is still writing it.
import { codedError } from '../../../shared/errors';
import type { StationApi } from '../../../shared/station-api';
import type { BillFileBytes } from './bill-import';

/** The file changed between two chunks (the hospital system is still writing it). */
export class InboxFileChangedError extends codedError('InboxFileChangedError', {
  INBOX_FILE_CHANGED: {
    zh: '账单文件「{{name}}」在读取时发生变化，请稍后再载入',
    en: 'The bill file "{{name}}" changed while it was read; load it again in a moment',
  },
}) {}

function base64Bytes(data: string): Uint8Array {
  const text = atob(data);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export async function readInboxFile(api: StationApi, name: string): Promise<BillFileBytes> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  let stamp: string | null = null;
  for (;;) {
    const chunk = await api.billInbox.read({ name, offset });
    const now = `${chunk.size}:${chunk.modifiedAt}`;
    if (stamp !== null && stamp !== now)
      throw new InboxFileChangedError('INBOX_FILE_CHANGED', { values: { name } });
    stamp = now;
    const bytes = base64Bytes(chunk.data);
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.done || bytes.length === 0) break;
  }
  const all = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return { name, bytes: all };
}
