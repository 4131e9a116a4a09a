/**
 * A promotion touching 500 manifest files in one GitOps repository, as a whole process (the built action
 * bundle: bare clone, registry check, read, check and edit 500 kustomizations, one commit, push), against
 * two floors making the same edits with `sed -i`: (1) `sed` + `git commit` in an existing clone, as the
 * goal states it; (2) the same edit done with plain git from nothing: `git clone` + `sed` +
 * `git commit` + `git push`. Each round runs all three one after another (so load on the machine hits
 * them alike); prints the medians and the median of the per-round ratios, with their range.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundle, type Bundle } from '../scripts/build.ts';
import { startRegistry } from '../test/support/registry.ts';
import { cleanupTempDirs, tempDir } from '../test/support/tmp.ts';
import { gitEnv, gitopsRemote, pushImage } from '../test/promote/support.ts';

const FILES = 500;
/** CONVEYOR_BENCH_PROFILE=<dir> writes a V8 CPU profile of each promotion there (node --cpu-prof). */
const profileDir = process.env['CONVEYOR_BENCH_PROFILE'];
const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : [];
/** CONVEYOR_BENCH_BASELINE=<bundle> also times another build of the promote bundle (say, from before a change) in every round. */
const baseline = process.env['CONVEYOR_BENCH_BASELINE'] ? path.resolve(process.env['CONVEYOR_BENCH_BASELINE']) : undefined;
const RUNS = 9;
const GOAL = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

const root = path.resolve(import.meta.dirname, '..');
const b: Bundle = { name: 'promote', entry: 'packages/promote/src/actions/promote.ts', outfile: 'actions/promote/dist/index.js' };
await bundle(b);
const registry = await startRegistry();
try {
  const tmp = tempDir('conveyor-bench-promote-');
  const env = gitEnv(path.join(tmp, 'home'));
  const image = `${registry.host}/acme/web`;
  const digests = [await pushImage(registry.url, 'acme/web', '1.0.0', 'web 1.0.0'), await pushImage(registry.url, 'acme/web', '1.1.0', 'web 1.1.0')];
  const manifest = (digest: string, n: number) => `# app ${n}\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\nimages:\n  - name: ${image}   # web\n    newTag: "1.0.0"\n    digest: ${digest}\n`;
  const files = Object.fromEntries(Array.from({ length: FILES }, (_, n) => [`apps/app-${String(n).padStart(3, '0')}/kustomization.yaml`, manifest(digests[0]!, n)]));
  const remote = gitopsRemote(tmp, env, files);
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'environments.yml'), `environments:\n  - name: dev\n    url: ${remote}\n    targets:\n      - {kind: kustomize, file: "apps/*/kustomization.yaml", image: ${image}}\n`);
  const runnerTemp = tempDir('conveyor-bench-runner-');

  const promotion = (digest: string, script = path.join(root, b.outfile)) => timed(() => {
    const result = spawnSync(process.execPath, [...profile, script], {
      env: { ...env, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp, 'INPUT_ENVIRONMENT': 'dev', 'INPUT_IMAGE': image, 'INPUT_DIGEST': digest, 'INPUT_ENVIRONMENTS-FILE': 'environments.yml' },
      encoding: 'utf8',
    });
    if (result.status !== 0 || !result.stdout.includes(`in ${FILES} file(s)`)) throw new Error(`promotion failed:\n${result.stdout}\n${result.stderr}`);
  });

  const clone = path.join(tmp, 'floor');
  execFileSync('git', ['clone', '-q', remote, clone], { env });
  const names = Object.keys(files);
  const sedCommit = (from: string, to: string) => {
    execFileSync('git', ['fetch', '-q', 'origin'], { cwd: clone, env });
    execFileSync('git', ['reset', '-q', '--hard', 'origin/main'], { cwd: clone, env });
    return timed(() => {
      execFileSync('sed', ['-i', `s/${from}/${to}/`, ...names], { cwd: clone, env });
      execFileSync('git', ['commit', '-q', '-am', `floor ${to}`], { cwd: clone, env });
    });
  };
  const sedFull = (from: string, to: string) => {
    const dir = fs.mkdtempSync(path.join(runnerTemp, 'floor-'));
    return timed(() => {
      execFileSync('git', ['clone', '-q', '--no-tags', '--single-branch', '--branch', 'main', remote, dir], { env });
      execFileSync('sed', ['-i', `s/${from}/${to}/`, ...names], { cwd: dir, env });
      execFileSync('git', ['commit', '-q', '-am', `floor ${to}`], { cwd: dir, env });
      execFileSync('git', ['push', '-q', 'origin', 'HEAD:main'], { cwd: dir, env });
    });
  };

  // Each round: the promotion moves all 500 files to the other digest; floor 1 makes the same edit in its
  // clone, floor 2 makes it from a fresh clone and pushes it (moving the remote back), and a baseline
  // build, when given, promotes once more. One warm-up round (file cache, git's first runs) is not counted.
  const [first, second] = digests as [string, string];
  let at = first;
  const other = () => (at === first ? second : first);
  const ours: number[] = [];
  const floor: number[] = [];
  const floorFull: number[] = [];
  const base: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const o = promotion(other());
    at = other();
    const f1 = sedCommit(at, other());
    const f2 = sedFull(at, other());
    at = other();
    const bl = baseline ? promotion(other(), baseline) : 0;
    if (baseline) at = other();
    if (run < 0) continue;
    ours.push(o);
    floor.push(f1);
    floorFull.push(f2);
    base.push(bl);
  }
  const ms = (v: number) => `${v.toFixed(0).padStart(5)} ms`;
  const ratios = (base: number[]) => {
    const r = ours.map((o, i) => o / base[i]!);
    return { median: median(r), min: Math.min(...r), max: Math.max(...r) };
  };
  const report = (name: string, base: number[]) => {
    const r = ratios(base);
    console.log(`${name.padEnd(60)}${ms(median(base))}  ratio ${r.median.toFixed(2)}x (rounds ${r.min.toFixed(2)}x to ${r.max.toFixed(2)}x): ${r.median <= GOAL ? 'within' : 'NOT within'} ${GOAL}x`);
  };
  console.log(`${RUNS} rounds after one warm-up; medians; ratio = median of the per-round ratios`);
  console.log(`${'promotion of 500 files, whole process (bundle, clone ... push)'.padEnd(60)}${ms(median(ours))}`);
  if (baseline) {
    const r = ours.map((o, i) => o / base[i]!);
    console.log(`${`baseline ${path.relative(process.cwd(), baseline)}`.padEnd(60)}${ms(median(base))}  this build takes ${median(r).toFixed(2)}x its time (rounds ${Math.min(...r).toFixed(2)}x to ${Math.max(...r).toFixed(2)}x)`);
  }
  report('floor 1: sed -i + git commit (existing clone, no push)', floor);
  report('floor 2: git clone + sed -i + git commit + git push', floorFull);
  console.log('floor 2 does the edit with plain git from nothing (clone with checkout, commit, push); neither floor checks the registry or the edits.');
} finally {
  await registry.stop();
  cleanupTempDirs();
}
