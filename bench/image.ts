/**
 * build-image, measured in one run:
 *   - the whole action (its bundle through the runner contract: inputs, tag computation, two-platform buildah
 *     build, manifest list, push of 5 tags, registry check of every tag, platform sizes) against the same
 *     buildah commands run from a shell script with no checks (the floor), on a real docker-registry;
 *   - tag computation alone: 2,000 events through computeMetadata against a hand-written floor that
 *     only parses the semver and concatenates the same tags.
 * Wall time is the median of a few runs. Needs buildah and docker-registry (skips with one line otherwise).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as semver from 'semver';
import { bundle, listBundles } from '../scripts/build.ts';
import { metadataContext } from '../packages/image/src/context.ts';
import { computeMetadata } from '../packages/image/src/meta.ts';
import { pushEvent } from '../packages/image/src/__fixtures__/events.ts';
import { hasBinary, startRegistry } from '../test/support/registry.ts';
import { cleanupTempDirs } from '../test/support/tmp.ts';

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-bench-image-'));
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// tag computation
const TAGS = ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=semver,pattern={{major}}', 'type=ref,event=branch', 'type=sha'];
const contexts = Array.from({ length: 2000 }, (_, i) => metadataContext(pushEvent(`refs/tags/v${i % 7}.${i % 13}.${i}`), { now: new Date('2020-01-10T00:30:00Z') }));
const ours: number[] = [];
const floor: number[] = [];
let check = 0;
for (let r = 0; r < RUNS; r++) {
  ours.push(time(() => {
    for (const ctx of contexts) check += computeMetadata({ images: ['org/app'], tags: TAGS, flavor: [], labels: [], annotations: [] }, ctx).tags.length;
  }));
  floor.push(time(() => {
    for (const ctx of contexts) {
      const v = semver.parse(ctx.ref.slice('refs/tags/'.length))!;
      const tags = [v.version, `${v.major}.${v.minor}`, String(v.major), `sha-${ctx.sha.slice(0, 7)}`, 'latest'].map((t) => `org/app:${t}`);
      check += tags.length;
    }
  }));
}
console.log(`tag computation, 2,000 tag pushes x 5 rules: ours ${median(ours).toFixed(0)} ms, floor ${median(floor).toFixed(1)} ms, ratio ${(median(ours) / median(floor)).toFixed(0)}x (${(median(ours) / 2000).toFixed(2)} ms per event; ${check} tags)`);

// the whole action against the bare buildah commands
if (!hasBinary('buildah') || !hasBinary('docker-registry')) {
  console.log('buildah or docker-registry not installed: skipping the build benchmark');
} else {
  await bundle(listBundles().find((b) => b.name === 'build-image')!);
  const registry = await startRegistry();
  try {
    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'hello.txt'), 'hello\n');
    fs.writeFileSync(path.join(app, 'Containerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
    const storage = ['--storage-driver', 'vfs', '--root', path.join(work, 'storage'), '--runroot', path.join(work, 'run')];
    const tags = ['1.2.3', '1.2', '1', 'sha-6113728', 'latest'];
    const actionTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const repo = `bench/action${r}`;
      const out = path.join(work, `out-${r}`);
      fs.writeFileSync(out, '');
      actionTimes.push(time(() => {
        const res = spawnSync(process.execPath, [path.join(root, 'actions/build-image/dist/index.js')], {
          env: {
            PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: out, RUNNER_TEMP: work, GITHUB_WORKSPACE: work,
            GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', GITHUB_REPOSITORY: 'o/r',
            INPUT_IMAGES: `${registry.host}/${repo}`, INPUT_TAGS: TAGS.filter((t) => !t.includes('branch')).join('\n'), INPUT_CONTEXT: 'app',
            INPUT_PLATFORMS: 'linux/amd64,linux/arm64', INPUT_PUSH: 'true', 'INPUT_BUILDAH-OPTIONS': storage.join(' '),
          },
          encoding: 'utf8',
        });
        if (res.status !== 0) throw new Error(`the action failed:\n${res.stdout}\n${res.stderr}`);
      }));
      const script = [
        'set -e',
        `B="buildah ${storage.join(' ')}"`,
        `cd ${app}`,
        `$B build --format oci --platform linux/amd64 -t localhost/floor${r}-0 . >/dev/null`,
        `$B build --format oci --platform linux/arm64 -t localhost/floor${r}-1 . >/dev/null`,
        `$B manifest create localhost/floor${r}-list >/dev/null`,
        `$B manifest add localhost/floor${r}-list localhost/floor${r}-0 >/dev/null`,
        `$B manifest add localhost/floor${r}-list localhost/floor${r}-1 >/dev/null`,
        ...tags.map((t) => `$B manifest push --all --tls-verify=false -q localhost/floor${r}-list docker://${registry.host}/bench/floor${r}:${t} >/dev/null 2>&1`),
      ].join('\n');
      floorTimes.push(time(() => {
        const res = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
        if (res.status !== 0) throw new Error(`the floor script failed:\n${res.stderr}`);
      }));
    }
    const a = median(actionTimes);
    const f = median(floorTimes);
    console.log(`two-platform build + push of 5 tags: action ${(a / 1000).toFixed(2)} s (with the registry check of every tag), bare buildah script ${(f / 1000).toFixed(2)} s, ratio ${(a / f).toFixed(2)}x`);
  } finally {
    await registry.stop();
    cleanupTempDirs();
  }
}
fs.rmSync(work, { recursive: true, force: true });
