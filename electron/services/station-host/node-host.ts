// Assembles the station host from the Node services for one data folder. Electron main and the
// agent both call this; they differ only in what they pass in: how a PDF is drawn, whether there is a
// print dialog, where the secret is kept, and which card sources exist.
import os from 'node:os';
import path from 'node:path';
import { createPlatformClient, type PlatformClient } from '../platform-client';
import { MAX_BILL_FILE_BYTES } from '../../../shared/station-api';
import {
  loadStationConfig,
  stationConfigView,
  StationConfigError,
  type SecretStore,
  type StationConfig,
} from '../config';
import { createBillInbox, type BillInbox } from '../bill-inbox';
import { openJournal, type Journal } from '../journal';
import { createOperatorsService, type OperatorsService } from '../operators';
import { createRotatingLog, type StationLog } from '../logging';
import { createReceiptPrinter, type RenderPdf } from '../printing';
import { createStationHost, type StationHost } from './host';
import { startCardPort, type StartedCardPort } from './card-port';
import { createDemoPort } from './demo-port';
import type { PlatformPort, PrintPort } from './ports';

export interface NodeHostOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  version: string;
  secrets: SecretStore;
  renderPdf: RenderPdf | null;
  printDialog: PrintPort['dialog'];
  /** Start the card service (readers, scanners, demo tray); false only where no card is wanted. */
  cards: boolean;
  /** Platform calls give up after this long (the platform client's own default otherwise). */
  platformTimeoutMs?: number;
  log?: StationLog;
}

export interface NodeHost {
  host: StationHost;
  log: StationLog;
  config: StationConfig | null;
  close(): Promise<void>;
}

export async function createNodeHost(options: NodeHostOptions): Promise<NodeHost> {
  const log = options.log ?? createRotatingLog({ dir: path.join(options.dataDir, 'logs') });
  let config: StationConfig | null = null;
  let configError: StationConfigError | null = null;
  try {
    config = loadStationConfig(options.dataDir);
  } catch (err) {
    if (!(err instanceof StationConfigError)) throw err;
    configError = err;
    log.write('warn', 'station not configured', { reason: err.message_en });
  }
  const client = config ? platformClient(config, options, log) : null;
  const platform: PlatformPort | null = client
    ? { call: (infno, input, opts) => client.call(infno, input, opts) }
    : null;
  const follower = client ? platformOperatorFollower(client, log) : null;
  const operators = openOperators(options.dataDir, log, follower);
  let card: StartedCardPort | null = null;
  if (options.cards) {
    try {
      card = await startCardPort(config);
    } catch (err) {
      // Without readers the station still settles (typed ID numbers); say so, do not stop.
      log.write('error', 'card service failed to start', { err: err as Error });
    }
  }
  const journal = await openStationJournal(options.dataDir, config, log);
  const printer = createReceiptPrinter({
    dir: path.join(options.dataDir, 'receipts'),
    renderPdf: options.renderPdf,
  });
  const billInbox: BillInbox | null = config?.billInbox
    ? createBillInbox({
        dir: config.billInbox.dir,
        maxBytes: config.billInbox.maxBytes ?? MAX_BILL_FILE_BYTES,
      })
    : null;
  const host = createStationHost({
    app: {
      name: 'direct-settlement-station',
      version: options.version,
      mode: options.mode,
      os: `${os.platform()}-${os.arch()}`,
    },
    configView: () => {
      if (!config) throw configError ?? new StationConfigError('NOT_CONFIGURED');
      return stationConfigView(config, options.secrets);
    },
    platform,
    card,
    demo: config ? createDemoPort(config) : null,
    print: { savePdf: (html, name) => printer.savePdf(html, name), dialog: options.printDialog },
    journal,
    operators,
    billInbox,
    log,
  });
  log.write('info', 'station host started', {
    mode: options.mode,
    stationId: config?.stationId,
    store: options.secrets.kind,
  });
  return {
    host,
    log,
    config,
    async close() {
      // Whoever is signed in signs out (9002) as the station closes; a platform out of reach does
      // not hold the closing up for long.
      await operators?.close();
      await follower?.settled(3000);
      host.close();
      billInbox?.close();
      await card?.close();
      await journal?.close();
    },
  };
}

/** Opens the journal and rotates it once per start; a journal that cannot open pauses settling. */
async function openStationJournal(
  dataDir: string,
  config: StationConfig | null,
  log: StationLog,
): Promise<Journal | null> {
  let journal: Journal;
  try {
    journal = openJournal({
      dir: path.join(dataDir, 'journal'),
      ...(config?.journalRetentionDays ? { retentionDays: config.journalRetentionDays } : {}),
    });
  } catch (err) {
    log.write('error', 'settlement journal cannot be opened: settling is refused', { err: err as Error });
    return null;
  }
  const status = journal.status();
  if (status.tornBytesDropped > 0 || status.corruptLines > 0)
    log.write('warn', 'settlement journal had a torn or damaged line', {
      tornBytes: status.tornBytesDropped,
      corruptLines: status.corruptLines,
    });
  try {
    const rotated = await journal.rotate();
    if (rotated.removedIds > 0) log.write('info', 'settlement journal rotated', rotated);
  } catch (err) {
    log.write('warn', 'settlement journal rotation failed; the journal is kept whole', { err: err as Error });
  }
  return journal;
}

function openOperators(
  dataDir: string,
  log: StationLog,
  follower: ReturnType<typeof platformOperatorFollower> | null,
): OperatorsService | null {
  try {
    return createOperatorsService({ dir: dataDir, onActiveOperator: (op) => follower?.follow(op) });
  } catch (err) {
    log.write('error', 'operators file cannot be read: nobody can sign in', { err: err as Error });
    return null;
  }
}

/** The platform client follows who is at the keyboard: 9002 for the one leaving, 9001 for the one
 * arriving (at once, so the platform knows before the first settlement). In order, one at a time;
 * a failure is logged, and the next call signs in lazily anyway. */
function platformOperatorFollower(client: PlatformClient, log: StationLog) {
  let chain: Promise<void> = Promise.resolve();
  return {
    follow(op: { id: string; name: string } | null): void {
      chain = chain.then(async () => {
        try {
          await client.setOperator(op ? { opter: op.id, opterName: op.name } : null);
          if (op) await client.signIn();
        } catch (err) {
          log.write('warn', op ? 'platform sign-in (9001) failed' : 'platform sign-out (9002) failed', {
            errCode: (err as { errCode?: string }).errCode,
          });
        }
      });
    },
    /** waits for the changes so far, at most `ms` */
    settled(ms: number): Promise<void> {
      return Promise.race([chain, new Promise<void>((r) => setTimeout(r, ms).unref())]);
    },
  };
}

function platformClient(
  config: StationConfig,
  options: NodeHostOptions,
  log: StationLog,
): PlatformClient | null {
  const secret = options.secrets.read();
  if (!secret) {
    log.write('error', 'station secret missing: platform calls are refused until it is provisioned', {
      store: options.secrets.kind,
    });
    return null;
  }
  const client = createPlatformClient({
    baseUrl: config.platformUrl,
    stationId: config.stationId,
    secret,
    fixmedinsCode: config.institution.fixmedins_code,
    fixmedinsName: config.institution.fixmedins_name,
    mdtrtareaAdmvs: config.treatmentPlace.mdtrtarea_admvs,
    ...(config.operator ? { opter: config.operator.opter, opterName: config.operator.opter_name } : {}),
    ...(options.platformTimeoutMs ? { timeoutMs: options.platformTimeoutMs } : {}),
  });
  return client;
}
