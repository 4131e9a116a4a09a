/**
 * terraform plan summary over a ~100 MB `show -json` document with 5,000 resource changes, built by
 * repeating the corpus's resource changes (with their planned_values and prior_state entries, as real
 * plans carry them), each widened to many attributes built from the corpus values.
 * Measured as whole processes: ours reads, checks, summarizes, fingerprints (`analyzePlanText`, one
 * resource change at a time) and renders the comment, the job summary and the full text; the floor only
 * `JSON.parse`s the same file. The full text is written to a file as the action writes it. Wall time (median of 3) and
 * peak RSS of each, and the ratios; goals: time within 3× of the floor, peak RSS under 3× the file size.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { corpusPath } from '../test/support/corpus.ts';

const CHANGES = 5_000;
const TARGET_BYTES = 100 * 1024 * 1024;
const RUNS = 3;
const root = path.resolve(import.meta.dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(args: string[]): { ms: number; rssKiB: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: root });
  const ms = performance.now() - started;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !rss) throw new Error(`node ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
  return { ms, rssKiB: Number(rss[1]), stdout: result.stdout };
}

type Obj = Record<string, unknown>;

/** Resource changes from every corpus plan, widened so 5,000 of them make about TARGET_BYTES. */
function buildPlan(dir: string, file: string): void {
  const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.plan.json'))
    .flatMap((f) => { try { return [JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Obj]; } catch { return []; } });
  const pool = docs.flatMap((d) => (d.resource_changes as Obj[] | undefined) ?? []).filter((r) => (r.mode ?? 'managed') === 'managed');
  const words = [...new Set(JSON.stringify(docs).match(/"[\w.-]{3,40}"/g) ?? [])].map((w) => JSON.parse(w) as string);
  // Each change appears about 4 times in the document (before, after, planned_values, prior_state).
  const perValue = Math.floor((TARGET_BYTES / CHANGES / 4) * 1.24);
  const wide = (seed: number): Obj => {
    const out: Obj = {};
    let size = 0;
    for (let k = 0; size < perValue; k += 1) {
      const value = `${words[(seed + k * 7) % words.length]}-${words[(seed * 3 + k) % words.length]}-${k}`;
      out[`attr_${String(k).padStart(4, '0')}`] = value; // sorted keys, as terraform writes them
      size += value.length + 14;
    }
    return out;
  };
  const changes: Obj[] = [];
  const planned: Obj[] = [];
  const prior: Obj[] = [];
  for (let i = 0; i < CHANGES; i += 1) {
    const base = structuredClone(pool[i % pool.length]!) as Obj & { change: Obj };
    const address = `${String(base.type)}.bench_${i}`;
    const kind = i % 10;
    const before = kind < 3 ? null : { ...wide(i), id: `id-${i}` };
    const after = kind === 9 ? null : { ...(before ?? wide(i)), attr_0001: `changed-${i}` };
    const actions = kind < 3 ? ['create'] : kind < 7 ? ['update'] : kind === 7 ? ['delete', 'create'] : kind === 8 ? ['create', 'delete'] : ['delete'];
    const sensitive = kind % 2 === 0 ? { attr_0002: true } : {};
    changes.push({ ...base, address, name: `bench_${i}`, index: undefined, module_address: undefined,
      change: { ...base.change, actions, before, after, before_sensitive: before ? sensitive : false, after_sensitive: after ? sensitive : false, after_unknown: kind < 3 ? { id: true } : {} } });
    if (after) planned.push({ address, mode: 'managed', type: base.type, name: `bench_${i}`, values: after, sensitive_values: sensitive });
    if (before) prior.push({ address, mode: 'managed', type: base.type, name: `bench_${i}`, values: before, sensitive_values: sensitive });
  }
  const newest = docs.find((d) => d.format_version === '1.2') ?? docs[0]!;
  fs.writeFileSync(file, JSON.stringify({
    format_version: newest.format_version, terraform_version: newest.terraform_version,
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    prior_state: { format_version: '1.0', values: { root_module: { resources: prior } } },
    configuration: newest.configuration, timestamp: '2026-01-01T00:00:00Z',
  }));
}

const dir = corpusPath('terraform', 'terraform-json');
if (!dir) {
  console.log('bench/terraform: the terraform corpus is absent; nothing measured.');
  process.exit(0);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-bench-tf-'));
try {
  const file = path.join(work, 'big.plan.json');
  buildPlan(dir, file);
  const bytes = fs.statSync(file).size;
  // The package bundled as the actions ship it (one ESM file), not loaded from TypeScript sources.
  const src = path.join(work, 'terraform.mjs');
  await build({
    absWorkingDir: root, entryPoints: ['packages/terraform/src/index.ts'], outfile: src, bundle: true, platform: 'node', format: 'esm', target: 'node24',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }, logLevel: 'warning',
  });
  const ours = `
    import * as fs from 'node:fs';
    const t = await import(${JSON.stringify(src)});
    const { summary, fingerprint, digests } = t.analyzePlanText(fs.readFileSync(process.argv[1], 'utf8'), process.argv[1]);
    const verdict = t.evaluateDestroyPolicy(summary, { allowDestroy: false, allowedPatterns: [] });
    const ctx = { stack: 'bench', workspace: 'default', fingerprint, digests, verdict };
    const comment = t.renderPlanComment(summary, ctx);
    const jobSummary = t.renderPlanMarkdown(summary, ctx, { limit: 900000, maxAttributes: 200, marker: false });
    const fd = fs.openSync(process.argv[2], 'w');
    let text = 0;
    t.writePlanText(summary, (chunk) => { text += chunk.length; fs.writeSync(fd, chunk); });
    fs.closeSync(fd);
    console.log(JSON.stringify({ resources: summary.resources.length, counts: summary.counts, comment: comment.length, summary: jobSummary.length, text }));`;
  const floor = `import * as fs from 'node:fs'; const d = JSON.parse(fs.readFileSync(process.argv[1], 'utf8')); console.log(d.resource_changes.length);`;
  const runs = { ours: [] as { ms: number; rssKiB: number }[], floor: [] as { ms: number; rssKiB: number }[] };
  let shape = '';
  for (let i = 0; i < RUNS; i += 1) {
    const o = measure(['--input-type=module', '-e', ours, file, path.join(work, 'plan.txt')]);
    shape = o.stdout.trim();
    runs.ours.push(o);
    runs.floor.push(measure(['--input-type=module', '-e', floor, file]));
  }
  const ms = { ours: median(runs.ours.map((r) => r.ms)), floor: median(runs.floor.map((r) => r.ms)) };
  const rss = { ours: median(runs.ours.map((r) => r.rssKiB)) * 1024, floor: median(runs.floor.map((r) => r.rssKiB)) * 1024 };
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(`plan document: ${mb(bytes)}, ${CHANGES} resource changes; our process printed ${shape}`);
  console.log(`time      ours ${ms.ours.toFixed(0)} ms   JSON.parse only ${ms.floor.toFixed(0)} ms   ratio ${(ms.ours / ms.floor).toFixed(2)}× (goal ≤ 3×)`);
  console.log(`peak RSS  ours ${mb(rss.ours)}   JSON.parse only ${mb(rss.floor)}   ratio ${(rss.ours / rss.floor).toFixed(2)}×; ours / file size ${(rss.ours / bytes).toFixed(2)}× (goal < 3×)`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
