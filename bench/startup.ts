/**
 * Cold start of every action bundle as committed (actions/<name>/dist/index.js), run as the runner runs it
 * (`node <path>`) with inputs that stop it at its input check (a missing required input, or a value the
 * check refuses), paired with bare `node -e 0` in one run: the two alternate, so both see the same machine.
 * Also the CLI: `conveyor --help` (no command module loaded) and `conveyor <command>` with a refused flag (the
 * command's module and its dependencies loaded, nothing run). Prints medians and the ratio to bare node
 * (goal: each action at most 1.5×). `--rounds N` sets the number of pairs (default 21).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--rounds');
const ROUNDS = at > 0 ? Number(process.argv[at + 1]) : 21;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Case {
  label: string;
  script: string;
  args?: string[];
  inputs: Record<string, string>;
  /** What the run must print: proof it stopped at the check meant, not somewhere else. */
  expect: RegExp;
}

const action = (name: string, inputs: Record<string, string>, expect: RegExp): Case => ({ label: `action ${name}`, script: `actions/${name}/dist/index.js`, inputs, expect });
const cli = (args: string[], expect: RegExp): Case => ({ label: `conveyor ${args.join(' ')}`, script: 'dist/cli.js', args, inputs: {}, expect });

const cases: Case[] = [
  action('build-image', { PUSH: 'maybe' }, /push/),
  action('promote', {}, /Input required and not supplied: (environment|image)/),
  action('release', { 'DRY-RUN': 'maybe' }, /dry-run/),
  action('scan-image', { 'ONLY-FIXED': 'maybe' }, /only-fixed/),
  action('sops-decrypt', {}, /Input required and not supplied: files/),
  action('terraform', {}, /Input required and not supplied: command/),
  action('tflint', { RECURSIVE: 'maybe' }, /recursive/),
  cli(['--help'], /Usage: conveyor/),
  cli(['release', '--no-such-flag'], /no-such-flag/),
  cli(['sops', 'decrypt', '--no-such-flag'], /no-such-flag/),
  cli(['scan', '--no-such-flag'], /no-such-flag/),
  cli(['terraform', 'plan', '--no-such-flag'], /no-such-flag/),
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-bench-startup-'));
try {
  const envOf = (c: Case): NodeJS.ProcessEnv => {
    const files = Object.fromEntries(['OUTPUT', 'ENV', 'STATE', 'STEP_SUMMARY'].map((k) => [`GITHUB_${k}`, path.join(work, k.toLowerCase())]));
    for (const f of Object.values(files)) fs.writeFileSync(f, '');
    return {
      PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: work, GITHUB_WORKSPACE: work, ...files,
      ...Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [`INPUT_${k}`, v])),
    };
  };
  const runCase = (c: Case) => {
    const env = envOf(c);
    const started = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, c.script), ...(c.args ?? [])], { cwd: work, env, encoding: 'utf8' });
    const ms = performance.now() - started;
    const said = `${r.stdout}${r.stderr}`;
    if (!c.expect.test(said)) throw new Error(`${c.label} did not stop where expected (${c.expect}):\n${said.slice(-1500)}`);
    return ms;
  };
  const bare = () => {
    const started = performance.now();
    const r = spawnSync(process.execPath, ['-e', '0'], { cwd: work });
    if (r.status !== 0) throw new Error('node -e 0 failed');
    return performance.now() - started;
  };

  for (const c of cases) runCase(c); // warm the page cache; each must stop at its check
  console.log(`cold start to the input check, paired with bare \`node -e 0\` (median of ${ROUNDS} pairs each):`);
  const ratios: number[] = [];
  for (const c of cases) {
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      floor.push(bare());
      ours.push(runCase(c));
    }
    const ratio = median(ours) / median(floor);
    if (c.label.startsWith('action')) ratios.push(ratio);
    const size = fs.readdirSync(path.dirname(path.join(root, c.script))).filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + fs.statSync(path.join(root, path.dirname(c.script), f)).size, 0);
    console.log(`  ${c.label.padEnd(34)} ${median(ours).toFixed(0).padStart(5)} ms   node -e 0 ${median(floor).toFixed(0).padStart(4)} ms   ${ratio.toFixed(2)}×` +
      `   (${path.dirname(c.script)}: ${(size / 2 ** 20).toFixed(2)} MiB of .js)`);
  }
  console.log(`actions: worst ${Math.max(...ratios).toFixed(2)}× bare node (goal ≤ 1.5×)`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
