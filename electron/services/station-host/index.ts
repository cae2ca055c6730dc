export { createStationHost, type DispatchResult, type StationHost } from './host';
export { toHostError, isPlatformErrorLike } from './errors';
export type { CardPort, HostEventListener, LogPort, PlatformPort, PrintPort, StationHostDeps } from './ports';
export { contentTypeOf, resolveRendererFile, type RendererFile } from './renderer-files';
export { startCardPort, type StartedCardPort } from './card-port';
export { createDemoPort } from './demo-port';
export { inProcessStationApi } from './in-process';
