// The station's operators (docs/shell.md, "Operators"): accounts with roles, PINs checked against
// their scrypt hashes, lockout after wrong PINs, sessions, supervisor approvals, and the
// administrator's changes — all on the Node side; the page only ever holds a session token. Every
// rule of who may do what is checked here against shared/operators' permission table, whatever the
// page shows. Changes to the file are serialised (one at a time, in call order), so two wrong PINs
// typed at once both count.
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { allowed, type Permission, type Role } from '../../../shared/operators';
import type { AccountView, OperatorView, SignOutReason } from '../../../shared/station-api';
import { conflict, lockedOut, notPermitted, screenLocked, sessionInvalid, signInFailed } from './errors';
import { afterWrongPin, CLEAR_LOCKOUT, lockedUntil } from './lockout';
import { readOperatorsFile, writeOperatorsFile, type Account, type OperatorsFile } from './operators-file';
import { DEFAULT_SCRYPT, hashPin, verifyPin, type PinHash, type ScryptCost } from './pin-hash';
import { createSessions, type Session } from './sessions';

export interface OperatorsServiceOptions {
  /** the station's data folder (operators.json) */
  dir: string;
  now?: () => Date;
  randomBytes?: (n: number) => Buffer;
  scrypt?: ScryptCost;
  /** Who is at the keyboard changed (sign-in, sign-out, takeover): the platform client follows. */
  onActiveOperator?: (operator: OperatorView | null, reason: SignOutReason | 'sign_in') => void;
}

export interface NewAccount {
  id: string;
  name: string;
  role: Role;
  pin: string;
}

const view = (a: Account): OperatorView => ({ id: a.id, name: a.name, role: a.role });
const accountView = (a: Account): AccountView => ({
  ...view(a),
  disabled: a.disabled,
  lockedUntil: a.lockedUntil,
  failures: a.failures,
  createdAt: a.createdAt,
  pinChangedAt: a.pinChangedAt,
});

const WHAT: Record<Permission, { zh: string; en: string }> = {
  settle: { zh: '结算', en: 'settle' },
  resolveTask: { zh: '处理待办', en: 'resolve tasks' },
  viewHistory: { zh: '查看结算记录', en: 'view the history' },
  cancel: { zh: '撤销结算', en: 'cancel settlements' },
  approve: { zh: '审批', en: 'approve' },
  audit: { zh: '查看审计日志', en: 'use the audit log' },
  manageOperators: { zh: '管理操作员和设置', en: 'manage operators and settings' },
  reconcile: { zh: '与平台对账', en: 'reconcile with the platform' },
  reports: { zh: '查看报表', en: 'view the reports' },
};

