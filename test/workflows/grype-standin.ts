/**
 * The grype the workflow runs meet under act: a stand-in executable that answers `grype db check` (the
 * database is current), checks the command line scan-image gives grype (`<source> -o json --file <path> -c <config>`), asks the registry which digest the
 * source names (as grype does when it pulls the image), and writes the real captured report named by
 * CONVEYOR_TEST_GRYPE_REPORT with its source target set to that image (userInput, repoDigests,
 * manifestDigest), matches untouched. Each call is recorded in CONVEYOR_TEST_GRYPE_LOG.
 * (A real grype cannot scan here: it needs its vulnerability database, which is downloaded from the internet.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SCRIPT = String.raw`
const fs = require('node:fs');
const args = process.argv.slice(2);
function refuse(why) { process.stderr.write('stand-in grype: ' + why + ' (got: ' + args.join(' ') + ')\n'); process.exit(64); }
const at = (flag) => { const i = args.indexOf(flag); return i === -1 ? undefined : args[i + 1]; };
if (args[0] === 'version' || args[0] === '--version') { console.log('grype 0.0.0-standin'); process.exit(0); }
// scan-image asks whether the database needs an update before it scans: the stand-in's is current.
if (args[0] === 'db') {
  if (args[1] === 'check') { process.stdout.write('No update available\n'); process.exit(0); }
  refuse('unexpected db command');
}
if (at('-o') !== 'json') refuse('expected -o json');
const file = at('--file');
if (!file) refuse('expected --file <path>');
const config = at('-c');
if (!config || !fs.existsSync(config)) refuse('expected -c <existing config file>');
const positional = args.filter((a, i) => !a.startsWith('-') && !['-o', '--file', '-c'].includes(args[i - 1]));
if (positional.length !== 1) refuse('expected exactly one source argument');
const source = positional[0];
const m = /^([^/]+)\/(.+?)(?:@(sha256:[0-9a-f]{64})|:([^:@/]+))$/.exec(source);
if (!m) refuse('expected an image reference host/name:tag or host/name@digest');
const [, host, name, digest, tag] = m;
const report = process.env.CONVEYOR_TEST_GRYPE_REPORT;
if (!report) refuse('CONVEYOR_TEST_GRYPE_REPORT is not set');
(async () => {
  const res = await fetch('http://' + host + '/v2/' + name + '/manifests/' + (digest || tag), {
    method: 'HEAD', headers: { accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' },
  });
  if (res.status !== 200) {
    process.stderr.write('1 error occurred:\n\t* failed to catalog: could not fetch image "' + source + '": MANIFEST_UNKNOWN (HTTP ' + res.status + ')\n');
    process.exit(1);
  }
  const served = res.headers.get('docker-content-digest');
  const doc = JSON.parse(fs.readFileSync(report, 'utf8'));
  Object.assign(doc.source.target, { userInput: source, repoDigests: [host + '/' + name + '@' + served], manifestDigest: served, tags: tag ? [source] : [] });
  fs.writeFileSync(file, JSON.stringify(doc));
  if (process.env.CONVEYOR_TEST_GRYPE_LOG) fs.appendFileSync(process.env.CONVEYOR_TEST_GRYPE_LOG, JSON.stringify({ source, digest: served, report }) + '\n');
})().catch((e) => { process.stderr.write(String(e) + '\n'); process.exit(1); });
`;

/** Writes the stand-in as `<dir>/grype` and returns the folder (to put first on PATH). */
export function writeWorkflowGrype(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'grype');
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `#!/usr/bin/env node\n${SCRIPT}`);
    fs.chmodSync(file, 0o755);
  }
  return dir;
}

export interface GrypeCall { source: string; digest: string; report: string }

export function grypeCalls(log: string): GrypeCall[] {
  if (!fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GrypeCall);
}
