export {
  createBillInbox,
  isOfferableName,
  BillInboxError,
  LOADED_DIR,
  type BillInbox,
  type BillInboxOptions,
} from './bill-inbox';
