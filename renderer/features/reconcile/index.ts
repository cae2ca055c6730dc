// Reconciliation with the platform (3201 totals, 3202 detail): route and component for the registry.
export { reconcileRoute } from './route';
export { ReconcileScreen } from './ReconcileScreen';