export function createOperatorsService(options: OperatorsServiceOptions) {
  const now = options.now ?? (() => new Date());
  const randomBytes = options.randomBytes ?? nodeRandomBytes;
  const cost = options.scrypt ?? DEFAULT_SCRYPT;
  const sessions = createSessions(now, randomBytes);
  let data: OperatorsFile = readOperatorsFile(options.dir);
  let active: Session | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  // A hash to check an unknown id's PIN against, so that an unknown id takes as long as a known one.
  let dummy: Promise<PinHash> | null = null;

  /** Runs fn after every earlier change, with the file as it is then. */
  function serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  function save(next: OperatorsFile): void {
    writeOperatorsFile(options.dir, next);
    data = next;
  }

  function update(id: string, patch: Partial<Account>): Account {
    const accounts = data.accounts.map((a) => (a.id === id ? { ...a, ...patch } : a));
    save({ ...data, accounts });
    return accounts.find((a) => a.id === id)!;
  }

  /** The account's PIN checked, its lockout count kept; throws the refusal. */
  async function checkPin(id: string, pin: string): Promise<Account> {
    const account = data.accounts.find((a) => a.id === id);
    if (!account || account.disabled) {
      await verifyPin(pin, await (dummy ??= hashPin('000000', cost, randomBytes)));
      throw signInFailed();
    }
    const until = lockedUntil(account, now());
    if (until) throw lockedOut(until);
    if (!(await verifyPin(pin, account.pin))) {
      const after = update(id, afterWrongPin(account, now()));
      const locked = lockedUntil(after, now());
      throw locked ? lockedOut(locked) : signInFailed();
    }
    return account.failures === 0 && account.lockedUntil === null ? account : update(id, CLEAR_LOCKOUT);
  }

  function live(
    token: string,
    opts: { unlocked: boolean } = { unlocked: true },
  ): { session: Session; account: Account } {
    const session = sessions.find(token);
    const account = session && data.accounts.find((a) => a.id === session.operatorId && !a.disabled);
    if (!session || !account) throw sessionInvalid();
    if (opts.unlocked && session.locked) throw screenLocked();
    return { session, account };
  }

  function authorize(token: string, permission: Permission): Account {
    const { account } = live(token);
    if (!allowed(account.role, permission)) throw notPermitted(WHAT[permission]);
    return account;
  }

  function endSession(session: Session, reason: SignOutReason): void {
    sessions.end(session);
    if (active?.digest === session.digest) {
      active = null;
      options.onActiveOperator?.(null, reason);
    }
  }

  async function newAccount(a: NewAccount): Promise<Account> {
    const at = now().toISOString();
    return {
      id: a.id,
      name: a.name,
      role: a.role,
      disabled: false,
      pin: await hashPin(a.pin, cost, randomBytes),
      ...CLEAR_LOCKOUT,
      createdAt: at,
      pinChangedAt: at,
    };
  }

  return {
    signIn: (operatorId: string, pin: string) =>
      serial(async () => {
        const account = await checkPin(operatorId, pin);
        const { token, session } = sessions.open(account.id);
        active = session;
        options.onActiveOperator?.(view(account), 'sign_in');
        return { session: token, operator: view(account), idleLockSeconds: data.settings.idleLockSeconds };
      }),

    signOut: (token: string, reason: SignOutReason) =>
      serial(() => {
        const session = sessions.find(token);
        if (session) endSession(session, reason);
      }),

    lock: (token: string) =>
      serial(() => {
        live(token, { unlocked: false }).session.locked = true;
      }),

    unlock: (token: string, pin: string) =>
      serial(async () => {
        const { session } = live(token, { unlocked: false });
        await checkPin(session.operatorId, pin);
        session.locked = false;
      }),

    approve: (token: string, approverId: string, pin: string) =>
      serial(async () => {
        live(token);
        const approver = await checkPin(approverId, pin);
        if (!allowed(approver.role, 'approve')) throw notPermitted(WHAT.approve);
        return { approver: view(approver), at: now().toISOString() };
      }),

    list: (token: string) =>
      serial(() => {
        authorize(token, 'manageOperators');
        return data.accounts.map(accountView);
      }),

    add: (token: string, account: NewAccount) =>
      serial(async () => {
        authorize(token, 'manageOperators');
        if (data.accounts.some((a) => a.id === account.id))
          throw conflict(`工号 ${account.id} 已存在`, `Operator id ${account.id} already exists`);
        const made = await newAccount(account);
        save({ ...data, accounts: [...data.accounts, made] });
        return accountView(made);
      }),

    setDisabled: (token: string, id: string, disabled: boolean) =>
      serial(() => {
        const admin = authorize(token, 'manageOperators');
        const target = data.accounts.find((a) => a.id === id);
        if (!target) throw conflict(`没有工号 ${id}`, `No operator ${id}`);
        if (disabled && id === admin.id)
          throw conflict('不能停用自己的账号', 'You cannot disable your own account');
        const changed = update(id, { disabled });
        if (disabled) for (const s of sessions.endAllOf(id)) endSession(s, 'sign_out');
        return accountView(changed);
      }),

    resetPin: (token: string, id: string, pin: string) =>
      serial(async () => {
        authorize(token, 'manageOperators');
        if (!data.accounts.some((a) => a.id === id)) throw conflict(`没有工号 ${id}`, `No operator ${id}`);
        const hashed = await hashPin(pin, cost, randomBytes);
        return accountView(update(id, { pin: hashed, ...CLEAR_LOCKOUT, pinChangedAt: now().toISOString() }));
      }),

    getSettings: () => ({ ...data.settings }),

    setSettings: (token: string, idleLockSeconds: number) =>
      serial(() => {
        authorize(token, 'manageOperators');
        save({ ...data, settings: { ...data.settings, idleLockSeconds } });
        return { ...data.settings };
      }),

    /** Accounts created outside the screens (station:configure, npm start's demo): the ones missing
     * are added; an existing id is left as it is. Returns the ids added. */
    provision: (accounts: readonly NewAccount[]) =>
      serial(async () => {
        const added: Account[] = [];
        for (const a of accounts)
          if (!data.accounts.some((x) => x.id === a.id) && !added.some((x) => x.id === a.id))
            added.push(await newAccount(a));
        if (added.length > 0) save({ ...data, accounts: [...data.accounts, ...added] });
        return added.map((a) => a.id);
      }),

    /** The host is closing: every session ends (the active operator signs out of the platform). */
    close: () =>
      serial(() => {
        for (const s of sessions.all()) endSession(s, 'exit');
      }),
  };
}

export type OperatorsService = ReturnType<typeof createOperatorsService>;
