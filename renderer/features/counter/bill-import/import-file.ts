// Imports one bill file off the page's thread: a Web Worker parses it (bill-import.worker.ts) and
// answers with the bill or its errors. The worker gets a time limit; a file that takes longer, or
// kills the worker (out of memory), is refused in words, and the window stays responsive throughout.
// Where there is no Worker (the component tests' DOM) the page parses the file itself.
import { refused, type BillImport } from './errors';
import { parseBillBytes } from './parse-file';

export interface WorkerRequest {
  name: string;
  bytes: ArrayBuffer;
}
/** The bill comes back as JSON text: one string crosses to the page in a copy, where 50,000 line
 * objects would be cloned one by one on the page's thread (half a second); JSON.parse is a tenth. */
export type WorkerAnswer = { ok: true; json: string } | { ok: false; message: string };

export const IMPORT_TIME_LIMIT_MS = 60_000;

export interface BillFileBytes {
  name: string;
  bytes: Uint8Array;
}

export async function importBillFile(
  file: BillFileBytes,
  opts: { timeLimitMs?: number } = {},
): Promise<BillImport> {
  if (typeof Worker !== 'function') return parseBillBytes(file.name, file.bytes);
  const worker = new Worker(new URL('./bill-import.worker.ts', import.meta.url), { type: 'module' });
  const limit = opts.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
  try {
    return await new Promise<BillImport>((resolve) => {
      const timer = setTimeout(
        () =>
          resolve(
            refused(
              'file',
              `${limit / 1000} 秒内未能读完此文件，已放弃：请检查文件是否过大或损坏`,
              `the file could not be read within ${limit / 1000} s and was given up: is it too large or damaged?`,
            ),
          ),
        limit,
      );
      worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
        clearTimeout(timer);
        const a = e.data;
        resolve(
          a.ok
            ? (JSON.parse(a.json) as BillImport)
            : refused('file', `文件无法读取（${a.message}）`, `the file cannot be read (${a.message})`),
        );
      };
      worker.onerror = (e) => {
        clearTimeout(timer);
        e.preventDefault();
        resolve(
          refused(
            'file',
            `读取文件时出错（${e.message || '内存不足'}）`,
            `reading the file failed (${e.message || 'out of memory'})`,
          ),
        );
      };
      // the bytes move to the worker (transfer), no copy of a 20 MB file
      const copy = file.bytes.slice().buffer;
      worker.postMessage({ name: file.name, bytes: copy } satisfies WorkerRequest, [copy]);
    });
  } finally {
    worker.terminate();
  }
}

/** A File (picked or dropped) as bytes, refused before reading when it is far too large. */
export async function fileBytes(file: File): Promise<BillFileBytes> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
