// Who may do what at the station: the three roles and the one table of actions each may take. The
// host enforces the rows that are its own (managing operators, approving) and the renderer guards its
// screens and buttons with the same table, so a button a role cannot use is never one the host would
// accept. domain.md "What a cashier expects": the cashier settles and cancels their own work of the
// day; anything else needs a supervisor; the administrator keeps the accounts and the settings, and
// (separation of duties) does not settle.
export const ROLES = ['cashier', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** the counter: read cards, settle, print receipts */
  settle: ['cashier', 'supervisor'],
  /** the upload queue and its tasks (discrepancies, rejections, refused cancels) */
  resolveTask: ['cashier', 'supervisor'],
  /** settlement history, detail, reprint */
  viewHistory: ['cashier', 'supervisor'],
  /** cancel (红冲): one's own settlement of the same day alone, anything else with an approval */
  cancel: ['cashier', 'supervisor'],
  /** approve another operator's or an earlier day's cancel with one's own PIN */
  approve: ['supervisor'],
  /** verify and export the audit chain */
  audit: ['supervisor', 'admin'],
  /** add, disable and reset operators; the idle lock time */
  manageOperators: ['admin'],
  // the day's close, finance side (issue 13 §3–4): the supervisor, who answers for the day's money
  /** reconcile a day with the platform (3201 totals, 3202 detail) */
  reconcile: ['supervisor'],
  /** the day's and the month's reports and the period's CSV export */
  reports: ['supervisor'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function allowed(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
