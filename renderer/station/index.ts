// The station as the screens see it: the context made at start-up and the operator at the keyboard.
export { StationContext, useStation, type Station } from './station-context';
export { ROLES, type Operator, type Role } from './operator';
