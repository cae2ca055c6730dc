// Browser mode's host: the Node services for one data folder, served by the agent. The secret is a
// 0600 file (there is no safeStorage without Electron); receipts become PDFs through the Chromium
// this machine has (the one that shows the app), and the print dialog is the page's window.print().
import { createFileSecretStore } from '../services/config';
import { chromiumPdfRenderer, findChromium } from '../services/printing';
import { createNodeHost, type NodeHost } from '../services/station-host/node-host';
import { startAgent, type Agent } from './server';

export interface BrowserStationOptions {
  dataDir: string;
  rendererDir: string;
  version: string;
  port?: number;
  /** Chromium for receipt PDFs; found on the machine when omitted, none when null. */
  chromiumPath?: string | null;
  cards?: boolean;
}

export interface BrowserStation {
  agent: Agent;
  station: NodeHost;
  close(): Promise<void>;
}

export async function startBrowserStation(options: BrowserStationOptions): Promise<BrowserStation> {
  const chromium = options.chromiumPath === undefined ? findChromium() : options.chromiumPath;
  const station = await createNodeHost({
    dataDir: options.dataDir,
    mode: 'browser',
    version: options.version,
    secrets: createFileSecretStore(options.dataDir),
    renderPdf: chromium ? chromiumPdfRenderer(chromium) : null,
    printDialog: null,
    cards: options.cards ?? true,
  });
  try {
    const agent = await startAgent({
      host: station.host,
      rendererDir: options.rendererDir,
      log: station.log,
      port: options.port,
    });
    return {
      agent,
      station,
      async close() {
        await agent.close();
        await station.close();
      },
    };
  } catch (err) {
    await station.close();
    throw err;
  }
}
