// English of zh-ops.ts: the same keys (the type says so).
import type { zhOps } from './zh-ops';

export const enOps: typeof zhOps = {
  signIn: {
    title: 'Operator sign-in',
    hint: 'Enter your operator id and PIN. Five wrong PINs in a row lock the account for 15 minutes.',
    operatorId: 'Operator id',
    pin: 'PIN',
    submit: 'Sign in',
    signOut: 'Sign out',
  },
  lock: {
    title: 'Screen locked',
    byIdle: '{{name}} ({{id}}) was away too long: the screen locked itself.',
    byKey: '{{name}} ({{id}}) locked the screen.',
    unlock: 'Unlock',
    otherOperator: 'Another operator',
    takeOverHint: 'When another operator signs in, {{id}} is signed out; the unfinished bill is kept.',
    back: 'Back',
    lockNow: 'Lock F12',
  },
};
