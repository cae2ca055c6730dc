// window.ts and receipt-window.ts import Electron, so they cannot run here; their webPreferences are
// object literals, read from the source with the TypeScript parser and checked flag by flag.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

function webPreferencesOf(file: string): Record<string, string> {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(import.meta.dirname, file), 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const found: Record<string, string>[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow') {
      const options = node.arguments?.[0];
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const prop of options.properties) {
          if (
            ts.isPropertyAssignment(prop) &&
            prop.name.getText() === 'webPreferences' &&
            ts.isObjectLiteralExpression(prop.initializer)
          ) {
            const flags: Record<string, string> = {};
            for (const p of prop.initializer.properties) {
              if (!ts.isPropertyAssignment(p))
                throw new Error(`${file}: webPreferences must be written out literally`);
              flags[p.name.getText()] = p.initializer.getText();
            }
            found.push(flags);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const HARDENED = {
  contextIsolation: 'true',
  sandbox: 'true',
  nodeIntegration: 'false',
  webSecurity: 'true',
  webviewTag: 'false',
  disableBlinkFeatures: "'Auxclick'",
};

describe('BrowserWindow webPreferences', () => {
  it('the station window is isolated, sandboxed, Node-free, with the preload as its only bridge', () => {
    expect(webPreferencesOf('window.ts')).toMatchObject({
      ...HARDENED,
      preload: 'preloadPath',
      nodeIntegrationInWorker: 'false',
      nodeIntegrationInSubFrames: 'false',
      allowRunningInsecureContent: 'false',
      experimentalFeatures: 'false',
      navigateOnDragDrop: 'false',
    });
  });

  it('the receipt window runs no script and has no preload', () => {
    const prefs = webPreferencesOf('receipt-window.ts');
    expect(prefs).toMatchObject({ ...HARDENED, javascript: 'false' });
    expect(prefs).not.toHaveProperty('preload');
  });
});
