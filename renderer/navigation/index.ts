// Screens and routes: the registry's types and role guard (screens.ts) and the hash router (router.ts).
// Screens import this folder to link to each other; app/ imports it to build the shell.
export {
  defineRoute,
  hashRouter,
  memoryRouter,
  pathOfHash,
  RouterContext,
  useNavigate,
  usePath,
  type Route,
  type RouteParams,
  type Router,
} from './router';
export {
  canOpen,
  defineScreen,
  registryProblems,
  resolveScreen,
  SCREEN_HOTKEYS,
  type Resolved,
  type Screen,
  type ScreenDefinition,
  type ScreenHotkey,
  type ScreenProps,
} from './screens';
