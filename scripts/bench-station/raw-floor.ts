// The floor the pull is compared with: the same rows put straight into IndexedDB with the bare API,
// in transactions of one page each, no validation, no Dexie, no network.

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export interface RawStore {
  name: string;
  indexes: { name: string; keyPath: string; multiEntry?: boolean }[];
}

/** Puts rows into a fresh database with one store of the given indexes; returns rows per second. */
export async function rawPutRate(
  dbName: string,
  store: RawStore,
  rows: unknown[],
  pageSize: number,
): Promise<{ ms: number; rowsPerSec: number }> {
  const open = indexedDB.open(dbName, 1);
  open.onupgradeneeded = () => {
    const s = open.result.createObjectStore(store.name, { keyPath: 'key' });
    for (const ix of store.indexes)
      s.createIndex(ix.name, ix.keyPath, { multiEntry: ix.multiEntry ?? false });
  };
  const db = await req(open);
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += pageSize) {
    const tx = db.transaction(store.name, 'readwrite', { durability: 'strict' });
    const os = tx.objectStore(store.name);
    for (const row of rows.slice(i, i + pageSize)) os.put(row);
    await done(tx);
  }
  const ms = performance.now() - t0;
  db.close();
  await req(indexedDB.deleteDatabase(dbName) as unknown as IDBRequest<unknown>).catch(() => undefined);
  return { ms, rowsPerSec: rows.length / (ms / 1000) };
}
