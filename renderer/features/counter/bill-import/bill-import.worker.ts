// The Web Worker that parses a bill file, so a 50,000-line XLSX or a 20 MB export never holds up the
// window (import-file.ts starts one per file and ends it when it answers or runs out of time).
import { parseBillBytes } from './parse-file';
import type { WorkerAnswer, WorkerRequest } from './import-file';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerAnswer): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { name, bytes } = e.data;
  parseBillBytes(name, new Uint8Array(bytes)).then(
    (result) => scope.postMessage({ ok: true, json: JSON.stringify(result) }),
    (error: unknown) => scope.postMessage({ ok: false, message: (error as Error)?.message ?? String(error) }),
  );
};
