// The operators service against its real file in a temporary folder: PINs hashed with scrypt (salted
// per account, never stored or logged as typed), lockout after five wrong PINs that survives a
// restart, sessions that lock and unlock, approvals, the administrator's changes, and the platform
// told who is at the keyboard. scrypt runs at a low cost here (N = 1024) to keep the tests quick; the
// station's own cost is DEFAULT_SCRYPT.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOperatorsService, type NewAccount } from './operators-service';
import { OPERATORS_FILE, readOperatorsFile } from './operators-file';
import { hashPin, verifyPin } from './pin-hash';
import { LOCKOUT_MS, MAX_WRONG_PINS } from './lockout';
import { SESSION_MAX_MS } from './sessions';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'operators-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const FAST = { N: 1024, r: 8, p: 1 };
const PEOPLE: NewAccount[] = [
  { id: 'cashier01', name: '王收费', role: 'cashier', pin: '135790' },
  { id: 'cashier02', name: '李收费', role: 'cashier', pin: '246802' },
  { id: 'supervisor01', name: '张主管', role: 'supervisor', pin: '520817' },
  { id: 'admin01', name: '管理员', role: 'admin', pin: '904172' },
];

let n = 0;
async function station(clock = { t: Date.parse('2026-06-30T02:00:00Z') }, dir = path.join(work, `s${n++}`)) {
  const changes: [string | null, string][] = [];
  const make = () =>
    createOperatorsService({
      dir,
      now: () => new Date(clock.t),
      scrypt: FAST,
      onActiveOperator: (op, reason) => changes.push([op?.id ?? null, reason]),
    });
  const ops = make();
  await ops.provision(PEOPLE);
  return { ops, dir, clock, changes, restart: make };
}

