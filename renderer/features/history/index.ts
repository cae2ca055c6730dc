// Settlement history, a settlement's detail, reprint and cancel: route and component for the registry.
export { historyRoute } from './route';
export { HistoryScreen } from './HistoryScreen';
