// The reports' route: #/reports (today), #/reports/2026-06-30 (a day) or #/reports/2026-06 (a month).
import { defineRoute } from '../../navigation';

export const reportsRoute = defineRoute('reports/:period?');
