// The station as the screens see it: the context made at start-up and the operator at the keyboard.
export { StationContext, useStation, useSession, useOperator, type Station } from './station-context';
export { ROLES, PERMISSIONS, allowed, type Operator, type Permission, type Role } from './operator';
export {
  createSessionStore,
  type OpenSession,
  type SessionActions,
  type SessionState,
  type SessionStore,
} from './session';
