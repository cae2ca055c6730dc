// The agent alone in a process of its own, for tests that must see whether a hostile client can end
// the process (agent-hostile.test.ts): `node --import tsx agent-process.ts RENDERER_DIR LOG_DIR`, with
// AGENT_TEST_SESSION set to a session it accepts from the start. Prints `agent ready PORT`.
import { createRotatingLog } from '../../services/logging';
import { createStationHost } from '../../services/station-host';
import { startAgent } from '../server';

const [rendererDir, logDir] = process.argv.slice(2);
if (!rendererDir || !logDir) throw new Error('usage: agent-process.ts RENDERER_DIR LOG_DIR');
const log = createRotatingLog({ dir: logDir });
const host = createStationHost({
  app: { name: 'station', version: '0.1.0', mode: 'browser', os: 'test' },
  configView: () => {
    throw Object.assign(new Error('x'), { code: 'NOT_CONFIGURED', message_zh: '未配置', message_en: 'no' });
  },
  platform: null,
  card: null,
  print: { savePdf: async () => '', dialog: null },
  log,
});
const agent = await startAgent({
  host,
  rendererDir,
  log,
  presetSessions: process.env.AGENT_TEST_SESSION ? [process.env.AGENT_TEST_SESSION] : [],
});
console.log(`agent ready ${agent.port}`);
process.on('SIGTERM', () => void agent.close().then(() => process.exit(0)));
