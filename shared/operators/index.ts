// Operators and roles: the permission table both the host and the screens check, the account and PIN
// schemas, and the cancel rule.
export { ROLES, PERMISSIONS, allowed, type Role, type Permission } from './roles';
export {
  operatorIdSchema,
  operatorNameSchema,
  roleSchema,
  newPinSchema,
  pinAttemptSchema,
  isGuessablePin,
} from './account';
export { cancelRule, type CancelRule } from './cancel-rule';
