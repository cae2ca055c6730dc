// renderer/ui: what every screen shows things with. Components know nothing of a screen's workflow;
// they import only i18n/, the shared value types and each other.
export { Alert, Bilingual, BilingualAlert, useBilingual } from './Bilingual';
export { splitBilingual, bilingualMessage, type BilingualText } from './bilingual-text';
export { describeError, describeReason, type DescribedError } from './describe-error';
export { Panel, DataTable, type Column } from './layout';
export { Money, MoneyCell, MaskedId, StatusBadge } from './values';
export { FundLines, fundLabel } from './FundLines';
export { formatAge, formatClock, formatChinaTime, ratioAsPercent, maskCertno } from './format';
export {
  useAsync,
  useLiveData,
  useAction,
  AsyncView,
  AsyncTimeoutError,
  withTimeout,
  DEFAULT_TIMEOUT_MS,
  type AsyncState,
  type AsyncOptions,
  type Action,
} from './async';
export { FieldError, FormErrors, PinInput } from './forms';
export { Differences, Reasons } from './answer-parts';
export { useHotkeys, typingInField, type HotkeyHandler } from './use-hotkeys';
export { Notices, notify, dismissNotice, noticeStore, type Notice } from './notices';
