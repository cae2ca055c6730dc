import type { Infno } from '../../shared/protocol';
import { cancel } from './cancel';
import { catalogEntries } from './catalog-entries';
import { datasetDelta } from './dataset-delta';
import { personInfo } from './person-info';
import { personRows } from './person-rows';
import { preSettle } from './pre-settle';
import { reconcile } from './reconcile';
import { reconcileDetail } from './reconcile-detail';
import { signIn } from './sign-in';
import { signOut } from './sign-out';
import { status } from './status';
import type { Handler } from './types';
import { upload } from './upload';

export const TRANSACTIONS: { [I in Infno]: Handler<I> } = {
  '9001': signIn,
  '9002': signOut,
  '1101': personInfo,
  '2303': preSettle,
  '2305': cancel,
  '3201': reconcile,
  '3202': reconcileDetail,
  '8101': datasetDelta,
  '8102': catalogEntries,
  '8103': personRows,
  '8201': upload,
  '8202': status,
};
