/**
 * scan report over a 20,000-match grype report (real corpus matches repeated, package names numbered so
 * every match is its own SARIF rule), as a whole process: the CLI bundle reads the report, applies a policy
 * (cutoff, an ignore rule, only-fixed off), writes SARIF and the verdict, and prints the job summary.
 * Floor: `jq` counting the same report by severity. Wall time (median of 5) and peak RSS of each process.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusPath } from '../test/support/corpus.ts';
import { bundle } from '../scripts/build.ts';

const COUNT = 20_000;
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs a command under /usr/bin/time -v: wall milliseconds and peak RSS in KiB. */
function measure(command: string, args: string[]): { ms: number; rssKiB: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (!rss) throw new Error(`/usr/bin/time gave no peak RSS for ${command}:\n${result.stderr.slice(-2000)}`);
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} exited ${result.status}:\n${result.stderr.slice(-2000)}`);
  return { ms, rssKiB: Number(rss[1]), stdout: result.stdout };
}

function buildReport(dir: string, file: string): void {
  const sources = ['check_all_fields.json', 'fix_available.json', 'fix_not_available.json', 'issue_9618.json', 'many_vulns_with_epss_values.json'];
  const reports = sources.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const pool = reports.flatMap((r) => r.matches as { artifact: { name: string } }[]);
  const matches = Array.from({ length: COUNT }, (_, i) => {
    const m = structuredClone(pool[i % pool.length]!);
    m.artifact.name = `${m.artifact.name}-${Math.floor(i / pool.length)}`;
    return m;
  });
  const base = reports[3];
  fs.writeFileSync(file, JSON.stringify({ ...base, matches }));
}

const corpus = corpusPath('grype', 'defectdojo');
if (!corpus) {
  console.log('bench/scan: the grype corpus is absent; nothing measured.');
  process.exit(0);
}
if (spawnSync('jq', ['--version']).status !== 0) {
  console.error('bench/scan: jq is not installed (apt-get install -y jq); it is the floor this benchmark compares with.');
  process.exit(1);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scan-'));
// The CLI bundle, built fresh into the temporary folder (the committed dist/ is left alone).
const cli = path.join(work, 'cli.js');
await bundle({ name: 'cli', entry: 'packages/cli/src/main.ts', outfile: cli });
try {
  const report = path.join(work, 'grype.json');
  buildReport(corpus, report);
  const ours = ['scan', 'report', report, '--severity-cutoff', 'high', '--output-dir', path.join(work, 'out'), '--no-fail-build',
    '--ignore', '- vulnerability: CVE-2023-44981\n  reason: bench\n  until: 2099-01-01'];
  const jqProgram = '[.matches[] | (.vulnerability.severity // "Unknown") | ascii_downcase] | group_by(.) | map({key: .[0], value: length}) | from_entries';
  // Check both agree before timing anything.
  const counted = JSON.parse(measure('jq', ['-c', jqProgram, report]).stdout) as Record<string, number>;
  measure(process.execPath, [cli, ...ours]);
  const verdict = JSON.parse(fs.readFileSync(path.join(work, 'out', 'verdict.json'), 'utf8')) as { counts: Record<string, number>; ignored: unknown[] };
  const oursTotal = Object.values(verdict.counts).reduce((a, b) => a + b, 0) + verdict.ignored.length;
  const jqTotal = Object.values(counted).reduce((a, b) => a + b, 0);
  if (oursTotal !== COUNT || jqTotal !== COUNT) throw new Error(`counts disagree: conveyor ${oursTotal}, jq ${jqTotal}, expected ${COUNT}`);
  const sarifResults = (JSON.parse(fs.readFileSync(path.join(work, 'out', 'results.sarif'), 'utf8')) as { runs: { results: unknown[] }[] }).runs[0]!.results.length;

  const a: { ms: number; rssKiB: number }[] = [];
  const b: { ms: number; rssKiB: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(measure('jq', ['-c', jqProgram, report]));
    a.push(measure(process.execPath, [cli, ...ours]));
  }
  const size = fs.statSync(report).size;
  const oursMs = median(a.map((x) => x.ms));
  const jqMs = median(b.map((x) => x.ms));
  const oursRss = Math.max(...a.map((x) => x.rssKiB));
  const jqRss = Math.max(...b.map((x) => x.rssKiB));
  console.log(`report: ${COUNT} matches, ${(size / 1024 / 1024).toFixed(1)} MiB; SARIF results written: ${sarifResults}`);
  console.log(`conveyor scan report (policy + SARIF + verdict + summary, whole process): ${oursMs.toFixed(0)} ms, peak RSS ${(oursRss / 1024).toFixed(0)} MiB`);
  console.log(`jq count by severity (floor):                                            ${jqMs.toFixed(0)} ms, peak RSS ${(jqRss / 1024).toFixed(0)} MiB`);
  console.log(`ratio time: ${(oursMs / jqMs).toFixed(2)}× the floor (goal ≤ 3×); ratio memory: ${(oursRss / jqRss).toFixed(2)}×`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
