// The administrator's settings: route and component for the registry (app/screens.ts).
import { defineRoute } from '../../navigation';

export const settingsRoute = defineRoute('settings');
export { SettingsScreen } from './SettingsScreen';
