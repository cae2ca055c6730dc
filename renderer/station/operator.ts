// Who is at the keyboard. Today every station runs one fixed cashier (localStorage 'station.cashier',
// default cashier01); sign-in with operator accounts (issue 12, part 2) replaces where the operator
// comes from, not what a screen asks of it: an id for the records and a role for the guard.
export const ROLES = ['cashier', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Operator {
  /** the opter recorded with every settlement and audit entry */
  id: string;
  role: Role;
}
