// What a screen is to the shell: an id, a title (a translation key), a hotkey, a route with typed
// parameters, a component, and the roles that may open it. app/screens.ts lists the station's screens
// (one entry each); the navigation, the hotkeys and the role guard are all driven from that list.
import { createElement, type ComponentType, type ReactElement } from 'react';
import type { TranslationKey } from '../i18n';
import type { Role } from '../station';
import type { Route, RouteParams } from './router';

export const SCREEN_HOTKEYS = ['F1', 'F3', 'F5', 'F6', 'F10', 'F11'] as const;
/** Function keys a screen may claim; the others belong to the counter (F2 F4 F7 F8), sync (F9) and
 * the lock (F12). */
export type ScreenHotkey = (typeof SCREEN_HOTKEYS)[number];

export interface ScreenProps<P extends string> {
  params: RouteParams<P>;
}

export interface ScreenDefinition<P extends string> {
  id: string;
  title: TranslationKey;
  hotkey?: ScreenHotkey;
  route: Route<P>;
  component: ComponentType<ScreenProps<P>>;
  roles: readonly Role[];
}

/** A registry entry, its parameter types checked against its component and then erased. */
export interface Screen {
  id: string;
  title: TranslationKey;
  hotkey?: ScreenHotkey;
  route: Route<string>;
  roles: readonly Role[];
  /** the element for a path of this route, or null when the path is not this route */
  render(path: string): ReactElement | null;
}

export function defineScreen<const P extends string>(def: ScreenDefinition<P>): Screen {
  if (def.hotkey && !def.route.bare)
    throw new Error(`screen ${def.id}: a hotkey needs a route without required parameters`);
  return {
    id: def.id,
    title: def.title,
    hotkey: def.hotkey,
    route: def.route as unknown as Route<string>,
    roles: def.roles,
    render(path) {
      const params = def.route.match(path);
      return params ? createElement(def.component, { params }) : null;
    },
  };
}

/** The role guard: may this role open this screen? */
export function canOpen(screen: Pick<Screen, 'roles'>, role: Role): boolean {
  return screen.roles.includes(role);
}

export type Resolved =
  | { kind: 'screen'; screen: Screen; element: ReactElement }
  | { kind: 'forbidden'; screen: Screen }
  /** no screen has this path: go to the role's first screen */
  | { kind: 'redirect'; href: string }
  | { kind: 'none' };

/** Which screen a path shows for a role. */
export function resolveScreen(screens: readonly Screen[], path: string, role: Role): Resolved {
  for (const screen of screens) {
    const element = screen.render(path);
    if (!element) continue;
    return canOpen(screen, role) ? { kind: 'screen', screen, element } : { kind: 'forbidden', screen };
  }
  const home = screens.find((s) => s.route.bare && canOpen(s, role));
  return home ? { kind: 'redirect', href: home.route.href() } : { kind: 'none' };
}

/** The registry's own rules, checked by a test of app/screens.ts and at start: ids, routes and hotkeys
 * unique, and every screen open to at least one role. */
export function registryProblems(screens: readonly Screen[]): string[] {
  const problems: string[] = [];
  const seen = (what: string, values: (string | undefined)[]) => {
    const set = new Set<string>();
    for (const v of values) {
      if (v === undefined) continue;
      if (set.has(v)) problems.push(`${what} ${v} used twice`);
      set.add(v);
    }
  };
  seen(
    'id',
    screens.map((s) => s.id),
  );
  seen(
    'route',
    screens.map((s) => s.route.pattern.split('/')[0]),
  );
  seen(
    'hotkey',
    screens.map((s) => s.hotkey),
  );
  for (const s of screens) if (s.roles.length === 0) problems.push(`screen ${s.id} is open to no role`);
  return problems;
}
