// Set-up of the component tests (vitest project "dom", happy-dom): an IndexedDB (fake-indexeddb, as a
// browser has one: Dexie's live queries look for the global one, even when a StationDb is given its
// own factory), the station's translations in Chinese (the station's first language; a test may
// switch), a clean document after each test, and the temporary folders the helpers made removed after
// the file's tests (temp-dirs.ts).
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { initI18n } from '../../renderer/i18n';
import { removeTempDirs } from './temp-dirs';

// findBy… and waitFor wait up to 15 s (a test may take 20): the machines are shared, and a loaded one
// is slow, not wrong (a first render with its lookups took over 5 s on a loaded CI machine)
configure({ asyncUtilTimeout: 15_000 });

beforeAll(async () => {
  await initI18n('zh-CN');
});

afterEach(async () => {
  cleanup();
  if (i18next.language !== 'zh-CN') await i18next.changeLanguage('zh-CN');
});

afterAll(removeTempDirs);
