// The audit log's screen: route and component for the registry (app/screens.ts).
import { defineRoute } from '../../navigation';

export const auditRoute = defineRoute('audit');
export { AuditScreen } from './AuditScreen';
