// The upload queue and its tasks: route and component for the registry (app/screens.ts).
import { defineRoute } from '../../navigation';

export const queueRoute = defineRoute('queue');
export { QueueScreen } from './QueueScreen';
