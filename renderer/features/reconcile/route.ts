// The reconciliation's route: #/reconcile (yesterday) or #/reconcile/2026-06-30 (that day).
import { defineRoute } from '../../navigation';

export const reconcileRoute = defineRoute('reconcile/:date?');
