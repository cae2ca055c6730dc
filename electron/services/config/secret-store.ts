// Where the station's signing secret lives. In the Electron app, main passes safeStorage's
// encrypt/decrypt (OS keychain / DPAPI / libsecret) to createEncryptedSecretStore; the agent, which
// has no Electron, keeps it in a file only the user can read (mode 0600 on POSIX; on Windows the
// file sits in the user's own app-data folder). Services never import electron: the crypto comes in.
import fs from 'node:fs';
import path from 'node:path';

export interface SecretStore {
  readonly kind: 'safeStorage' | 'file';
  read(): string | null;
  write(secret: string): void;
  remove(): void;
}

export const SECRET_FILE = 'station-secret';
export const ENCRYPTED_SECRET_FILE = 'station-secret.enc';

function writePrivate(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600); // the umask cannot widen it, but an existing temp file could have
  fs.renameSync(tmp, file);
}

function readIfExists(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function checkSecret(secret: string): void {
  if (secret.length < 16 || /\s/.test(secret))
    throw new RangeError('a station secret has at least 16 characters and no spaces');
}

export function createFileSecretStore(dir: string): SecretStore {
  const file = path.join(dir, SECRET_FILE);
  return {
    kind: 'file',
    read() {
      const data = readIfExists(file);
      if (data === null) return null;
      // Someone widened the permissions: narrow them again before trusting the file any further.
      if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
      return data.toString('utf8').trim() || null;
    },
    write(secret) {
      checkSecret(secret);
      writePrivate(file, secret);
    },
    remove() {
      fs.rmSync(file, { force: true });
    },
  };
}

export interface StringCipher {
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function createEncryptedSecretStore(dir: string, cipher: StringCipher): SecretStore {
  const file = path.join(dir, ENCRYPTED_SECRET_FILE);
  return {
    kind: 'safeStorage',
    read() {
      const data = readIfExists(file);
      return data === null ? null : cipher.decryptString(data);
    },
    write(secret) {
      checkSecret(secret);
      writePrivate(file, cipher.encryptString(secret));
    },
    remove() {
      fs.rmSync(file, { force: true });
    },
  };
}

/**
 * `npm start` provisions the secret as a 0600 file (it runs without Electron); the desktop app moves
 * it into the encrypted store on first launch and deletes the plain copy.
 */
export function migrateSecret(from: SecretStore, to: SecretStore): boolean {
  const plain = from.read();
  if (plain === null) return false;
  to.write(plain);
  if (to.read() !== plain) throw new Error('the encrypted secret did not read back; the plain file is kept');
  from.remove();
  return true;
}
