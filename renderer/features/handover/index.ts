// The shift handover (交班): route and component for the registry (app/screens.ts).
export { handoverRoute } from './route';
export { HandoverScreen } from './HandoverScreen';
