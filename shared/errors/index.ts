export {
  CodedError,
  codedError,
  isCodedError,
  type BilingualMessage,
  type CodedErrorOptions,
  type CodedErrorPayload,
  type MessageTable,
} from './coded-error';
