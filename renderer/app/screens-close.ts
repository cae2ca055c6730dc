// The day's close, finance side: reconciliation with the platform and the reports (issue 13 §3–4),
// spread into SCREENS (screens.ts). Kept apart so the close's other screens can be added beside it.
import { PERMISSIONS } from '../station';
import { ReconcileScreen, reconcileRoute } from '../features/reconcile';
import { ReportsScreen, reportsRoute } from '../features/reports';
import { defineScreen, type Screen } from '../navigation';

export const CLOSE_SCREENS: readonly Screen[] = [
  defineScreen({
    id: 'reconcile',
    title: 'reconcile.nav',
    route: reconcileRoute,
    component: ReconcileScreen,
    roles: PERMISSIONS.reconcile,
  }),
  defineScreen({
    id: 'reports',
    title: 'reports.nav',
    route: reportsRoute,
    component: ReportsScreen,
    roles: PERMISSIONS.reports,
  }),
];
