// Who is at the keyboard: the operator signed in (session.ts), with the role the screens' and
// actions' guard asks about. The roles and what each may do are shared/operators' — the host checks
// the same table.
import type { OperatorView } from '../../shared/station-api';

export { ROLES, PERMISSIONS, allowed, type Role, type Permission } from '../../shared/operators';

/** the opter recorded with every settlement and audit entry, its name and role */
export type Operator = OperatorView;
