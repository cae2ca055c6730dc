export { startAgent, type Agent, type AgentOptions } from './server';
export { agentOrigin, checkRequest, checkUpgrade, isLoopbackAddress, tokensEqual } from './guards';
export { startBrowserStation, type BrowserStation, type BrowserStationOptions } from './browser-station';
