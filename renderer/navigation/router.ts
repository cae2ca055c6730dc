// Hash routes: '#/counter', '#/history/01JX…'. The hash keeps the station a single page that Electron
// (app://station/) and the browser (the agent's http origin) both load without server routes, and
// changing it never navigates the window (main's navigation guard stays shut). A route is defined once
// from its pattern and its parameters are typed from it: defineRoute('history/:local_setl_id') makes
// href({ local_setl_id }) compile and href({}) not. A hash that is not a route ('#agent-token=…',
// read and removed by renderer/bridge at start) is simply no route.
import { createContext, useContext, useSyncExternalStore } from 'react';

type Segments<P extends string> = P extends `${infer Head}/${infer Tail}` ? Head | Segments<Tail> : P;
type RequiredNames<P extends string> =
  Segments<P> extends infer S
    ? S extends `:${infer N}`
      ? N extends `${string}?`
        ? never
        : N
      : never
    : never;
type OptionalNames<P extends string> =
  Segments<P> extends infer S ? (S extends `:${infer N}?` ? N : never) : never;

/** The parameters of a pattern: ':name' required, ':name?' optional (last segment only). */
export type RouteParams<P extends string> = { [K in RequiredNames<P>]: string } & {
  [K in OptionalNames<P>]?: string;
};

type HrefArgs<P extends string> = [RequiredNames<P>] extends [never]
  ? [params?: RouteParams<P>]
  : [params: RouteParams<P>];

export interface Route<P extends string = string> {
  readonly pattern: P;
  /** true when the route can be opened with no parameters (a nav button, a hotkey) */
  readonly bare: boolean;
  href(...args: HrefArgs<P>): string;
  /** the parameters when `path` (the hash without '#/') is this route, else null */
  match(path: string): RouteParams<P> | null;
}

interface Segment {
  name: string;
  param: boolean;
  optional: boolean;
}

const NAME = /^[a-z][a-z0-9_-]*$/i;

function parsePattern(pattern: string): Segment[] {
  const segments = pattern.split('/').map((s): Segment => {
    const param = s.startsWith(':');
    const optional = param && s.endsWith('?');
    const name = param ? s.slice(1, optional ? -1 : undefined) : s;
    if (!NAME.test(name)) throw new Error(`route ${pattern}: bad segment "${s}"`);
    return { name, param, optional };
  });
  if (segments[0]!.param) throw new Error(`route ${pattern}: must start with a fixed segment`);
  if (segments.slice(0, -1).some((s) => s.optional))
    throw new Error(`route ${pattern}: only the last parameter may be optional`);
  return segments;
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function defineRoute<const P extends string>(pattern: P): Route<P> {
  const segments = parsePattern(pattern);
  return {
    pattern,
    bare: segments.every((s) => !s.param || s.optional),
    href(...args: HrefArgs<P>) {
      const params = (args[0] ?? {}) as Record<string, string | undefined>;
      const parts: string[] = [];
      for (const s of segments) {
        if (!s.param) parts.push(s.name);
        else if (params[s.name]) parts.push(encodeURIComponent(params[s.name]!));
        else if (!s.optional) throw new Error(`route ${pattern}: parameter ${s.name} missing`);
      }
      return `#/${parts.join('/')}`;
    },
    match(path) {
      const parts = path === '' ? [] : path.split('/');
      const required = segments.filter((s) => !s.optional).length;
      if (parts.length < required || parts.length > segments.length) return null;
      const params: Record<string, string> = {};
      for (let i = 0; i < parts.length; i++) {
        const s = segments[i]!;
        const value = decode(parts[i]!);
        if (value === null || value === '') return null;
        if (s.param) params[s.name] = value;
        else if (value !== s.name) return null;
      }
      return params as RouteParams<P>;
    },
  };
}

/** The route path in a location hash: '#/history/x' → 'history/x'; anything else → ''. */
export function pathOfHash(hash: string): string {
  return hash.startsWith('#/') ? hash.slice(2).replace(/\/+$/, '') : '';
}

/** Where the station is and how to move: the window's hash, or a memory one in tests. */
export interface Router {
  path(): string;
  subscribe(listener: () => void): () => void;
  /** href as made by Route.href ('#/…'); replace: no history entry (a redirect) */
  navigate(href: string, opts?: { replace?: boolean }): void;
}

export function hashRouter(
  win: Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener' | 'dispatchEvent'>,
): Router {
  return {
    path: () => pathOfHash(win.location.hash),
    subscribe(listener) {
      win.addEventListener('hashchange', listener);
      return () => win.removeEventListener('hashchange', listener);
    },
    navigate(href, opts = {}) {
      if (href === win.location.hash) return;
      if (opts.replace) {
        const { pathname, search } = win.location;
        win.history.replaceState(null, '', `${pathname}${search}${href}`);
        win.dispatchEvent(new HashChangeEvent('hashchange'));
      } else win.location.hash = href;
    },
  };
}

/** A router that only remembers, for component tests (no window hash to share between tests). */
export function memoryRouter(initial = ''): Router {
  let current = pathOfHash(initial);
  const listeners = new Set<() => void>();
  return {
    path: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    navigate(href) {
      const next = pathOfHash(href);
      if (next === current) return;
      current = next;
      for (const l of listeners) l();
    },
  };
}

export const RouterContext = createContext<Router | null>(null);

function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('RouterContext missing');
  return router;
}

/** The current route path ('history/x'); the component renders again when it changes. */
export function usePath(): string {
  const router = useRouter();
  return useSyncExternalStore(router.subscribe, router.path);
}

export function useNavigate(): Router['navigate'] {
  return useRouter().navigate;
}
