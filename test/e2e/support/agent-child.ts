// The browser-mode station (agent + Node services) as its own process, so a test can SIGKILL it the
// way a power cut or a crash would: `tsx agent-child.ts DATA_DIR RENDERER_DIR PORT`. Prints one JSON
// line {url} (a one-time address) when it serves; runs until killed.
import { startBrowserStation } from '../../../electron/agent';

const [dataDir, rendererDir, port] = process.argv.slice(2);
if (!dataDir || !rendererDir || !port) {
  console.error('usage: agent-child.ts DATA_DIR RENDERER_DIR PORT');
  process.exit(2);
}
const station = await startBrowserStation({
  dataDir,
  rendererDir,
  version: 'crash-loop',
  chromiumPath: null,
  port: Number(port),
});
process.stdout.write(`${JSON.stringify({ url: station.agent.url })}\n`);
