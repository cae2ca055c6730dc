// Small adapters the rest of the renderer needs from the StationApi.
import type { StationApi } from '../../shared/station-api';

/** The PlatformPort of renderer/sync: platform.call without the envelope. Failures keep kind/errCode. */
export function platformPort(api: StationApi): {
  call(infno: string, input: unknown, opts?: { timeoutMs?: number }): Promise<unknown>;
} {
  return {
    async call(infno, input, opts) {
      const { output } = await api.platform.call({
        infno,
        input: input as Record<string, unknown>,
        ...(opts?.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      });
      return output;
    },
  };
}

/**
 * Prints a receipt through the host's system dialog; where the host has none (browser mode) the page
 * prints it itself from a hidden frame: the browser's own dialog is the system dialog there.
 */
export async function printReceiptWithDialog(
  api: StationApi,
  html: string,
  doc: Document = document,
): Promise<'printed' | 'cancelled' | 'browser'> {
  const { outcome } = await api.print.receiptDialog({ html });
  if (outcome !== 'browser') return outcome;
  const frame = doc.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
  frame.srcdoc = html;
  await new Promise<void>((resolve) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    doc.body.appendChild(frame);
  });
  try {
    frame.contentWindow?.print();
  } finally {
    frame.remove();
  }
  return 'browser';
}

/** The station's log as the renderer writes it: the host's log.write, which masks personal data
 * (shared/logging) before anything reaches the file. A failed write cannot be logged anywhere
 * better, so it is dropped deliberately — the page never uses the console for this. */
export type LogWrite = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

export function hostLog(api: Pick<StationApi, 'log'>): LogWrite {
  return (level, message, fields) => {
    api.log.write({ level, message, ...(fields ? { fields } : {}) }).catch(() => undefined);
  };
}
