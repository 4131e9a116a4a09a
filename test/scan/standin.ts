/**
 * A stand-in `grype` for tests: an executable written into a temporary folder put first on PATH. It checks
 * the arguments conveyor gives it (`<source> -o json --file <path> -c <config>`), records them and its
 * environment's GRYPE_* settings, and then, by STANDIN_GRYPE_MODE:
 *   replay        copies STANDIN_GRYPE_REPORT (a real report from the corpus) to the --file path, exits 0
 *   error         prints a grype-like error on stderr, writes nothing, exits 1
 *   error-report  writes the report and still exits 1 (a crash after writing)
 * `grype db check` answers "no update" (exit 0; STANDIN_GRYPE_DB=update: exit 100) and `grype db update`
 * exits 0, as the real grype does with a current database.
 * A wrong command line makes it exit 64 with the reason, so the test fails loudly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SCRIPT = String.raw`
const fs = require('node:fs');
const args = process.argv.slice(2);
const log = process.env.STANDIN_GRYPE_LOG;
const grypeEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('GRYPE_')));
if (log && args[0] !== 'db') fs.appendFileSync(log, JSON.stringify({ args, env: grypeEnv }) + '\n');
if (args[0] === 'db') {
  // conveyor checks for a database update itself before the scan: \`db check\` (exit 100: one is there), then \`db update\`
  if (log) fs.appendFileSync(log, JSON.stringify({ db: true, args, env: grypeEnv }) + '\n');
  const dbMode = process.env.STANDIN_GRYPE_DB || 'current';
  if (args[1] === 'check' && args.length === 2) {
    process.stdout.write(dbMode === 'update' ? 'Updated DB version v6.0.2 was built on 2025-01-01\n' : 'No update available\n');
    process.exit(dbMode === 'update' ? 100 : 0);
  }
  if (args[1] === 'update') process.exit(0);
  process.stderr.write('stand-in grype: unexpected db command ' + args.join(' ') + '\n');
  process.exit(64);
}
function refuse(why) { process.stderr.write('stand-in grype: ' + why + ' (got: ' + args.join(' ') + ')\n'); process.exit(64); }
const at = (flag) => { const i = args.indexOf(flag); return i === -1 ? undefined : args[i + 1]; };
if (at('-o') !== 'json') refuse('expected -o json');
const file = at('--file');
if (!file) refuse('expected --file <path>');
const config = at('-c');
if (!config || !fs.existsSync(config)) refuse('expected -c <existing config file>');
const positional = args.filter((a, i) => !a.startsWith('-') && !['-o', '--file', '-c'].includes(args[i - 1]));
if (positional.length !== 1) refuse('expected exactly one source argument');
if (process.env.STANDIN_GRYPE_SOURCE && positional[0] !== process.env.STANDIN_GRYPE_SOURCE) refuse('expected source ' + process.env.STANDIN_GRYPE_SOURCE);
const mode = process.env.STANDIN_GRYPE_MODE || 'replay';
process.stderr.write(' ✔ Vulnerability DB                [no update available]\n');
if (mode === 'error') {
  process.stderr.write('1 error occurred:\n\t* failed to catalog: unable to load image: unable to use OciRegistry source: GET https://registry.example/v2/app/manifests/sha256:0: UNAUTHORIZED\n');
  process.exit(1);
}
fs.copyFileSync(process.env.STANDIN_GRYPE_REPORT, file);
process.exit(mode === 'error-report' ? 1 : 0);
`;

/** Writes the stand-in as `<dir>/grype` and returns the folder (to put first on PATH). */
export function writeStandInGrype(dir: string): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const file = path.join(bin, 'grype');
  fs.writeFileSync(file, `#!${process.execPath}\n${SCRIPT}`);
  fs.chmodSync(file, 0o755);
  return bin;
}

/** The scans the stand-in recorded (its `db check` / `db update` calls are in `standInDbCalls`). */
export function standInCalls(log: string): { args: string[]; env: Record<string, string> }[] {
  return allCalls(log).filter((c) => !c.db);
}

/** The `grype db …` calls conveyor made before the scan. */
export function standInDbCalls(log: string): { args: string[]; env: Record<string, string> }[] {
  return allCalls(log).filter((c) => c.db);
}

function allCalls(log: string): { db?: boolean; args: string[]; env: Record<string, string> }[] {
  if (!fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
