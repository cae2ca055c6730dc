// A cashier's action on a task (a correction, a note) made durable: its journal line is appended
// once its transaction committed; a journal that refuses it takes the action back and the cashier is
// told JOURNAL_UNWRITABLE (the settlement's own commit does the same in settle-service.ts).
import type { JournalEntryInput } from '../../shared/station-api';
import { appendDurably, JournalRefusedError, type JournalPort } from '../journal';
import { SettleServiceError } from './errors';

export async function journalOrTakeBack(
  journal: JournalPort,
  entry: JournalEntryInput,
  takeBack: () => Promise<void>,
): Promise<void> {
  try {
    await appendDurably(journal, entry, takeBack, async () => {});
  } catch (e) {
    if (e instanceof JournalRefusedError)
      throw new SettleServiceError('JOURNAL_UNWRITABLE', {
        detail: String((e.cause as Error)?.message ?? e.cause),
        cause: e.cause,
      });
    throw e;
  }
}
