// Runs Electronegativity on electron/ and fails on any HIGH or MEDIUM finding that is not explained
// in electron/electronegativity-allow.json (check + file + reason). An allow-list entry that no longer
// matches anything also fails, so explanations cannot outlive the code they explain.
// Works offline: the Electron version is given, and the tool's release lookup failing is harmless.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

interface Issue {
  id: string;
  file: string;
  severity: { name: string; value: number };
  confidence: { value: number };
  location: { line: number; column: number };
  sample?: string;
  description: string;
}
interface Allowed {
  check: string;
  file: string;
  reason: string;
}

const electronVersion = (require('electron/package.json') as { version: string }).version;
const allowFile = path.join(root, 'electron', 'electronegativity-allow.json');
const allowed = JSON.parse(fs.readFileSync(allowFile, 'utf8')) as Allowed[];
for (const entry of allowed) {
  if (!entry.check || !entry.file || !entry.reason || entry.reason.length < 20)
    throw new Error(
      `${allowFile}: every entry needs check, file and a real reason: ${JSON.stringify(entry)}`,
    );
}

const run = require('@doyensec/electronegativity') as (
  options: Record<string, unknown>,
) => Promise<{ issues: Issue[]; errors: unknown[] }>;
const result = await run({
  input: path.join(root, 'electron'),
  electronVersionOverride: electronVersion,
  isRelative: true,
  parserPlugins: [],
});

const severityName = (issue: Issue) => issue.severity.name.toUpperCase();
const serious = result.issues.filter((i) => ['HIGH', 'MEDIUM'].includes(severityName(i)));
const used = new Set<Allowed>();
const unexplained: Issue[] = [];
for (const issue of result.issues.filter((i) => !serious.includes(i))) {
  console.log(
    `note        ${severityName(issue)} ${issue.id} ${issue.file}:${issue.location.line} ${issue.description}`,
  );
}
for (const issue of serious) {
  const entry = allowed.find((a) => a.check === issue.id && a.file === issue.file.split(path.sep).join('/'));
  if (entry) used.add(entry);
  else unexplained.push(issue);
}
const stale = allowed.filter((a) => !used.has(a));

for (const issue of result.issues.filter((i) => !serious.includes(i))) {
  console.log(
    `note        ${severityName(issue)} ${issue.id} ${issue.file}:${issue.location.line} ${issue.description}`,
  );
}
for (const issue of serious) {
  const entry = allowed.find((a) => a.check === issue.id && a.file === issue.file.split(path.sep).join('/'));
  console.log(
    `${entry ? 'explained ' : 'UNEXPLAINED'} ${severityName(issue)} ${issue.id} ${issue.file}:${issue.location.line} ${entry ? `— ${entry.reason}` : issue.description}`,
  );
}
console.log(
  `Electronegativity ${electronVersion}: ${result.issues.length} findings, ${serious.length} HIGH/MEDIUM, ${unexplained.length} unexplained, ${result.errors.length} parse errors`,
);
if (stale.length)
  console.log(`stale allow-list entries: ${stale.map((s) => `${s.check} ${s.file}`).join(', ')}`);
if (unexplained.length || stale.length || result.errors.length) process.exit(1);
