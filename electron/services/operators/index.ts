// The station's operators: accounts, PIN hashes, lockout, sessions, approvals (docs/shell.md).
export { createOperatorsService, type OperatorsService, type NewAccount } from './operators-service';
export { readOperatorsFile, writeOperatorsFile, OPERATORS_FILE, OperatorsFileError } from './operators-file';
export { hashPin, verifyPin, DEFAULT_SCRYPT, type PinHash, type ScryptCost } from './pin-hash';
export { MAX_WRONG_PINS, LOCKOUT_MS } from './lockout';
export { SESSION_MAX_MS } from './sessions';
