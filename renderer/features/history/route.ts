// The history's route: the list (#/history) or one settlement (#/history/01JX…). Apart from index.ts
// so the screen's own files can link to a settlement without importing the folder's index.
import { defineRoute } from '../../navigation';

export const historyRoute = defineRoute('history/:local_setl_id?');
