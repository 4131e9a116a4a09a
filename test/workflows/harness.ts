/**
 * The parts a workflow run under act needs, all on this machine: the GitHub API stand-in (GITHUB_API_URL),
 * a real docker-registry, bare git remotes laid out as GitHub holds them ($CONVEYOR_TEST_GIT/<owner>/<repo>.git),
 * buildah with its storage in the run's folder, and act itself with `conveyor/conveyor@v1` served from this
 * checkout and the third-party actions served from local stand-ins (test/workflows/standins) that do the same
 * job on those remotes. `runAct()` runs one event; the tests then read the state that results.
 */
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importGitRepository, startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { startRegistry, type Registry } from '../support/registry.ts';
import { tempDir } from '../support/tmp.ts';
import { findTool, repoRoot } from '../support/tools.ts';
import { writeWorkflowGrype } from './grype-standin.ts';

/** Third-party actions the workflows use, each pinned by commit, and the stand-in that serves it under act. */
export const STAND_INS: { action: string; dir: string }[] = [
  { action: 'actions/checkout', dir: 'checkout' },
  { action: 'github/codeql-action', dir: 'codeql-action' },
  { action: 'actions/upload-artifact', dir: 'upload-artifact' },
  { action: 'actions/download-artifact', dir: 'download-artifact' },
  { action: 'aws-actions/configure-aws-credentials', dir: 'configure-aws-credentials' },
  { action: 'google-github-actions/auth', dir: 'google-auth' },
];

export interface World {
  tmp: string;
  /** Environment for git commands run by the test (no machine configuration, a fixed author). */
  gitEnv: NodeJS.ProcessEnv;
  api: GitHubApi;
  registry: Registry;
  /** Where the bare remotes live: `<gitRoot>/<owner>/<repo>.git`. */
  gitRoot: string;
  act: string;
  /** The GitHub token the runs get as GITHUB_TOKEN. */
  token: string;
  /** What act serves as conveyor/conveyor@v1 (see serveConveyor). */
  conveyor: string;
  close(): Promise<void>;
}

export function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The parts, or the name of the tool that is missing. */
export async function startWorld(): Promise<World | string> {
  const act = findTool('act');
  if (!act) return 'act';
  for (const tool of ['git', 'buildah', 'docker-registry']) if (!findTool(tool)) return tool;
  const tmp = tempDir('conveyor-workflows-');
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n');
  const gitEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Ada Dev', GIT_AUTHOR_EMAIL: 'ada@example.invalid', GIT_COMMITTER_NAME: 'Ada Dev', GIT_COMMITTER_EMAIL: 'ada@example.invalid',
  };
  const [api, registry] = await Promise.all([startGitHubApi({ lifetimeMs: 30 * 60_000 }), startRegistry()]);
  const gitRoot = path.join(tmp, 'git');
  fs.mkdirSync(gitRoot);
  // github.com is the bare remotes here: a clone of https://github.com/<owner>/<repo>.git (promote's, for
  // an environment whose manifests are in the workflow's own repository) reads <gitRoot>/<owner>/<repo>.git.
  fs.appendFileSync(path.join(home, '.gitconfig'), `[url "file://${gitRoot}/"]\n\tinsteadOf = https://github.com/\n`);
  return {
    tmp, gitEnv, api, registry, gitRoot, act, token: 'ghs_workflows_token_0001', conveyor: serveConveyor(path.join(tmp, 'conveyor')),
    async close() {
      await api.close();
      await registry.stop();
    },
  };
}

/**
 * A repository as GitHub holds it: a bare remote `<gitRoot>/<owner>/<repo>.git` whose main branch has
 * `files` in one commit, known to the API stand-in. Returns the bare remote's path and a working clone.
 */
