// Asks the browser to keep the station's data under storage pressure. Without it Chromium may evict
// an origin's IndexedDB ("best-effort" storage), which for a cashier means losing unsent settlements.

export type PersistenceOutcome = 'persisted' | 'denied' | 'unsupported';

export interface PersistenceReport {
  outcome: PersistenceOutcome;
  message_zh: string;
  message_en: string;
  /** bytes used and available, when the browser says */
  usage?: number;
  quota?: number;
}

/** The part of navigator.storage this needs (StorageManager), injectable for tests. */
export interface StorageLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

const MESSAGES: Record<PersistenceOutcome, { zh: string; en: string }> = {
  persisted: { zh: '本机数据已设为持久存储。', en: 'Station data is stored persistently.' },
  denied: {
    zh: '浏览器未同意持久存储：磁盘紧张时本机数据可能被清除。请尽快联网同步，并在浏览器设置中允许本站点持久存储。',
    en: 'The browser refused persistent storage: under disk pressure it may clear station data. Sync as soon as possible and allow persistent storage for this site.',
  },
  unsupported: {
    zh: '此环境不支持持久存储请求。',
    en: 'This environment cannot request persistent storage.',
  },
};

export async function requestPersistence(
  storage: StorageLike | undefined = globalThis.navigator?.storage,
): Promise<PersistenceReport> {
  let outcome: PersistenceOutcome = 'unsupported';
  if (storage?.persist) {
    const already = storage.persisted ? await storage.persisted() : false;
    outcome = already || (await storage.persist()) ? 'persisted' : 'denied';
  }
  const report: PersistenceReport = {
    outcome,
    message_zh: MESSAGES[outcome].zh,
    message_en: MESSAGES[outcome].en,
  };
  if (storage?.estimate) {
    const est = await storage.estimate();
    if (est.usage !== undefined) report.usage = est.usage;
    if (est.quota !== undefined) report.quota = est.quota;
  }
  return report;
}
