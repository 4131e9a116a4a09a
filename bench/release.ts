/**
 * `conveyor release --dry-run` as a whole process, on synthetic histories built with git fast-import:
 *   - 2,000 commits with 5,000 tags, against the floor (bare `node -e 0` + `git for-each-ref` of the tags +
 *     `git log --format=%H%x00%B` of the range since the last release, each measured in the same run) and semantic-release
 *     --dry-run with only commit-analyzer and release-notes-generator (the incumbent);
 *   - 100,000 commits with 5,000 tags, against the floor;
 *   - 100,000 commits and no release tag yet (every commit is read and classified, the notes list every one),
 *     against the floor and against `git log` of the whole history alone.
 * Wall time (measured around the whole process) is the median of a few runs, the floor's parts and conveyor
 * measured in alternation; memory is the peak RSS from
 * /usr/bin/time. The bundles are the ones scripts/build.ts makes (the CLI and the release action, each an
 * entry file with its chunks).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundle, listBundles } from '../scripts/build.ts';
import { writeCliLauncher } from '../packages/cli/src/setup-action.ts';
import { importHistory, type ImportCommit } from '../test/release/fast-import.ts';

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-bench-release-'));
const RUNS = 5;

const TYPES = ['feat', 'fix', 'fix', 'docs', 'chore', 'refactor', 'test', 'perf', 'ci', 'fix'];
const SCOPES = ['api', 'cli', 'core', 'parser', undefined];

/** A synthetic history: Conventional Commits with bodies, a release tag every `every` commits, other packages' tags too. */
function* history(count: number, releaseTags: number, otherTags: number, lastUntagged: number): Generator<ImportCommit> {
  const tagged = count - lastUntagged;
  const every = releaseTags > 0 ? Math.max(1, Math.floor(tagged / releaseTags)) : 0;
  const otherEvery = otherTags > 0 ? Math.max(1, Math.floor(count / otherTags)) : 0;
  let major = 1;
  let minor = 0;
  let patch = 0;
  let made = 0;
  let others = 0;
  for (let i = 0; i < count; i++) {
    const type = TYPES[i % TYPES.length]!;
    const scope = SCOPES[i % SCOPES.length];
    const breaking = i % 997 === 0 && i > 0;
    const message = `${type}${scope ? `(${scope})` : ''}${breaking ? '!' : ''}: change number ${i} (#${i + 1})\n\n` +
      `This change touches the ${scope ?? 'whole'} area and explains why in a couple of lines,\nas real commit bodies do.\n` +
      (i % 50 === 0 ? `\nCloses #${i}\n` : '') + (breaking ? '\nBREAKING CHANGE: the old behaviour is gone.\n' : '');
    const tags: string[] = [];
    if (every > 0 && i < tagged && (i + 1) % every === 0 && made < releaseTags) {
      if (breaking) { major += 1; minor = 0; patch = 0; } else if (i % 3 === 0) { minor += 1; patch = 0; } else patch += 1;
      tags.push(`v${major}.${minor}.${patch}`);
      made += 1;
    }
    if (otherEvery > 0 && i % otherEvery === 0 && others < otherTags) {
      tags.push(`web-v1.${others}.0`, ...(others % 10 === 0 ? [`build-${others}`] : []));
      others += 1;
    }
    yield { id: String(i), parents: i === 0 ? [] : [String(i - 1)], message, date: 1_600_000_000 + i * 60, tags, annotated: i % 2 === 0 };
  }
}

interface Measure { seconds: number; rssMb: number; stdout: string }

function once(label: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Measure {
  const timeFile = path.join(work, 'time.txt');
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${label} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const kb = Number(fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).pop());
  return { seconds, rssMb: kb / 1024, stdout: r.stdout };
}

const middle = (results: Measure[]) => [...results].sort((a, b) => a.seconds - b.seconds)[Math.floor(results.length / 2)]!;

