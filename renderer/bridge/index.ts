// renderer/bridge: the one way the renderer reaches the host. Call connectStation(browserEnvironment())
// once at start-up and pass `api` down (or to sync as platformPort(api)).
export {
  browserEnvironment,
  connectStation,
  readAgentCredential,
  type AgentCredential,
  type BridgeEnvironment,
  type StationMode,
} from './connect';
export { hostLog, platformPort, printReceiptWithDialog, type LogWrite } from './helpers';
export {
  createWebSocketTransport,
  type SocketLike,
  type SocketTarget,
  type WebSocketTransport,
  type WebSocketTransportOptions,
} from './ws-transport';
export { StationApiError, type StationApi } from '../../shared/station-api';
