export { startAgent, type Agent, type AgentOptions } from './server';
export { agentOrigin, checkRequest, checkUpgrade, isLoopbackAddress } from './guards';
export { CLOSE } from './rpc-session';
export { CODE_TTL_MS, createSessionBook, type SessionBook } from './sessions';
export { startBrowserStation, type BrowserStation, type BrowserStationOptions } from './browser-station';
