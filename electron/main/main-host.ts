// The services as the desktop app runs them: the secret in safeStorage when the OS offers it (moving
// a file secret provisioned by `npm start` into it), PDFs and the print dialog through Electron.
import { app, safeStorage } from 'electron';
import path from 'node:path';
import {
  createEncryptedSecretStore,
  createFileSecretStore,
  migrateSecret,
  type SecretStore,
} from '../services/config';
import { createNodeHost, type NodeHost } from '../services/station-host/node-host';
import { electronPdf, electronPrintDialog } from './receipt-window';

export function stationDataDir(): string {
  // STATION_DATA_DIR lets `npm start` point the app at the folder it provisioned. Otherwise the same
  // folder `npm start` and `npm run station:configure` use, whatever the installer's product name.
  return (
    process.env.STATION_DATA_DIR || path.join(app.getPath('appData'), 'direct-settlement-station', 'station')
  );
}

function secretStore(dataDir: string): SecretStore {
  const file = createFileSecretStore(dataDir);
  // On Linux without a keyring Electron falls back to a hard-coded key ('basic_text'): no better
  // than the 0600 file, and it would hide that fact behind the word "encrypted".
  if (!safeStorage.isEncryptionAvailable()) return file;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return file;
  const encrypted = createEncryptedSecretStore(dataDir, safeStorage);
  migrateSecret(file, encrypted);
  return encrypted;
}

export function createMainHost(): Promise<NodeHost> {
  const dataDir = stationDataDir();
  return createNodeHost({
    dataDir,
    mode: 'electron',
    version: app.getVersion(),
    secrets: secretStore(dataDir),
    renderPdf: electronPdf,
    printDialog: electronPrintDialog,
    cards: true,
  });
}
