// The reports (a day, a month) and the period's CSV: route and component for the registry.
export { reportsRoute } from './route';
export { ReportsScreen } from './ReportsScreen';
