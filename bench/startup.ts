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
  /**
   * Runs `node args…` under bash and reads the child's CPU time (user + system, from bash's `times`, which
   * takes it from getrusage) besides the wall time: on a shared machine CPU time is the steadier figure.
   */
  const outFile = path.join(work, 'out.txt');
  const timed = (args: string[], env: NodeJS.ProcessEnv) => {
    const started = performance.now();
    const r = spawnSync('bash', ['-c', `"$@" >${JSON.stringify(outFile)} 2>&1; times`, 'bash', process.execPath, ...args], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const wall = performance.now() - started;
    const children = r.stdout.trim().split('\n').pop()!.split(/\s+/).map((t) => {
      const m = /^(\d+)m([\d.]+)s$/.exec(t);
      if (!m) throw new Error(`unexpected output of bash times: ${r.stdout}`);
      return (Number(m[1]) * 60 + Number(m[2])) * 1000;
    });
    return { wall, cpu: children[0]! + children[1]!, output: fs.readFileSync(outFile, 'utf8') };
  };
  const runCase = (c: Case) => {
    const t = timed([path.join(root, c.script), ...(c.args ?? [])], envOf(c));
    if (!c.expect.test(t.output)) throw new Error(`${c.label} did not stop where expected (${c.expect}):\n${t.output.slice(-1500)}`);
    return t;
  };
  const bare = () => timed(['-e', '0'], { PATH: process.env.PATH });

  for (const c of cases) runCase(c); // warm the page cache; each must stop at its check
  // Round-robin: each round runs every case once, each right after a bare node run, so a burst of load from
  // elsewhere falls on both halves of a pair. A ratio is the median of the per-pair ratios.
  type T = ReturnType<typeof timed>;
  const ours = cases.map(() => [] as T[]);
  const floor = cases.map(() => [] as T[]);
  for (let i = 0; i < ROUNDS; i++) {
    cases.forEach((c, k) => {
      floor[k]!.push(bare());
      ours[k]!.push(runCase(c));
    });
  }
  const ratio = (k: number, of: 'wall' | 'cpu') => median(ours[k]!.map((t, i) => t[of] / floor[k]![i]![of]));
  const ms = (ts: T[], of: 'wall' | 'cpu') => median(ts.map((t) => t[of])).toFixed(0).padStart(4);
  console.log(`cold start to the input check against bare \`node -e 0\`, ${ROUNDS} pairs each (medians; ratio = median of the per-pair ratios):`);
  console.log(`  ${''.padEnd(40)}  wall: ours  node  ratio   CPU: ours  node  ratio`);
  const worst = { wall: 0, cpu: 0 };
  cases.forEach((c, k) => {
    const dir = path.join(root, path.dirname(c.script));
    const js = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
    const size = js.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    if (c.label.startsWith('action')) {
      worst.wall = Math.max(worst.wall, ratio(k, 'wall'));
      worst.cpu = Math.max(worst.cpu, ratio(k, 'cpu'));
    }
    console.log(`  ${c.label.padEnd(40)}  ${ms(ours[k]!, 'wall')}  ${ms(floor[k]!, 'wall')}  ${ratio(k, 'wall').toFixed(2)}×       ${ms(ours[k]!, 'cpu')}  ${ms(floor[k]!, 'cpu')}  ${ratio(k, 'cpu').toFixed(2)}×` +
      `   (${path.dirname(c.script)}: ${js.length} files, ${(size / 2 ** 20).toFixed(2)} MiB)`);
  });
  console.log(`actions, worst: ${worst.wall.toFixed(2)}× bare node in wall time, ${worst.cpu.toFixed(2)}× in CPU time (goal ≤ 1.5×)`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
