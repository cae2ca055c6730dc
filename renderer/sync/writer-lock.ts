// One outbox writer across windows and tabs. In a browser that is the Web Locks API (a lock held
// by a tab is released when the tab dies, so a crashed window never blocks the queue); where there
// is no navigator.locks (Node tests) an in-process lock with the same contract stands in.

export interface WriterLock {
  /** Runs fn while holding the named lock. When another holder has it, returns { ran: false }
   * at once instead of waiting: a second pusher has nothing to add while one drains the queue. */
  runIfFree<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

interface LockManagerLike {
  request(
    name: string,
    options: { mode?: 'exclusive' | 'shared'; ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
}

export function webLocksWriterLock(locks: LockManagerLike): WriterLock {
  return {
    async runIfFree<T>(name: string, fn: () => Promise<T>) {
      let out: { ran: true; value: T } | { ran: false } = { ran: false };
      await locks.request(name, { mode: 'exclusive', ifAvailable: true }, async (lock) => {
        if (lock === null) return; // held elsewhere
        out = { ran: true, value: await fn() };
      });
      return out;
    },
  };
}

/** For one JavaScript realm (Node tests, or a browser without Web Locks). Share one instance
 * between the pushers that must exclude each other. */
export function inProcessWriterLock(): WriterLock {
  const held = new Set<string>();
  return {
    async runIfFree<T>(name: string, fn: () => Promise<T>) {
      if (held.has(name)) return { ran: false } as const;
      held.add(name);
      try {
        return { ran: true, value: await fn() } as const;
      } finally {
        held.delete(name);
      }
    },
  };
}

/** Web Locks when the environment has them, else an in-process lock. */
export function defaultWriterLock(): WriterLock {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks ? webLocksWriterLock(locks) : inProcessWriterLock();
}
