// The station's screens: one entry each. The entry is all the shell needs: the navigation lists the
// screens the operator's role may open, their hotkeys switch to them, and the role guard refuses the
// others. Adding a screen is one folder in features/ and one entry here (docs/architecture.md). The
// roles are shared/operators' permission table's rows, the same the host checks.
import { PERMISSIONS } from '../station';
import { CounterScreen, counterRoute } from '../features/counter';
import { AuditScreen, auditRoute } from '../features/audit';
import { HistoryScreen, historyRoute } from '../features/history';
import { HandoverScreen, handoverRoute } from '../features/handover';
import { QueueScreen, queueRoute } from '../features/queue';
import { SettingsScreen, settingsRoute } from '../features/settings';
import { defineScreen, type Screen } from '../navigation';
import { CLOSE_SCREENS } from './screens-close';

export const SCREENS: readonly Screen[] = [
  defineScreen({
    id: 'counter',
    title: 'nav.counter',
    hotkey: 'F1',
    route: counterRoute,
    component: CounterScreen,
    roles: PERMISSIONS.settle,
  }),
  defineScreen({
    id: 'history',
    title: 'nav.history',
    hotkey: 'F3',
    route: historyRoute,
    component: HistoryScreen,
    roles: PERMISSIONS.viewHistory,
  }),
  defineScreen({
    id: 'queue',
    title: 'nav.queue',
    hotkey: 'F6',
    route: queueRoute,
    component: QueueScreen,
    roles: PERMISSIONS.resolveTask,
  }),
  // closing the day (close2): the shift handover, for whoever settles
  defineScreen({
    id: 'handover',
    title: 'nav.handover',
    hotkey: 'F5',
    route: handoverRoute,
    component: HandoverScreen,
    roles: PERMISSIONS.settle,
  }),
  defineScreen({
    id: 'settings',
    title: 'nav.settings',
    hotkey: 'F10',
    route: settingsRoute,
    component: SettingsScreen,
    roles: PERMISSIONS.manageOperators,
  }),
  defineScreen({
    id: 'audit',
    title: 'nav.audit',
    hotkey: 'F11',
    route: auditRoute,
    component: AuditScreen,
    roles: PERMISSIONS.audit,
  }),
  ...CLOSE_SCREENS,
];
