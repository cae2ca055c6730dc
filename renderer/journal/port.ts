// The settlement journal as the renderer reaches it: the host's StationApi journal channels (Node side,
// electron/services/journal). Tests hand in the Node journal itself through `journalPortOf`.
import type { StationApi } from '../../shared/station-api';

export type JournalPort = Pick<StationApi['journal'], 'append' | 'withdraw' | 'index' | 'get' | 'status'>;

export function journalPort(api: Pick<StationApi, 'journal'>): JournalPort {
  return api.journal;
}
