// A real settlement journal (electron/services/journal) in a temporary folder, reached as the
// renderer reaches it: through the station host's journal channels and the StationApi contract.
import fs from 'node:fs';
import { openJournal, type Journal, type JournalOptions } from '../../electron/services/journal';
import { inProcessStationApi, type StationHost } from '../../electron/services/station-host';
import { bareStationHost } from './bare-host';
import { madeTempDir } from './temp-dirs';
import { journalPort, type JournalPort } from '../../renderer/journal';

export interface TestJournal {
  port: JournalPort;
  /** the station host, for a page that reaches the journal through the bench page server */
  host: StationHost;
  journal: Journal;
  dir: string;
  /** closes the journal (the folder stays, so a test can reopen it) */
  close(): Promise<void>;
  /** closes it and removes the folder */
  remove(): Promise<void>;
}

const quietLog = { write: () => undefined };

export function openTestJournal(options: Partial<JournalOptions> & { dir?: string } = {}): TestJournal {
  // A folder made here is removed after the test file, whatever the tests did (temp-dirs.ts).
  const dir = options.dir ?? madeTempDir('test-journal-');
  const journal = openJournal({ ...options, dir });
  const host = bareStationHost({ journal, log: quietLog });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    host.close();
    await journal.close();
  };
  return {
    port: journalPort(inProcessStationApi(host)),
    host,
    journal,
    dir,
    close,
    async remove() {
      await close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
