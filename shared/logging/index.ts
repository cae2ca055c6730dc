export { maskLogValue, maskText, REDACTED, sensitiveKind, type MaskOptions } from './mask';
