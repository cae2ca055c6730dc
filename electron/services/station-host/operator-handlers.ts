// The operators' channels over the operators service. Each sign-in, sign-out, approval and change
// also goes to the station's log with who did it (never a PIN), a second record beside the page's
// audit chain that the page cannot rewrite.
import {
  stationError,
  type operatorMethods,
  type StationInput,
  type StationOutput,
} from '../../../shared/station-api';
import type { LogPort, OperatorsPort } from './ports';

type OperatorChannel = keyof typeof operatorMethods;
export type OperatorHandlers = {
  [C in OperatorChannel]: (input: StationInput<C>) => Promise<StationOutput<C>> | StationOutput<C>;
};

const OK = { ok: true } as const;

export function operatorHandlers(service: OperatorsPort | null | undefined, log: LogPort): OperatorHandlers {
  const ops = () => {
    if (!service)
      throw stationError(
        'NOT_CONFIGURED',
        '操作员文件无法打开：请管理员运行 npm run station:configure',
        'The operators file cannot be opened: an administrator runs npm run station:configure',
      );
    return service;
  };
  return {
    'operators.signIn': async ({ operator_id, pin }) => {
      try {
        const out = await ops().signIn(operator_id, pin);
        log.write('info', 'operator signed in', { operator: out.operator.id, role: out.operator.role });
        return out;
      } catch (err) {
        log.write('warn', 'sign-in refused', { operator: operator_id.slice(0, 30) });
        throw err;
      }
    },
    'operators.signOut': async ({ session, reason }) => {
      await ops().signOut(session, reason);
      log.write('info', 'operator signed out', { reason });
      return OK;
    },
    'operators.lock': async ({ session }) => {
      await ops().lock(session);
      return OK;
    },
    'operators.unlock': async ({ session, pin }) => {
      await ops().unlock(session, pin);
      return OK;
    },
    'operators.approve': async ({ session, operator_id, pin, action, local_setl_id }) => {
      const out = await ops().approve(session, operator_id, pin);
      log.write('info', 'approval given', { approver: out.approver.id, action, local_setl_id });
      return out;
    },
    'operators.list': async ({ session }) => ({ operators: await ops().list(session) }),
    'operators.add': async ({ session, id, name, role, pin }) => {
      const operator = await ops().add(session, { id, name, role, pin });
      log.write('info', 'operator added', { operator: id, role });
      return { operator };
    },
    'operators.setDisabled': async ({ session, id, disabled }) => {
      const operator = await ops().setDisabled(session, id, disabled);
      log.write('info', disabled ? 'operator disabled' : 'operator enabled', { operator: id });
      return { operator };
    },
    'operators.resetPin': async ({ session, id, pin }) => {
      const operator = await ops().resetPin(session, id, pin);
      log.write('info', 'operator PIN reset', { operator: id });
      return { operator };
    },
    'operators.getSettings': () => ops().getSettings(),
    'operators.setSettings': async ({ session, idleLockSeconds }) => {
      const out = await ops().setSettings(session, idleLockSeconds);
      log.write('info', 'idle lock changed', { idleLockSeconds });
      return out;
    },
  };
}
