// The shift handover's route (app/screens.ts).
import { defineRoute } from '../../navigation';

export const handoverRoute = defineRoute('handover');
