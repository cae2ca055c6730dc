export * from './station-config';
export * from './secret-store';
export { stationConfigView } from './view';
export { isLoopbackAddress, isLoopbackHostname } from './loopback';
