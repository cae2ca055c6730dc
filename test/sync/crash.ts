// Process death, simulated where it matters: at the PlatformPort (before a call leaves, or after the
// platform answered but before the station heard it) and inside IndexedDB transactions (a Dexie DBCore
// middleware that fails a write, which aborts the whole transaction as a dying tab would). After the
// crash point the "process" is dead: every later call and write fails too, until the test opens a new
// StationDb over the same IndexedDB factory, which is the restart.
import type { DBCore, Middleware } from 'dexie';
import type { PlatformPort } from '../../renderer/sync';

export class CrashError extends Error {
  constructor(readonly where: string) {
    super(`simulated crash at ${where}`);
    this.name = 'CrashError';
  }
}

export class CrashPlan {
  step = 0;
  dead = false;
  where: string | null = null;

  /** at: the step (1-based) at which the process dies; Infinity for never. */
  constructor(readonly at: number) {}

  tick(where: string): void {
    if (this.dead) throw new CrashError(`after death: ${where}`);
    this.step++;
    if (this.step === this.at) {
      this.dead = true;
      this.where = where;
      throw new CrashError(where);
    }
  }
}

export function crashingPort(port: PlatformPort, plan: CrashPlan): PlatformPort {
  return {
    async call(infno, input) {
      plan.tick(`before-send ${infno}`);
      const output = await port.call(infno, input);
      plan.tick(`after-answer ${infno}`); // the platform has acted; the answer is lost
      return output;
    },
  };
}

export function crashingWrites(plan: CrashPlan): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'crash-plan',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => {
            try {
              plan.tick(`write ${name}.${req.type}`);
            } catch (e) {
              return Promise.reject(e);
            }
            return t.mutate(req);
          },
        };
      },
    }),
  };
}