function measure(label: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Measure {
  const results: Measure[] = [];
  for (let i = 0; i < RUNS; i++) results.push(once(label, command, args, cwd, env));
  return middle(results);
}

type Run = [label: string, command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv];

/** Several commands measured in alternation (round by round), so a burst of load from elsewhere falls on all of them. */
function measureTogether(runs: Run[]): Measure[] {
  const results = runs.map(() => [] as Measure[]);
  for (let i = 0; i < RUNS; i++) runs.forEach((run, k) => results[k]!.push(once(...run)));
  return results.map(middle);
}

const fmt = (m: Measure) => `${m.seconds.toFixed(3)} s, ${m.rssMb.toFixed(0)} MB`;

async function main(): Promise<void> {
  const cli = path.join(work, 'cli.js');
  await bundle({ ...listBundles().find((b) => b.name === 'cli')!, outfile: path.relative(root, cli) });
  await bundle(listBundles().find((b) => b.name === 'release')!);
  const action = path.join(root, 'actions', 'release', 'dist', 'index.js');
  const node = process.execPath;
  const conveyor = (dir: string) => measure('conveyor release', node, [cli, 'release', '--dry-run', '--json'], dir, { PATH: process.env.PATH, HOME: process.env.HOME });
  // The `conveyor` launcher the root action puts on PATH: it keeps V8's compile cache, so every call after a
  // job's first skips compiling the bundle. Warmed by one call before measuring.
  const launcher = writeCliLauncher(work, path.join(work, 'runner-temp'), node);
  const viaLauncher = (dir: string) => {
    spawnSync(launcher, ['release', '--dry-run', '--json'], { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    return measure('conveyor release (launcher)', launcher, ['release', '--dry-run', '--json'], dir, { PATH: process.env.PATH, HOME: process.env.HOME });
  };
  const actionRun = (dir: string) => measure('release action', node, [action], dir, { PATH: process.env.PATH, HOME: process.env.HOME, 'INPUT_DRY-RUN': 'true', GITHUB_WORKSPACE: dir });
  const startup = measure('conveyor --help', node, [cli, '--help'], root);
  const nodeAlone = measure('node -e 0', node, ['-e', '0'], root);

  const cases = [
    { name: '2,000 commits, 5,000 tags', count: 2_000, releaseTags: 1_000, otherTags: 4_000, lastUntagged: 40 },
    { name: '100,000 commits, 5,000 tags', count: 100_000, releaseTags: 5_000, otherTags: 0, lastUntagged: 40 },
    { name: '100,000 commits, no release tag (whole history read)', count: 100_000, releaseTags: 0, otherTags: 0, lastUntagged: 0 },
  ];
  const rows: string[] = [];
  let small = '';
  for (const c of cases) {
    const dir = path.join(work, `repo-${c.count}-${c.releaseTags}`);
    await importHistory(dir, history(c.count, c.releaseTags, c.otherTags, c.lastUntagged));
    const first = conveyor(dir);
    const out = JSON.parse(first.stdout.trim().split('\n').pop()!) as Record<string, string>;
    // The floor of the same work: start Node, list the tags, read the commits of the range as text.
    const since = out['previous-version'] ? `v${out['previous-version']}..HEAD` : 'HEAD';
    const plain = { PATH: process.env.PATH, HOME: process.env.HOME };
    const [ours, bareNode, tags, log] = measureTogether([
      ['conveyor release', node, [cli, 'release', '--dry-run', '--json'], dir, plain],
      ['node -e 0', node, ['-e', '0'], dir],
      ['git for-each-ref', 'git', ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(*objectname)', 'refs/tags'], dir],
      ['git log', 'git', ['log', '--format=%H%x00%B', since], dir],
    ]) as [Measure, Measure, Measure, Measure];
    const floorSeconds = bareNode.seconds + tags.seconds + log.seconds;
    rows.push(`${c.name}: conveyor ${fmt(ours)} (→ ${out.version}, from ${out['previous-version'] || 'nothing'}); ` +
      `floor ${(floorSeconds * 1000).toFixed(0)} ms = node -e 0 ${(bareNode.seconds * 1000).toFixed(0)} + for-each-ref ${(tags.seconds * 1000).toFixed(0)} + git log ${since} ${(log.seconds * 1000).toFixed(0)} (${log.rssMb.toFixed(0)} MB); ` +
      `ratio to floor ${(ours.seconds / floorSeconds).toFixed(2)}×, to git log alone ${(ours.seconds / log.seconds).toFixed(2)}×`);
    if (c.count === 2_000) small = dir;
  }

  // The incumbent on the 2,000-commit repository, offline: a local bare repository is its remote.
  let incumbent: string;
  try {
    const bare = path.join(work, 'remote.git');
    spawnSync('git', ['clone', '--quiet', '--bare', small, bare]);
    spawnSync('git', ['remote', 'add', 'origin', bare], { cwd: small });
    spawnSync('git', ['fetch', '--quiet', 'origin'], { cwd: small });
    spawnSync('git', ['branch', '--quiet', '--set-upstream-to=origin/main', 'main'], { cwd: small });
    const sr = path.join(root, 'node_modules', 'semantic-release', 'bin', 'semantic-release.js');
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', GITHUB_ACTIONS: '', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.invalid' };
    const theirs = measure('semantic-release', node, [sr, '--dry-run', '--no-ci', '--branches', 'main', '--repository-url', `file://${bare}`,
      '--plugins', '@semantic-release/commit-analyzer,@semantic-release/release-notes-generator'], small, env);
    const said = /next release version is (\S+)/.exec(theirs.stdout)?.[1] ?? '(version not found in its output)';
    const ours = conveyor(small);
    const ourVersion = (JSON.parse(ours.stdout.trim().split('\n').pop()!) as Record<string, string>).version;
    const launched = viaLauncher(small);
    const bundled = actionRun(small);
    incumbent = `semantic-release --dry-run on 2,000 commits: ${fmt(theirs)} (→ ${said})\n` +
      `  conveyor release (CLI): ${fmt(ours)} (→ ${ourVersion}): ${(theirs.seconds / ours.seconds).toFixed(1)}× faster, ${(theirs.rssMb / ours.rssMb).toFixed(1)}× less memory\n` +
      `  \`conveyor\` launcher (root action; compile cache warm): ${fmt(launched)}: ${(theirs.seconds / launched.seconds).toFixed(1)}× faster, ${(theirs.rssMb / launched.rssMb).toFixed(1)}× less memory\n` +
      `  release action bundle, dry-run: ${fmt(bundled)}: ${(theirs.seconds / bundled.seconds).toFixed(1)}× faster, ${(theirs.rssMb / bundled.rssMb).toFixed(1)}× less memory\n` +
      `  (start-up: \`conveyor --help\`, which loads no command module, takes ${fmt(startup)}; \`node -e 0\` ${fmt(nodeAlone)})`;
  } catch (error) {
    incumbent = `semantic-release could not be measured here: ${(error as Error).message.split('\n')[0]}`;
  }

  console.log(`release: conveyor release --dry-run as a whole process (median of ${RUNS} runs)`);
  for (const row of rows) console.log(`  ${row}`);
  console.log(`  ${incumbent}`);
  fs.rmSync(work, { recursive: true, force: true });
}

await main();
