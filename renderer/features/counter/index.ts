// The counter screen: its route and component, for the registry (app/screens.ts).
import { defineRoute } from '../../navigation';

export const counterRoute = defineRoute('counter');
export { CounterScreen } from './CounterScreen';
