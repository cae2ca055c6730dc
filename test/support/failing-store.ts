// A Dexie middleware that makes one object store fail, the way a broken or full IndexedDB does: each
// listed operation of that store rejects with the error the test names (a DOMException as the browser
// throws it); the other stores work as usual. Install it before the database opens (db.use, then open).
import type { DBCore, DBCoreTable, Middleware } from 'dexie';

type Operation = 'mutate' | 'get' | 'getMany' | 'query' | 'openCursor' | 'count';

export function failingStore(
  store: string,
  error: () => unknown,
  operations: readonly Operation[] = ['mutate'],
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: `failing-${store}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== store) return table;
        const fail = () => Promise.reject(error());
        return { ...table, ...Object.fromEntries(operations.map((op) => [op, fail])) } as DBCoreTable;
      },
    }),
  };
}
