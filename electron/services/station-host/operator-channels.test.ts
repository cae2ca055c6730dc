// The operators' channels through the host's dispatch, as the page calls them: the role guard is the
// host's (an administrator's channel with a cashier's or a supervisor's session is NOT_PERMITTED,
// whatever the page shows), inputs are checked where they enter (a guessable new PIN, an id of the
// wrong shape), and no PIN reaches the station's log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/operators';
import { createRotatingLog } from '../logging';
import { createOperatorsService } from '../operators';
import { bareStationHost } from '../../../test/support/bare-host';
import type { StationHost } from './index';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'host-operators-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const PINS: Record<Role, [string, string]> = {
  cashier: ['cashier01', '135790'],
  supervisor: ['supervisor01', '520817'],
  admin: ['admin01', '904172'],
};

let host: StationHost;
beforeAll(async () => {
  const operators = createOperatorsService({ dir: work, scrypt: { N: 1024, r: 8, p: 1 } });
  await operators.provision(
    (Object.keys(PINS) as Role[]).map((role) => ({
      id: PINS[role][0],
      name: role,
      role,
      pin: PINS[role][1],
    })),
  );
  host = bareStationHost({ operators, log: createRotatingLog({ dir: path.join(work, 'logs') }) });
});

async function sessionOf(role: Role): Promise<string> {
  const [operator_id, pin] = PINS[role];
  const r = await host.dispatch('operators.signIn', { operator_id, pin });
  if (!r.ok) throw new Error(r.error.message_en);
  return (r.output as { session: string }).session;
}

describe('the role guard in the host', () => {
  const adminCalls: [string, (session: string) => Record<string, unknown>][] = [
    ['operators.list', (session) => ({ session })],
    ['operators.add', (session) => ({ session, id: 'cashier09', name: 'x', role: 'cashier', pin: '470258' })],
    ['operators.setDisabled', (session) => ({ session, id: 'cashier01', disabled: false })],
    ['operators.resetPin', (session) => ({ session, id: 'cashier01', pin: '135790' })],
    ['operators.setSettings', (session) => ({ session, idleLockSeconds: 300 })],
  ];
  const table = (['cashier', 'supervisor', 'admin'] as const).flatMap((role) =>
    adminCalls.map(([channel, input]) => [channel, role, role === 'admin', input] as const),
  );
  it.each(table)('%s by a %s → allowed %s', async (channel, role, allowed, input) => {
    const r = await host.dispatch(channel, input(await sessionOf(role)));
    if (allowed) expect(r).toMatchObject({ ok: true });
    else expect(r).toMatchObject({ ok: false, error: { code: 'NOT_PERMITTED' } });
  });

  it.each([
    ['cashier', false],
    ['supervisor', true],
    ['admin', false],
  ] as const)('an approval by a %s → %s', async (role, allowed) => {
    const session = await sessionOf('cashier');
    const [operator_id, pin] = PINS[role];
    const r = await host.dispatch('operators.approve', {
      session,
      operator_id,
      pin,
      action: 'cancel',
      local_setl_id: '01JTEST',
    });
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.error.code).toBe('NOT_PERMITTED');
  });

  it('refuses a session that is not one, and inputs of the wrong shape where they enter', async () => {
    const admin = await sessionOf('admin');
    expect(await host.dispatch('operators.list', { session: 'x'.repeat(43) })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_INVALID' },
    });
    for (const [input, field] of [
      [{ session: admin, id: 'cashier09', name: 'x', role: 'cashier', pin: '123456' }, 'pin'],
      [{ session: admin, id: 'Cashier 9', name: 'x', role: 'cashier', pin: '470258' }, 'id'],
      [{ session: admin, id: 'cashier09', name: 'x', role: 'root', pin: '470258' }, 'role'],
      [{ session: 'short', id: 'cashier09', name: 'x', role: 'cashier', pin: '470258' }, 'session'],
    ] as const)
      expect(await host.dispatch('operators.add', input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', path: field },
      });
  });

  it('refuses 9002 through platform.call: it is the sign-out’s', async () => {
    expect(await host.dispatch('platform.call', { infno: '9002', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'NOT_PERMITTED' },
    });
  });

  it('logs sign-ins, refusals and changes, never a PIN', async () => {
    await host.dispatch('operators.signIn', { operator_id: 'cashier01', pin: '777031' });
    const logs = fs
      .readdirSync(path.join(work, 'logs'))
      .map((f) => fs.readFileSync(path.join(work, 'logs', f), 'utf8'));
    const text = logs.join('\n');
    expect(text).toContain('operator signed in');
    expect(text).toContain('sign-in refused');
    for (const pin of [...Object.values(PINS).map(([, p]) => p), '777031', '470258'])
      expect(text).not.toContain(pin);
  });
});