export function createRepository(world: World, fullName: string, files: Record<string, string>, message = 'first commit'): { remote: string; work: string } {
  const remote = path.join(world.gitRoot, `${fullName}.git`);
  fs.mkdirSync(path.dirname(remote), { recursive: true });
  git(world.tmp, world.gitEnv, 'init', '-q', '--bare', '-b', 'main', remote);
  const work = path.join(world.tmp, 'work', fullName);
  fs.mkdirSync(path.dirname(work), { recursive: true });
  git(world.tmp, world.gitEnv, 'clone', '-q', remote, work);
  writeFiles(work, files);
  git(work, world.gitEnv, 'add', '-A');
  git(work, world.gitEnv, 'commit', '-q', '-m', message);
  git(work, world.gitEnv, 'push', '-q', 'origin', 'HEAD:main');
  syncApi(world, fullName);
  return { remote, work };
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

/** What git holds becomes what the API stand-in answers (after a push the test made). */
export function syncApi(world: World, fullName: string): void {
  const [owner, repo] = fullName.split('/') as [string, string];
  importGitRepository(world.api.state, { owner, repo, dir: path.join(world.gitRoot, `${fullName}.git`) });
}

/**
 * Tags that a run made through the API (the release action creates its tags there) are written to the
 * bare remote, as GitHub's repository would then hold them. Annotated tags are written as tag objects
 * with the stand-in's message and tagger. Returns the refs that were new to the remote.
 */
export function syncRemote(world: World, fullName: string): string[] {
  const [owner, repo] = fullName.split('/') as [string, string];
  const remote = path.join(world.gitRoot, `${fullName}.git`);
  const known = new Map(git(remote, world.gitEnv, 'for-each-ref', '--format=%(refname) %(objectname)').split('\n').filter(Boolean).map((l) => l.split(' ') as [string, string]));
  const changed: string[] = [];
  // Tags only: the runs make their tags through the API, while branches move by git pushes to the remote
  // (promote's commits), which the stand-in may not have seen yet.
  for (const ref of world.api.state.refs.filter((r) => r.owner === owner && r.repo === repo && r.ref.startsWith('refs/tags/'))) {
    if (known.get(ref.ref) === ref.sha) continue;
    let sha = ref.sha;
    const tagObject = world.api.state.tags.find((t) => t.sha === ref.sha && t.owner === owner && t.repo === repo);
    if (tagObject) {
      const text = `object ${tagObject.object.sha}\ntype ${tagObject.object.type}\ntag ${tagObject.tag}\ntagger ${tagObject.tagger.name} <${tagObject.tagger.email}> ${Math.floor(Date.parse(tagObject.tagger.date) / 1000)} +0000\n\n${tagObject.message}`;
      sha = execFileSync('git', ['hash-object', '-t', 'tag', '-w', '--stdin'], { cwd: remote, env: world.gitEnv, input: text, encoding: 'utf8' }).trim();
      // The stand-in named the tag object by its own id; from now on it is the one git computed.
      tagObject.sha = sha;
      ref.sha = sha;
    }
    git(remote, world.gitEnv, 'update-ref', ref.ref, sha);
    changed.push(ref.ref);
  }
  return changed;
}

export interface ActRun {
  status: number;
  log: string;
  /** The jobs act reported, with `succeeded` / `failed`. */
  jobs: Record<string, 'succeeded' | 'failed'>;
}

export interface ActOptions {
  /** A working clone at the commit the event is for (act reads the workflow files there). */
  cwd: string;
  event: 'push' | 'workflow_dispatch' | 'pull_request';
  /** The event payload (ref, inputs, repository, …). */
  payload: Record<string, unknown>;
  workflow: string;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  env?: Record<string, string>;
  /** Folders put first on PATH of the jobs (stand-in executables). */
  path?: string[];
  actor?: string;
}

let runs = 0;

/** Runs one event under act, jobs on the host. Resolves with act's exit status and log (never rejects on a failed job). */
export async function runAct(world: World, options: ActOptions): Promise<ActRun> {
  const n = ++runs;
  const runDir = path.join(world.tmp, 'act', String(n));
  fs.mkdirSync(runDir, { recursive: true });
  const eventFile = path.join(runDir, 'event.json');
  fs.writeFileSync(eventFile, JSON.stringify(options.payload));
  const storageConf = containerStorage(world);
  const args = [
    options.event, '-W', options.workflow, '-e', eventFile,
    '-P', 'ubuntu-latest=-self-hosted',
    '--action-cache-path', path.join(world.tmp, 'act-cache'),
    '--local-repository', `conveyor/conveyor@v1=${world.conveyor}`,
    '--actor', options.actor ?? 'ada',
    '-s', `GITHUB_TOKEN=${world.token}`,
  ];
  for (const pin of pinnedStandIns()) args.push('--local-repository', `${pin.action}@${pin.sha}=${pin.dir}`);
  for (const [k, v] of Object.entries(options.secrets ?? {})) args.push('-s', `${k}=${v}`);
  for (const [k, v] of Object.entries(options.vars ?? {})) args.push('--var', `${k}=${v}`);
  const env: Record<string, string> = {
    GITHUB_API_URL: world.api.url,
    CONVEYOR_TEST_GIT: world.gitRoot,
    CONTAINERS_STORAGE_CONF: storageConf,
    REGISTRY_AUTH_FILE: path.join(world.tmp, 'registry-auth.json'),
    ...options.env,
  };
  for (const [k, v] of Object.entries(env)) args.push('--env', `${k}=${v}`);
  const grypeDir = writeWorkflowGrype(path.join(world.tmp, 'grype-standin'));
  const PATH = [...(options.path ?? []), grypeDir, path.join(repoRoot, 'node_modules', 'node', 'bin'), process.env.PATH].join(path.delimiter);
  const child = spawn(world.act, args, {
    cwd: options.cwd,
    env: { PATH, HOME: world.gitEnv.HOME!, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: world.gitEnv.GIT_CONFIG_GLOBAL!, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => { log += d.toString('utf8'); });
  child.stderr.on('data', (d: Buffer) => { log += d.toString('utf8'); });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60_000);
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearTimeout(timer);
  fs.writeFileSync(path.join(runDir, 'act.log'), log);
  const jobs: ActRun['jobs'] = {};
  for (const m of log.matchAll(/^\[([^\]]+)\]\s+🏁\s+Job (succeeded|failed)/gmu)) jobs[m[1]!] = m[2] as 'succeeded' | 'failed';
  return { status, log, jobs };
}

/**
 * conveyor/conveyor@v1 as act serves it: this checkout's action metadata, bundles and workflows, copied as
 * they are but for one line. act v0.2.87's workflow schema does not know a job environment's
 * `deployment: false` (GitHub's way to keep an environment's protection rules without the deployment the
 * job would record; actionlint knows it), and refuses the whole file; the copy drops that line. act records
 * no deployments of its own, so what the runs show is promote's one deployment either way.
 */
export function serveConveyor(dir: string): string {
  for (const entry of ['action.yml', 'dist', 'actions', '.github/workflows']) {
    fs.cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  }
  const workflows = path.join(dir, '.github', 'workflows');
  for (const file of fs.readdirSync(workflows)) {
    const text = fs.readFileSync(path.join(workflows, file), 'utf8');
    const patched = text.replace(/^(\s+)deployment: false\n/gm, '');
    if (patched !== text) fs.writeFileSync(path.join(workflows, file), patched);
  }
  return dir;
}

/** buildah's storage for the runs (vfs, in the world's folder): the file CONTAINERS_STORAGE_CONF names. */
export function containerStorage(world: World): string {
  const storage = path.join(world.tmp, 'containers');
  const conf = path.join(storage, 'storage.conf');
  if (!fs.existsSync(conf)) {
    fs.mkdirSync(storage, { recursive: true });
    fs.writeFileSync(conf, `[storage]\ndriver = "vfs"\ngraphroot = "${path.join(storage, 'root')}"\nrunroot = "${path.join(storage, 'run')}"\n`);
  }
  return conf;
}

/**
 * A base image a Containerfile names (`FROM node:24-alpine`) cannot be pulled here: an empty image is
 * committed under that name in the runs' buildah storage, so `buildah build` finds it without pulling (its
 * default pull policy only pulls what is missing). The image built on it is real; it just has no node in it.
 */
export function seedBaseImage(world: World, name: string): void {
  const env = { ...process.env, CONTAINERS_STORAGE_CONF: containerStorage(world) };
  const container = execFileSync('buildah', ['from', 'scratch'], { env, encoding: 'utf8' }).trim();
  execFileSync('buildah', ['commit', '-q', container, name], { env, stdio: 'ignore' });
  execFileSync('buildah', ['rm', container], { env, stdio: 'ignore' });
}

/**
 * Every file of examples/<name>, as the repository it stands for holds them; with `replace`, one text (the
 * example's image name) replaced by another everywhere, as a user puts in their own.
 */
export function exampleFiles(name: string, replace?: [string, string]): Record<string, string> {
  const root = path.join(repoRoot, 'examples', name);
  const files: Record<string, string> = {};
  const visit = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else {
        const text = fs.readFileSync(path.join(root, child), 'utf8');
        files[child] = replace ? text.split(replace[0]).join(replace[1]) : text;
      }
    }
  };
  visit('');
  return files;
}

