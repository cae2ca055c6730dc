// Signing in, the locked screen, and the credentials form they share (used by approvals too). Not a
// registry screen: the shell shows these before and instead of the screens.
export { SignInScreen } from './SignInScreen';
export { LockScreen } from './LockScreen';
export { CredentialsForm, type Credentials } from './CredentialsForm';