describe('PIN hashes', () => {
  it('are scrypt with a salt of their own: the same PIN hashes differently, and only it verifies', async () => {
    const a = await hashPin('135790', FAST);
    const b = await hashPin('135790', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a).toMatchObject({ algo: 'scrypt', N: 1024, r: 8, p: 1 });
    await expect(verifyPin('135790', a)).resolves.toBe(true);
    await expect(verifyPin('135791', a)).resolves.toBe(false);
    await expect(verifyPin('', a)).resolves.toBe(false);
  });
  it('the operators file holds no PIN, is 0600 and is narrowed again when widened', async () => {
    const { dir } = await station();
    const file = path.join(dir, OPERATORS_FILE);
    const text = fs.readFileSync(file, 'utf8');
    for (const p of PEOPLE) expect(text).not.toContain(p.pin);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o644);
    readOperatorsFile(dir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it.each([
    ['not JSON', '{', /not JSON/],
    [
      'a PIN in clear',
      JSON.stringify({
        version: 1,
        settings: { idleLockSeconds: 300 },
        accounts: [{ id: 'x1x', pin: '135790' }],
      }),
      /accounts\.0/,
    ],
    ['a twice-used id', null, /appears twice/],
    [
      'an idle time of zero',
      JSON.stringify({ version: 1, settings: { idleLockSeconds: 0 }, accounts: [] }),
      /settings\.idleLockSeconds/,
    ],
  ])('a file with %s is refused by name', async (_, text, message) => {
    const { dir } = await station();
    const file = path.join(dir, OPERATORS_FILE);
    if (text === null) {
      const data = JSON.parse(fs.readFileSync(file, 'utf8'));
      data.accounts.push(data.accounts[0]);
      fs.writeFileSync(file, JSON.stringify(data));
    } else fs.writeFileSync(file, text);
    expect(() => readOperatorsFile(dir)).toThrow(message);
  });
});

describe('sign-in and lockout', () => {
  it('signs in with the right PIN; a wrong PIN, an unknown id and a disabled account get the same answer', async () => {
    const { ops } = await station();
    const ok = await ops.signIn('cashier01', '135790');
    expect(ok.operator).toEqual({ id: 'cashier01', name: '王收费', role: 'cashier' });
    expect(ok.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ok.idleLockSeconds).toBe(300);
    const wrong = await ops.signIn('cashier01', '000001').catch((e: unknown) => e);
    const unknown = await ops.signIn('nobody', '135790').catch((e: unknown) => e);
    const admin = await ops.signIn('admin01', '904172');
    await ops.setDisabled(admin.session, 'cashier02', true);
    const disabled = await ops.signIn('cashier02', '246802').catch((e: unknown) => e);
    for (const e of [wrong, unknown, disabled])
      expect(e).toMatchObject({
        code: 'SIGN_IN_FAILED',
        message_en: 'Wrong operator id or PIN, or the account is disabled',
      });
  });

  it(`locks after ${MAX_WRONG_PINS} wrong PINs for 15 minutes, even against the right one; the count survives a restart`, async () => {
    const s = await station();
    for (let i = 1; i < MAX_WRONG_PINS; i++)
      await expect(s.ops.signIn('cashier01', `99999${i}`)).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
    // a restart in the middle does not give the guesser fresh tries
    const ops = s.restart();
    await expect(ops.signIn('cashier01', '999995')).rejects.toMatchObject({ code: 'LOCKED_OUT' });
    await expect(ops.signIn('cashier01', '135790')).rejects.toMatchObject({ code: 'LOCKED_OUT' });
    expect(readOperatorsFile(s.dir).accounts.find((a) => a.id === 'cashier01')).toMatchObject({
      failures: MAX_WRONG_PINS,
    });
    // other accounts are not affected
    await expect(ops.signIn('cashier02', '246802')).resolves.toBeDefined();
    s.clock.t += LOCKOUT_MS - 1000;
    await expect(ops.signIn('cashier01', '135790')).rejects.toMatchObject({ code: 'LOCKED_OUT' });
    s.clock.t += 2000;
    await expect(ops.signIn('cashier01', '135790')).resolves.toBeDefined();
    expect(readOperatorsFile(s.dir).accounts.find((a) => a.id === 'cashier01')).toMatchObject({
      failures: 0,
      lockedUntil: null,
    });
  });

  it('counts wrong PINs typed at the same moment, every one', async () => {
    const { ops } = await station();
    const tries = await Promise.allSettled(
      Array.from({ length: MAX_WRONG_PINS }, (_, i) => ops.signIn('cashier02', `80000${i}`)),
    );
    expect(tries.every((t) => t.status === 'rejected')).toBe(true);
    await expect(ops.signIn('cashier02', '246802')).rejects.toMatchObject({ code: 'LOCKED_OUT' });
  });

  it('after a lockout ends the count starts again, and a right PIN clears it', async () => {
    const s = await station();
    for (let i = 0; i < MAX_WRONG_PINS; i++) await s.ops.signIn('cashier01', '111112').catch(() => undefined);
    s.clock.t += LOCKOUT_MS + 1;
    await expect(s.ops.signIn('cashier01', '111112')).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
    expect(readOperatorsFile(s.dir).accounts.find((a) => a.id === 'cashier01')).toMatchObject({
      failures: 1,
      lockedUntil: null,
    });
    await s.ops.signIn('cashier01', '135790');
    expect(readOperatorsFile(s.dir).accounts.find((a) => a.id === 'cashier01')).toMatchObject({
      failures: 0,
    });
  });

  it('an administrator resetting the PIN lifts the lockout', async () => {
    const { ops } = await station();
    for (let i = 0; i < MAX_WRONG_PINS; i++) await ops.signIn('cashier01', '111112').catch(() => undefined);
    const admin = await ops.signIn('admin01', '904172');
    const after = await ops.resetPin(admin.session, 'cashier01', '358024');
    expect(after).toMatchObject({ failures: 0, lockedUntil: null });
    await expect(ops.signIn('cashier01', '135790')).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
    await expect(ops.signIn('cashier01', '358024')).resolves.toBeDefined();
  });
});

describe('sessions, locking and approvals', () => {
  it('a locked session answers only unlock with its own PIN (wrong ones count) and sign-out', async () => {
    const { ops } = await station();
    const sup = await ops.signIn('supervisor01', '520817');
    await ops.lock(sup.session);
    await expect(ops.approve(sup.session, 'supervisor01', '520817')).rejects.toMatchObject({
      code: 'SESSION_INVALID',
    });
    await expect(ops.unlock(sup.session, '135790')).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
    await ops.unlock(sup.session, '520817');
    await expect(ops.approve(sup.session, 'supervisor01', '520817')).resolves.toMatchObject({
      approver: { id: 'supervisor01', role: 'supervisor' },
    });
    await ops.signOut(sup.session, 'sign_out');
    await expect(ops.lock(sup.session)).rejects.toMatchObject({ code: 'SESSION_INVALID' });
  });

  it('a session ends after a working day', async () => {
    const s = await station();
    const c = await s.ops.signIn('cashier01', '135790');
    s.clock.t += SESSION_MAX_MS + 1;
    await expect(s.ops.lock(c.session)).rejects.toMatchObject({ code: 'SESSION_INVALID' });
  });

  it('only a supervisor approves, with their own PIN; a wrong one counts towards their lockout', async () => {
    const s = await station();
    const c = await s.ops.signIn('cashier01', '135790');
    await expect(s.ops.approve(c.session, 'cashier02', '246802')).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
    await expect(s.ops.approve(c.session, 'admin01', '904172')).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
    await expect(s.ops.approve(c.session, 'supervisor01', '000111')).rejects.toMatchObject({
      code: 'SIGN_IN_FAILED',
    });
    expect(readOperatorsFile(s.dir).accounts.find((a) => a.id === 'supervisor01')?.failures).toBe(1);
    await expect(s.ops.approve(c.session, 'supervisor01', '520817')).resolves.toEqual({
      approver: { id: 'supervisor01', name: '张主管', role: 'supervisor' },
      at: '2026-06-30T02:00:00.000Z',
    });
  });

  it('tells the platform who is at the keyboard: sign-in, takeover, disabling, closing', async () => {
    const s = await station();
    const c1 = await s.ops.signIn('cashier01', '135790');
    await s.ops.signOut(c1.session, 'takeover');
    const c2 = await s.ops.signIn('cashier02', '246802');
    const admin = await s.ops.signIn('admin01', '904172');
    await s.ops.setDisabled(admin.session, 'cashier02', true); // not the active one: nothing to tell
    await expect(s.ops.lock(c2.session)).rejects.toMatchObject({ code: 'SESSION_INVALID' });
    await s.ops.close();
    expect(s.changes).toEqual([
      ['cashier01', 'sign_in'],
      [null, 'takeover'],
      ['cashier02', 'sign_in'],
      ['admin01', 'sign_in'],
      [null, 'exit'],
    ]);
  });
});

describe("the administrator's changes", () => {
  it('adds, disables and re-enables; refuses a taken id and disabling oneself', async () => {
    const { ops } = await station();
    const admin = await ops.signIn('admin01', '904172');
    const added = await ops.add(admin.session, {
      id: 'cashier03',
      name: '赵收费',
      role: 'cashier',
      pin: '470258',
    });
    expect(added).toMatchObject({ id: 'cashier03', disabled: false, failures: 0, lockedUntil: null });
    expect(added).not.toHaveProperty('pin');
    await expect(ops.add(admin.session, { ...PEOPLE[0]! })).rejects.toMatchObject({
      code: 'OPERATOR_CONFLICT',
    });
    await expect(ops.setDisabled(admin.session, 'admin01', true)).rejects.toMatchObject({
      code: 'OPERATOR_CONFLICT',
    });
    await ops.setDisabled(admin.session, 'cashier03', true);
    await expect(ops.signIn('cashier03', '470258')).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
    await ops.setDisabled(admin.session, 'cashier03', false);
    await expect(ops.signIn('cashier03', '470258')).resolves.toBeDefined();
    expect((await ops.list(admin.session)).map((a) => a.id)).toEqual([
      ...PEOPLE.map((p) => p.id),
      'cashier03',
    ]);
    expect(await ops.setSettings(admin.session, 120)).toEqual({ idleLockSeconds: 120 });
    expect(ops.getSettings()).toEqual({ idleLockSeconds: 120 });
  });
});
