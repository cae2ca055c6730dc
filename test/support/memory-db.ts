// The station database over an in-memory IndexedDB (fake-indexeddb), for Node tests: each call gets
// its own factory unless one is passed (pass the same one to "restart" over the same data).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openStationDb, type StationDb } from '../../renderer/db';

export { IDBFactory, IDBKeyRange };

export function memoryStationDb(
  name = 'station',
  indexedDB: IDBFactory = new IDBFactory(),
): Promise<StationDb> {
  return openStationDb({ name, indexedDB, IDBKeyRange });
}
