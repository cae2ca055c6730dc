// The role guard of the station's own registry, written out as a table: which role opens which screen.
// The host refuses the same actions by the same permission table (shared/operators), proved by
// electron/services/station-host/operator-channels.test.ts.
import { describe, expect, it } from 'vitest';
import { canOpen, registryProblems, resolveScreen } from '../navigation';
import type { Role } from '../station';
import { SCREENS } from './screens';

const TABLE: Record<string, Record<Role, boolean>> = {
  counter: { cashier: true, supervisor: true, admin: false },
  history: { cashier: true, supervisor: true, admin: false },
  queue: { cashier: true, supervisor: true, admin: false },
  handover: { cashier: true, supervisor: true, admin: false },
  settings: { cashier: false, supervisor: false, admin: true },
  audit: { cashier: false, supervisor: true, admin: true },
  reconcile: { cashier: false, supervisor: true, admin: false },
  reports: { cashier: false, supervisor: true, admin: false },
};
const PATHS: Record<string, string> = { history: 'history/01JXTEST', reconcile: 'reconcile/2026-06-29' };

describe('the role guard of the station’s screens', () => {
  it('has a row for every screen, and the registry is sound', () => {
    expect(SCREENS.map((s) => s.id).sort()).toEqual(Object.keys(TABLE).sort());
    expect(registryProblems(SCREENS)).toEqual([]);
  });
  const rows = Object.entries(TABLE).flatMap(([id, roles]) =>
    (Object.keys(roles) as Role[]).map((role) => [id, role, roles[role]] as const),
  );
  it.each(rows)('%s by a %s → %s', (id, role, allowed) => {
    const screen = SCREENS.find((s) => s.id === id)!;
    expect(canOpen(screen, role)).toBe(allowed);
    for (const path of [id, PATHS[id]].filter(Boolean) as string[])
      expect(resolveScreen(SCREENS, path, role).kind).toBe(allowed ? 'screen' : 'forbidden');
  });
  it('sends each role to a screen it may open', () => {
    for (const role of ['cashier', 'supervisor', 'admin'] as const)
      expect(resolveScreen(SCREENS, '', role)).toMatchObject({ kind: 'redirect' });
    expect(resolveScreen(SCREENS, '', 'admin')).toEqual({ kind: 'redirect', href: '#/settings' });
  });
});