/**
 * The example's executable files (mode 100755 in this repository) made executable in `work` too, committed and
 * pushed to the bare remote of `fullName`; returns their paths.
 */
export function keepExecutables(world: World, name: string, work: string, fullName: string): string[] {
  const prefix = `examples/${name}/`;
  const executables = git(repoRoot, world.gitEnv, 'ls-files', '-s', `examples/${name}`).split('\n')
    .filter((l) => l.startsWith('100755')).map((l) => l.split('\t')[1]!.slice(prefix.length));
  if (executables.length === 0) return [];
  for (const file of executables) fs.chmodSync(path.join(work, file), 0o755);
  git(work, world.gitEnv, 'commit', '-q', '-am', 'chore: executable scripts');
  git(work, world.gitEnv, 'push', '-q', 'origin', 'HEAD:main');
  syncApi(world, fullName);
  return executables;
}

/** How a job ended in a run: act names a called workflow's job `<caller job>/<workflow name>/<job>`. */
export function jobState(run: ActRun, job: string): 'succeeded' | 'failed' | undefined {
  return Object.entries(run.jobs).find(([name]) => name === job || name.split('/')[0] === job)?.[1];
}

/** The last lines of a run's log (act's own time= lines left out), for a failed check's message. */
export function logTail(run: ActRun, lines = 50): string {
  return run.log.split('\n').filter((l) => !l.startsWith('time=')).slice(-lines).join('\n');
}

