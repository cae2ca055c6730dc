// Two projects: every *.test.ts runs in Node (the default for the whole tree); React component tests
// (*.test.tsx, next to their components in renderer/) run in happy-dom, a DOM without a browser, with
// Testing Library's cleanup and the station's i18n set up (test/support/dom-setup.ts). Real Chromium
// is for the end-to-end flows (test/e2e).
import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 20_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['{shared,electron,renderer,platform-sim,test,scripts}/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/node-setup.ts'],
        },
      },
      {
        test: {
          ...shared,
          name: 'dom',
          include: ['renderer/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['test/support/dom-setup.ts'],
        },
      },
    ],
  },
});
