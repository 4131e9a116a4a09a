/**
 * Parts for the pipeline end-to-end test: the four action bundles built into a temporary folder, the
 * application repository (bare remote + checkout) and the GitOps repository as real git repositories, the
 * environments file that wires dev → stage → prod, and the grype report a scan of the built image replays.
 * Steps run through test/support/runner.ts (runBundle).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundle, listBundles } from '../../scripts/build.ts';
import { repoRoot } from '../support/corpus.ts';
import type { ActionRun } from '../support/runner.ts';

/** The actions the starter workflow chains, in the order it runs them. */
export const PIPELINE_ACTIONS = ['release', 'build-image', 'scan-image', 'promote'] as const;
export type PipelineAction = (typeof PIPELINE_ACTIONS)[number];

/** Builds the bundles of `PIPELINE_ACTIONS` from the sources into `dir` and returns their paths. */
export async function buildBundles(dir: string): Promise<Record<PipelineAction, string>> {
  const known = listBundles();
  const scripts = {} as Record<PipelineAction, string>;
  await Promise.all(PIPELINE_ACTIONS.map(async (name) => {
    const b = known.find((k) => k.name === name);
    if (!b) throw new Error(`scripts/build.ts lists no bundle named ${name}`);
    const outfile = path.join(dir, name, 'index.js');
    await bundle({ ...b, outfile: path.relative(repoRoot, outfile) });
    scripts[name] = outfile;
  }));
  return scripts;
}

/** The `::error::` lines a step printed (empty when it printed none). */
export function errors(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => l.startsWith('::error')).join('\n');
}

/** An environment for git that ignores the machine's configuration, with a fixed author. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n');
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Ada Dev', GIT_AUTHOR_EMAIL: 'ada@example.invalid',
    GIT_COMMITTER_NAME: 'Ada Dev', GIT_COMMITTER_EMAIL: 'ada@example.invalid',
  };
}

export function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export interface AppRepository {
  /** The bare remote (what GitHub holds). */
  remote: string;
  /** A full-history checkout of main, as actions/checkout with fetch-depth 0 leaves it. */
  checkout: string;
  /** The commit pushed to main that the pipeline runs for, and its parent. */
  head: string;
  before: string;
  /** The commit released as v1.0.0 earlier. */
  v1: string;
}

/**
 * The application: v1.0.0 released earlier, then a feature and a fix pushed to main. The build context is
 * a Containerfile FROM scratch that copies one file; `files` (the environments file) are in the first commit.
 */
export function appRepository(dir: string, env: NodeJS.ProcessEnv, files: Record<string, string>): AppRepository {
  const remote = path.join(dir, 'app.git');
  const work = path.join(dir, 'app-work');
  git(dir, env, 'init', '-q', '--bare', '-b', 'main', remote);
  git(dir, env, 'clone', '-q', remote, work);
  fs.writeFileSync(path.join(work, 'Containerfile'), 'FROM scratch\nCOPY greeting.txt /greeting.txt\n');
  fs.writeFileSync(path.join(work, 'greeting.txt'), 'hello\n');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    fs.writeFileSync(path.join(work, file), text);
  }
  git(work, env, 'add', '-A');
  git(work, env, 'commit', '-q', '-m', 'feat: serve a greeting');
  git(work, env, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  const v1 = git(work, env, 'rev-parse', 'HEAD');
  fs.writeFileSync(path.join(work, 'greeting.txt'), 'hello\nbonjour\n');
  git(work, env, 'commit', '-q', '-am', 'feat(i18n): greet in French (#7)');
  fs.appendFileSync(path.join(work, 'Containerfile'), 'LABEL org.example.greeting=bilingual\n');
  git(work, env, 'commit', '-q', '-am', 'fix: label the image\n\nCloses #8');
  const before = git(work, env, 'rev-parse', 'HEAD~1');
  git(work, env, 'push', '-q', '--follow-tags', 'origin', 'main');
  const checkout = path.join(dir, 'checkout');
  git(dir, env, 'clone', '-q', '--branch', 'main', remote, checkout);
  return { remote, checkout, head: git(checkout, env, 'rev-parse', 'HEAD'), before, v1 };
}

/** A bare GitOps repository whose main branch holds `files`; returns its path. */
export function gitopsRepository(dir: string, env: NodeJS.ProcessEnv, files: Record<string, string>): string {
  const bare = path.join(dir, 'gitops.git');
  const seed = path.join(dir, 'gitops-seed');
  git(dir, env, 'init', '-q', '--bare', '-b', 'main', bare);
  git(dir, env, 'clone', '-q', bare, seed);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(seed, file)), { recursive: true });
    fs.writeFileSync(path.join(seed, file), text);
  }
  git(seed, env, 'add', '-A');
  git(seed, env, 'commit', '-q', '-m', 'seed the environments');
  git(seed, env, 'push', '-q', 'origin', 'HEAD:main');
  return bare;
}

/** Where each environment keeps the image, in three manifest formats, all at `digest` at first. */
export function gitopsFiles(image: string, digest: string): Record<string, string> {
  return {
    'dev/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\nimages:\n  - name: ${image}\n    newTag: "1.0.0"\n    digest: ${digest}\n`,
    'stage/values.yaml': `app:\n  image:\n    repository: ${image}\n    tag: "1.0.0"\n    digest: ${digest}\n  replicas: 2\n`,
    'prod/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}:1.0.0@${digest} # {"$imagepolicy": "flux-system:app"}\n`,
  };
}

/** The environments file of the application: stage and prod require a passing scan verdict. */
export function environmentsFile(image: string, remote: string): string {
  return `# dev → stage → prod, one GitOps repository
environments:
  - name: dev
    url: ${remote}
    targets:
      - {kind: kustomize, file: dev/kustomization.yaml, image: ${image}}
  - name: stage
    url: ${remote}
    require-verdict: true
    targets:
      - {kind: helm, file: stage/values.yaml, image: ${image}, tag: app.image.tag, digest: app.image.digest}
  - name: prod
    url: ${remote}
    require-verdict: true
    github-environment: {name: production, url: https://app.example.invalid}
    targets:
      - {kind: setter, file: prod/*.yaml, image: ${image}, policy: "flux-system:app"}
`;
}

/** Every `sha256:<hex>` digest written in `text`, in order. */
export function digestsIn(text: string): string[] {
  return [...text.matchAll(/sha256:[0-9a-f]{64}/g)].map((m) => m[0]);
}

/**
 * The report grype writes for `reference` when the registry serves `digest` under it: a real captured report
 * (its matches, descriptor and database untouched) whose source target is the scanned image, as grype fills it
 * from the registry (userInput as given, repoDigests name@digest, manifestDigest). Written to `out`.
 */
export function reportFor(corpusReport: string, out: string, image: { name: string; reference: string; digest: string }): string {
  const report = JSON.parse(fs.readFileSync(corpusReport, 'utf8')) as { source: { type: string; target: Record<string, unknown> } };
  if (report.source?.type !== 'image') throw new Error(`${corpusReport} is not the report of an image scan (source.type ${report.source?.type})`);
  const tag = /:([^/:@]+)$/.exec(image.reference)?.[1];
  Object.assign(report.source.target, {
    userInput: image.reference,
    repoDigests: [`${image.name}@${image.digest}`],
    manifestDigest: image.digest,
    tags: tag ? [image.reference] : [],
  });
  fs.writeFileSync(out, JSON.stringify(report));
  return out;
}