/** Every pin of a stand-in's action in the workflows, so each pinned commit is served from its stand-in. */
export function pinnedStandIns(): { action: string; sha: string; dir: string }[] {
  const found = new Map<string, { action: string; sha: string; dir: string }>();
  const files = ['.github/workflows', 'workflows'].flatMap((d) => fs.readdirSync(path.join(repoRoot, d)).map((f) => path.join(repoRoot, d, f)));
  for (const file of files.filter((f) => /\.ya?ml$/.test(f))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/uses:\s*([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@([0-9a-f]{40})/g)) {
      const standIn = STAND_INS.find((s) => s.action === m[1]);
      if (standIn) found.set(`${m[1]}@${m[2]}`, { action: m[1]!, sha: m[2]!, dir: path.join(repoRoot, 'test', 'workflows', 'standins', standIn.dir) });
    }
  }
  return [...found.values()];
}

/** The digest the registry serves for `reference` (tag or digest) of `name`, or null. */
export async function registryDigest(world: World, name: string, reference: string): Promise<string | null> {
  const res = await fetch(`${world.registry.url}/v2/${name}/manifests/${reference}`, {
    method: 'HEAD', headers: { accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' },
  });
  return res.status === 200 ? res.headers.get('docker-content-digest') : null;
}

export async function registryTags(world: World, name: string): Promise<string[]> {
  const res = await fetch(`${world.registry.url}/v2/${name}/tags/list`);
  if (res.status !== 200) return [];
  return ((await res.json()) as { tags: string[] | null }).tags?.slice().sort() ?? [];
}
