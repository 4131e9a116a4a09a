/**
 * readLog over a synthetic 20,000-commit repository, against the floor: plain `git log` writing the
 * same fields to /dev/null. Memory: peak RSS and sampled peak heap of a child process reading 2,000 and
 * 20,000 commits, with readLog and with the buffer-everything approach (read all output, then split).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readLog } from '../packages/git/src/index.ts';
import { fastImportHistory, isolateGit } from '../packages/git/src/testing/repo.ts';

const COUNT = 20_000;
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function floor(repo: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const out = fs.openSync('/dev/null', 'w');
    const child = spawn('git', ['log', '--format=%H%x00%B'], { cwd: repo, stdio: ['ignore', out, 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git log exited ${code}`))));
    fs.closeSync(out);
  });
  return performance.now() - started;
}

async function viaReadLog(repo: string): Promise<number> {
  const started = performance.now();
  let n = 0;
  for await (const _ of readLog(repo)) n++;
  if (n !== COUNT) throw new Error(`readLog returned ${n} commits, expected ${COUNT}`);
  return performance.now() - started;
}

/** Child mode: read `limit` commits one way; print peak RSS and the largest live heap + buffers above the start (MiB). */
async function measure(repo: string, how: string, limit: number): Promise<void> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  globalThis.gc?.();
  const baseline = used();
  let peakHeap = 0;
  // Collect garbage before each sample, so the figure is what the reader keeps alive, not what it has yet to free.
  const sample = () => {
    globalThis.gc?.();
    peakHeap = Math.max(peakHeap, used() - baseline);
  };
  let n = 0;
  if (how === 'readLog') {
    for await (const c of readLog(repo, { maxCount: limit })) {
      if (c.sha.length !== 40) throw new Error('bad commit');
      if (++n % 1000 === 0) sample();
    }
  } else {
    // The incumbent approach: capture the whole output, then split it.
    const out = spawnSync('git', ['log', '-z', `--max-count=${limit}`, '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%B'], { cwd: repo, maxBuffer: 1 << 30 });
    sample();
    const records = out.stdout.toString('utf8').split('\0').filter(Boolean);
    sample();
    n = records.length;
  }
  sample();
  if (n !== limit) throw new Error(`read ${n} commits, expected ${limit}`);
  console.log(JSON.stringify({ rssMiB: process.resourceUsage().maxRSS / 1024, heapMiB: peakHeap / 2 ** 20 }));
}

async function childMeasure(repo: string, how: string, limit: number): Promise<{ rssMiB: number; heapMiB: number }> {
  const result = spawnSync(process.execPath, ['--expose-gc', import.meta.filename, '--measure', repo, how, String(limit)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`measure failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as { rssMiB: number; heapMiB: number };
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-bench-git-'));
  const restore = isolateGit(path.join(root, 'home'));
  try {
    const repo = path.join(root, 'repo');
    const built = performance.now();
    fastImportHistory(repo, COUNT, { bodyLines: 12 });
    const outputBytes = spawnSync('git', ['log', '--format=%H%x00%B'], { cwd: repo, maxBuffer: 1 << 30 }).stdout.length;
    console.log(`repository: ${COUNT} commits, ${(outputBytes / 2 ** 20).toFixed(1)} MiB of log output, built with git fast-import in ${((performance.now() - built) / 1000).toFixed(1)} s`);

    await viaReadLog(repo); // warm-up (page cache, JIT)
    const floors: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      floors.push(await floor(repo));
      reads.push(await viaReadLog(repo));
    }
    const f = median(floors);
    const r = median(reads);
    console.log(`git log > /dev/null (floor): ${f.toFixed(0)} ms   readLog: ${r.toFixed(0)} ms   ratio ${(r / f).toFixed(2)}x   (median of ${RUNS})`);
    console.log(`readLog throughput: ${Math.round(COUNT / (r / 1000)).toLocaleString('en-US')} commits/s`);

    for (const how of ['readLog', 'buffer-all']) {
      const small = await childMeasure(repo, how, COUNT / 10);
      const large = await childMeasure(repo, how, COUNT);
      console.log(`${how.padEnd(10)} peak RSS ${small.rssMiB.toFixed(0)} MiB at ${COUNT / 10} commits, ${large.rssMiB.toFixed(0)} MiB at ${COUNT} (x${(large.rssMiB / small.rssMiB).toFixed(2)});`
        + ` live heap+buffers above start ${small.heapMiB.toFixed(1)} -> ${large.heapMiB.toFixed(1)} MiB (x${(large.heapMiB / small.heapMiB).toFixed(2)})`);
    }
  } finally {
    restore();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--measure') await measure(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
else await main();
