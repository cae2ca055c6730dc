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

async function openFresh(dbName: string, stores: RawStore[]): Promise<IDBDatabase> {
  const open = indexedDB.open(dbName, 1);
  open.onupgradeneeded = () => {
    for (const store of stores) {
      const s = open.result.createObjectStore(store.name, { keyPath: 'key' });
      for (const ix of store.indexes)
        s.createIndex(ix.name, ix.keyPath, { multiEntry: ix.multiEntry ?? false });
    }
  };
  return req(open);
}

async function putAll(db: IDBDatabase, store: string, rows: unknown[], pageSize: number): Promise<void> {
  for (let i = 0; i < rows.length; i += pageSize) {
    const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
    const os = tx.objectStore(store);
    for (const row of rows.slice(i, i + pageSize)) os.put(row);
    await done(tx);
  }
}

async function dropDb(db: IDBDatabase, dbName: string): Promise<void> {
  db.close();
  await req(indexedDB.deleteDatabase(dbName) as unknown as IDBRequest<unknown>).catch(() => undefined);
}

/** Puts rows into a fresh database with one store of the given indexes; returns rows per second. */
export async function rawPutRate(
  dbName: string,
  store: RawStore,
  rows: unknown[],
  pageSize: number,
): Promise<{ ms: number; rowsPerSec: number }> {
  const db = await openFresh(dbName, [store]);
  const t0 = performance.now();
  await putAll(db, store.name, rows, pageSize);
  const ms = performance.now() - t0;
  await dropDb(db, dbName);
  return { ms, rowsPerSec: rows.length / (ms / 1000) };
}

/** Puts two sets of rows into two stores of one fresh database at the same time (two transactions
 * in flight, one per store): whether IndexedDB writes separate stores faster together than one
 * after the other. Returns both stores' rows per second together. */
export async function rawPutConcurrent(
  dbName: string,
  sets: { store: string; rows: unknown[] }[],
  pageSize: number,
): Promise<{ ms: number; rowsPerSec: number }> {
  const db = await openFresh(
    dbName,
    sets.map((s) => ({ name: s.store, indexes: [] })),
  );
  const t0 = performance.now();
  await Promise.all(sets.map((s) => putAll(db, s.store, s.rows, pageSize)));
  const ms = performance.now() - t0;
  await dropDb(db, dbName);
  const rows = sets.reduce((n, s) => n + s.rows.length, 0);
  return { ms, rowsPerSec: rows / (ms / 1000) };
}
