// The administrator's changes, each a host call made with the session (the host checks the role
// again) and then an entry in the audit chain: who changed what. The PIN goes to the host and
// nowhere else: not into the audit log, not into any state.
import type { Role } from '../../../shared/operators';
import { recordAudit } from '../../db';
import type { Station } from '../../station';

export function settingsActions(station: Station, adminId: string) {
  const { api, db } = station;
  const { withSession, setIdleLockSeconds } = station.session.getState().actions;
  const audit = (kind: string, detail: Record<string, unknown>) =>
    recordAudit(db, { at: new Date().toISOString(), kind, opter: adminId, detail });
  return {
    list: () => withSession((session) => api.operators.list({ session })).then((r) => r.operators),
    async add(a: { id: string; name: string; role: Role; pin: string }) {
      await withSession((session) => api.operators.add({ session, ...a }));
      await audit('config.operator_added', { operator: a.id, name: a.name, role: a.role });
    },
    async setDisabled(id: string, disabled: boolean) {
      await withSession((session) => api.operators.setDisabled({ session, id, disabled }));
      await audit(disabled ? 'config.operator_disabled' : 'config.operator_enabled', { operator: id });
    },
    async resetPin(id: string, pin: string) {
      await withSession((session) => api.operators.resetPin({ session, id, pin }));
      await audit('config.pin_reset', { operator: id });
    },
    async setIdleLock(seconds: number) {
      const out = await withSession((session) =>
        api.operators.setSettings({ session, idleLockSeconds: seconds }),
      );
      setIdleLockSeconds(out.idleLockSeconds);
      await audit('config.idle_lock', { idle_lock_seconds: out.idleLockSeconds });
    },
  };
}
export type SettingsActions = ReturnType<typeof settingsActions>;
