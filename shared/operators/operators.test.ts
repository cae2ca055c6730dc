import { describe, expect, it } from 'vitest';
import { cancelRule, isGuessablePin, newPinSchema, operatorIdSchema, operatorNameSchema } from './index';
import { allowed, PERMISSIONS, ROLES, type Permission, type Role } from './roles';

describe('the permission table', () => {
  // Every role × every action, written out: the table a reviewer checks against domain.md.
  const table: Record<Permission, Record<Role, boolean>> = {
    settle: { cashier: true, supervisor: true, admin: false },
    resolveTask: { cashier: true, supervisor: true, admin: false },
    viewHistory: { cashier: true, supervisor: true, admin: false },
    cancel: { cashier: true, supervisor: true, admin: false },
    approve: { cashier: false, supervisor: true, admin: false },
    audit: { cashier: false, supervisor: true, admin: true },
    manageOperators: { cashier: false, supervisor: false, admin: true },
    reconcile: { cashier: false, supervisor: true, admin: false },
    reports: { cashier: false, supervisor: true, admin: false },
  };
  const rows = (Object.keys(table) as Permission[]).flatMap((p) =>
    ROLES.map((r) => [p, r, table[p][r]] as const),
  );
  it.each(rows)('%s by a %s → %s', (permission, role, expected) => {
    expect(allowed(role, permission)).toBe(expected);
  });
  it('covers every permission', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });
});

describe('the cancel rule', () => {
  const s = { opter: 'cashier01', settle_date: '2026-06-30' };
  it.each([
    ['cashier01', 'cashier', '2026-06-30', { kind: 'own_same_day' }],
    ['cashier01', 'cashier', '2026-07-01', { kind: 'needs_approval', because: 'earlier_day' }],
    ['cashier02', 'cashier', '2026-06-30', { kind: 'needs_approval', because: 'other_operator' }],
    ['supervisor01', 'supervisor', '2026-06-30', { kind: 'needs_approval', because: 'other_operator' }],
    ['admin01', 'admin', '2026-06-30', { kind: 'forbidden' }],
  ] as const)('%s (%s) on %s → %j', (id, role, today, expected) => {
    expect(cancelRule(s, { id, role }, today)).toEqual(expected);
  });
});

describe('accounts and PINs', () => {
  it.each([
    ['123456', true],
    ['987654', true],
    ['890123', true],
    ['000000', true],
    ['77777777', true],
    ['135790', false],
    ['246813', false],
    ['120634', false],
  ])('%s guessable → %s', (pin, guessable) => {
    expect(isGuessablePin(pin)).toBe(guessable);
  });
  it.each(['', '12345', '1234567890123', '12a456', ' 135790', '１３５７９０', '135790\n', '123456'])(
    'refuses the new PIN %j',
    (pin) => {
      expect(newPinSchema.safeParse(pin).success).toBe(false);
    },
  );
  it.each(['cashier01', 'supervisor01', 'ab-c_9'])('takes the operator id %j', (id) => {
    expect(operatorIdSchema.parse(id)).toBe(id);
  });
  it.each(['', 'ab', 'Cashier01', '1cashier', 'cashier 01', 'a'.repeat(31), 'cashier\u0000', '收费员'])(
    'refuses the operator id %j',
    (id) => {
      expect(operatorIdSchema.safeParse(id).success).toBe(false);
    },
  );
  it('trims a name and refuses control characters', () => {
    expect(operatorNameSchema.parse(' 王收费 ')).toBe('王收费');
    expect(operatorNameSchema.safeParse('王\u0007').success).toBe(false);
    expect(operatorNameSchema.safeParse('  ').success).toBe(false);
  });
});
