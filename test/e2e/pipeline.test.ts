/**
 * The whole pipeline of workflows/pipeline.yml, job by job, on the BUILT bundles through the runner contract
 * (test/support/runner.ts):
 *
 *   push to main        → release (prerelease: rc; GitHub API stand-in) → build-image (real buildah, real
 *                         docker-registry, logged in) → scan-image of name@digest (stand-in grype replaying a
 *                         corpus report) → deploy dev: scan name@digest, promote with the release's version
 *   tag v1.1.0 too soon → deploy prod: scan name:sha-<commit>, promote refused (stage does not run the digest)
 *   tag v1.1.0-rc.1     → deploy stage: scan name:sha-<commit>, promote resolves the tag through the registry
 *   tag v1.1.0, re-run  → deploy prod: promoted → release-final: the GitHub release of v1.1.0
 *
 * The application and GitOps repositories are real git repositories with bare remotes on disk. The inputs come
 * from the workflow files themselves where they are data (the image job's tag rules, the deploy job's version
 * step, which is run with bash) and from the outputs of the step before, as the expressions hand them on.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { importGitRepository, startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { parseVerdict, type ScanVerdict } from '@conveyor/scan/verdict';
import { payloadOf } from '../../packages/image/src/__fixtures__/events.ts';
import { corpusPath, repoRoot } from '../support/corpus.ts';
import { hasBinary, startRegistry, type Registry } from '../support/registry.ts';
import { parseFileCommand, runBundle, type ActionRun } from '../support/runner.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { standInCalls, writeStandInGrype } from '../scan/standin.ts';
import { pushImage } from '../promote/support.ts';
import {
  appRepository, buildBundles, digestsIn, environmentsFile, errors, git, gitEnv, gitopsFiles, gitopsRepository,
  reportFor, type AppRepository, type PipelineAction,
} from './pipeline-support.ts';

const tools = hasBinary('buildah') && hasBinary('docker-registry') && hasBinary('git') && hasBinary('bash');
if (!tools) console.log('buildah, docker-registry, git or bash is not installed: skipping the pipeline end-to-end test');
const grypeCorpus = tools ? corpusPath('grype', 'defectdojo') : undefined;
// Real grype reports (grype 0.75.0): busybox with no match at all, and an image with one High match.
const CLEAN = grypeCorpus ? path.join(grypeCorpus, 'no_vuln.json') : '';
const HIGH = grypeCorpus ? path.join(grypeCorpus, 'fix_available.json') : '';

const OWNER = 'acme';
const REPO = 'app';
const ACCEPT = ['application/vnd.oci.image.index.v1+json', 'application/vnd.oci.image.manifest.v1+json'].join(', ');

interface Step { id?: string; uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> }
interface Job { with?: Record<string, unknown>; steps?: Step[]; if?: string; needs?: string | string[]; uses?: string }
interface Workflow { on: { workflow_call?: { inputs: Record<string, { default?: unknown }> } }; jobs: Record<string, Job> }
const workflow = (file: string) => parseYaml(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Workflow;
const starter = workflow('workflows/pipeline.yml');
const imageWorkflow = workflow('.github/workflows/reusable-image.yml');
const imageJob = imageWorkflow.jobs.image!;
const deployJob = workflow('.github/workflows/reusable-deploy.yml').jobs.deploy!;
const releaseWorkflow = workflow('.github/workflows/reusable-release.yml');
const stepOf = (job: Job, id: string): Step => {
  const found = job.steps?.find((s) => s.id === id);
  if (!found) throw new Error(`the workflow job has no step with id ${id}`);
  return found;
};

/**
 * The inputs the release step of reusable-release.yml gets when `job` of the starter calls it: the
 * workflow's input defaults, overridden by the job's `with:`, put through the step's own expressions.
 */
function releaseStepInputs(job: Job, token: string): Record<string, string> {
  // The release-token secret stands for the token; no App is given (its secret is empty).
  const values: Record<string, string> = { 'secrets.release-token': token, 'secrets.app-private-key': '' };
  for (const [name, input] of Object.entries(releaseWorkflow.on.workflow_call!.inputs)) values[`inputs.${name}`] = String(input.default ?? '');
  for (const [name, value] of Object.entries(job.with ?? {})) values[`inputs.${name}`] = String(value);
  const step = stepOf(releaseWorkflow.jobs.release!, 'release');
  return Object.fromEntries(Object.entries(step.with!).map(([k, v]) => [k, fill(String(v), values)]));
}

/** A run step's `env:` with its expressions filled from `values`. */
function fillEnv(step: Step, values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v), values)]));
}

/** Fills the `${{ … }}` expressions of a workflow value from `values` (expression text → value); any other expression throws. */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (whole, expr: string) => {
    if (!(expr in values)) throw new Error(`the test does not evaluate ${whole} (in ${JSON.stringify(text)})`);
    return values[expr]!;
  });
}

(tools && grypeCorpus ? describe : describe.skip)('the starter pipeline: release candidate → build → scan → dev; rc tag → stage; final tag → prod', () => {
  let tmp: string;
  let scripts: Record<PipelineAction, string>;
  let registry: Registry;
  let api: GitHubApi;
  let env: NodeJS.ProcessEnv;
  let app: AppRepository;
  let gitops: string;
  let image: string;
  /** The digest that ran everywhere before this change. */
  let oldDigest: string;
  let grypeBin: string;
  let steps = 0;
  /** Every step's log, to check that no secret reached one. */
  const logs: string[] = [];

  // What the steps hand on, filled in as the test goes.
  let release: ActionRun;
  let built: ActionRun;
  let digest: string;
  /** The commit the release candidate's tag points to (github.sha of the tag pushes). */
  let rcCommit: string;
  /** The verdict file of the prod job's scan of name:sha-<commit>. */
  let prodVerdict: string;

  const githubToken = 'ghs_pipeline_token_0001';
  const registryPassword = 'registry-token-0002';

  /** The runner variables of a push of `ref` at `sha`, with a push payload. */
  function push(ref: string, sha: string): NodeJS.ProcessEnv {
    const payload = payloadOf('push', (p) => p.deleted === false && String(p.ref).startsWith('refs/heads/'));
    const isTag = ref.startsWith('refs/tags/');
    Object.assign(payload, { ref, before: isTag ? '0'.repeat(40) : app.before, after: sha, created: isTag, base_ref: isTag ? 'refs/heads/main' : null });
    (payload.head_commit as { id: string }).id = sha;
    Object.assign(payload.repository as object, {
      name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: 'main', html_url: `https://github.com/${OWNER}/${REPO}`, description: 'The greeting app', license: null,
    });
    const file = path.join(tmp, `event-${++steps}.json`);
    fs.writeFileSync(file, JSON.stringify(payload));
    return {
      GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file, GITHUB_REF: ref, GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
      GITHUB_REF_TYPE: isTag ? 'tag' : 'branch', GITHUB_SHA: sha,
    };
  }

  /** One step of a job: the bundle with the checkout as workspace, the runner's variables and a fresh RUNNER_TEMP. */
  async function step(action: PipelineAction, inputs: Record<string, string>, runEnv: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
    const stepDir = path.join(tmp, 'steps', `${++steps}-${action}`);
    fs.mkdirSync(path.join(stepDir, 'runner-temp'), { recursive: true });
    const run = await runBundle(scripts[action], stepDir, inputs, {
      ...env, ...runEnv,
      GITHUB_WORKSPACE: app.checkout, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: String(1000 + steps), GITHUB_ACTOR: 'ada',
      RUNNER_TEMP: path.join(stepDir, 'runner-temp'), RUNNER_TOOL_CACHE: path.join(tmp, 'tool-cache'),
      ...extra,
    });
    logs.push(run.stdout, run.stderr, run.summary);
    return run;
  }

  /** The digest the registry serves for `reference` (a tag or a digest) of acme/app. */
  async function registryDigest(reference: string): Promise<string | null> {
    const res = await fetch(`${registry.url}/v2/acme/app/manifests/${reference}`, { method: 'HEAD', headers: { accept: ACCEPT } });
    return res.status === 200 ? res.headers.get('docker-content-digest') : `HTTP ${res.status}`;
  }

  /**
   * A scan-image step: the stand-in grype checks it is asked about `reference` and replays `corpusReport` as
   * grype reports that image, with the digest the registry serves for it. Returns the run, the verdict and
   * the stand-in's calls.
   */
  async function scan(reference: string, corpusReport: string, inputs: Record<string, string>, runEnv: NodeJS.ProcessEnv, reportDigest?: string) {
    const n = ++steps;
    const served = await registryDigest(reference.slice(image.length + 1));
    expect([reference, served]).toEqual([reference, expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
    const report = reportFor(corpusReport, path.join(tmp, `grype-report-${n}.json`), { name: image, reference, digest: reportDigest ?? served! });
    const log = path.join(tmp, `grype-${n}.jsonl`);
    const run = await step('scan-image', { 'fail-build': 'false', ...inputs, image: reference }, runEnv, {
      PATH: `${grypeBin}${path.delimiter}${process.env.PATH}`, STANDIN_GRYPE_REPORT: report, STANDIN_GRYPE_SOURCE: reference, STANDIN_GRYPE_LOG: log,
    });
    const file = run.outputs['verdict-file'];
    const verdict: ScanVerdict | undefined = file ? parseVerdict(fs.readFileSync(file, 'utf8'), file) : undefined;
    return { run, verdict, file: file ?? '', calls: standInCalls(log) };
  }

  /**
   * The deploy job of reusable-deploy.yml: its version step run with bash as written, its scan of the digest
   * (name@digest) or tag (name:tag) by the job's own expression, then promote with what they output.
   */
  async function deploy(environment: string, digestInput: string, version: string, runEnv: NodeJS.ProcessEnv, corpusReport = CLEAN, reportDigest?: string) {
    const versionStep = stepOf(deployJob, 'version');
    const dir = path.join(tmp, `version-${++steps}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'output'), '');
    execFileSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', versionStep.run!], {
      env: { PATH: process.env.PATH, HOME: env.HOME, ...fillEnv(versionStep, { 'inputs.version': version }), GITHUB_OUTPUT: path.join(dir, 'output') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const promotedVersion = parseVersionOutput(fs.readFileSync(path.join(dir, 'output'), 'utf8'));
    const reference = digestInput.startsWith('sha256:') ? `${image}@${digestInput}` : `${image}:${digestInput}`;
    const scanStep = stepOf(deployJob, 'scan');
    expect(scanStep.with!.image).toContain("startsWith(inputs.digest, 'sha256:')");
    const scanned = await scan(reference, corpusReport, {}, runEnv, reportDigest);
    const promote = await step('promote', {
      environment, image, digest: digestInput, version: promotedVersion, 'verdict-file': scanned.file,
      'environments-file': '.github/conveyor/environments.yml', 'github-token': githubToken, 'gitops-token': '',
    }, runEnv);
    return { version: promotedVersion, scanned, promote };
  }
  /** The `version=…` line the version step appended to GITHUB_OUTPUT. */
  function parseVersionOutput(text: string): string {
    const lines = text.split('\n').filter(Boolean);
    const heredoc = parseFileCommand(text);
    if (heredoc.version !== undefined) return heredoc.version;
    if (lines.length !== 1 || !lines[0]!.startsWith('version=')) throw new Error(`the version step wrote ${JSON.stringify(text)}`);
    return lines[0]!.slice('version='.length);
  }

  const gitopsHead = () => git(tmp, env, '--git-dir', gitops, 'rev-parse', 'main');
  const gitopsFile = (file: string) => git(tmp, env, '--git-dir', gitops, 'show', `main:${file}`);
  const deploymentsOf = (environment: string) => api.state.deployments.filter((d) => d.environment === environment);

  beforeAll(async () => {
    tmp = tempDir('conveyor-pipeline-');
    env = gitEnv(path.join(tmp, 'home'));
    [scripts, registry, api] = await Promise.all([buildBundles(path.join(tmp, 'bundles')), startRegistry(), startGitHubApi()]);
    image = `${registry.host}/acme/app`;
    oldDigest = await pushImage(registry.url, 'acme/app', '1.0.0', 'app 1.0.0');
    gitops = gitopsRepository(tmp, env, gitopsFiles(image, oldDigest));
    app = appRepository(tmp, env, { '.github/conveyor/environments.yml': environmentsFile(image, gitops) });
    importGitRepository(api.state, { owner: OWNER, repo: REPO, dir: app.remote });
    grypeBin = writeStandInGrype(tmp);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await registry?.stop();
    cleanupTempDirs();
  });

  it('the starter wires the jobs as this test runs them', () => {
    expect(starter.jobs.release!.with).toEqual({ prerelease: 'rc' });
    expect(starter.jobs.image!.with).toMatchObject({ version: '${{ needs.release.outputs.version }}' });
    expect(starter.jobs['deploy-dev']!.with).toMatchObject({ environment: 'dev', digest: '${{ needs.image.outputs.digest }}', version: '${{ needs.release.outputs.version }}' });
    for (const [job, environment] of [['deploy-stage', 'stage'], ['deploy-prod', 'prod']] as const) {
      expect(starter.jobs[job]!.with).toMatchObject({ environment, digest: 'sha-${{ github.sha }}', version: '${{ github.ref_name }}' });
    }
    expect(starter.jobs['deploy-stage']!.if).toContain("contains(github.ref_name, '-rc.')");
    expect(starter.jobs['deploy-prod']!.if).toContain("!contains(github.ref_name, '-')");
    expect(starter.jobs['release-final']).toMatchObject({ needs: 'deploy-prod', with: { branch: 'main' } });
    expect(starter.jobs['release-final']!.uses).toBe(starter.jobs.release!.uses);
  });

  it('push to main, release: the release candidate 1.1.0-rc.1, tagged on the pushed commit, a GitHub prerelease, not latest', async () => {
    const inputs = releaseStepInputs(starter.jobs.release!, githubToken);
    expect(inputs).toEqual({ 'github-token': githubToken, 'app-id': '', 'app-private-key': '', 'tag-format': 'v${version}', path: '', prerelease: 'rc', 'floating-tags': 'true', 'dry-run': 'false', branch: '' });
    release = await step('release', inputs, push('refs/heads/main', app.head));
    expect(errors(release)).toBe('');
    expect(release.status).toBe(0);
    expect(release.outputs).toMatchObject({
      released: 'true', version: '1.1.0-rc.1', 'previous-version': '1.0.0', tag: 'v1.1.0-rc.1', prerelease: 'rc.1', sha: app.head,
      major: '1', minor: '1', patch: '0',
    });
    const tag = api.state.findRef(OWNER, REPO, 'refs/tags/v1.1.0-rc.1');
    rcCommit = tag ? api.state.peel(OWNER, REPO, tag.sha) : '';
    expect(rcCommit).toBe(app.head);
    // A release candidate moves no floating tag.
    expect([api.state.findRef(OWNER, REPO, 'refs/tags/v1'), api.state.findRef(OWNER, REPO, 'refs/tags/v1.1')]).toEqual([undefined, undefined]);
    expect(api.state.releases).toHaveLength(1);
    expect(api.state.releases[0]).toMatchObject({ tagName: 'v1.1.0-rc.1', prerelease: true, draft: false });
    expect(api.state.releases[0]!.body).toContain('greet in French');
    expect(api.state.releases[0]!.body).toContain('label the image');
    expect(release.outputs['release-id']).toBe(String(api.state.releases[0]!.id));
    const created = api.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/repos/acme/app/releases'));
    expect(created.map((r) => [r.status, (r.body as { make_latest?: string }).make_latest, (r.body as { prerelease?: boolean }).prerelease])).toEqual([[201, 'false', true]]);
    const latest = await fetch(`${api.url}/repos/acme/app/releases/latest`, { headers: { authorization: `token ${githubToken}` } });
    expect(latest.status).toBe(404);
  });

  it('push to main, build-image: logged in, tags from the image job\'s rules with the release version, pushed, one digest', async () => {
    const buildStep = stepOf(imageJob, 'build');
    const version = release.outputs.version!;
    const tags = fill(buildStep.with!.tags!, { 'inputs.version': version, "inputs.version != ''": String(version !== '') }).trimEnd();
    expect(tags.split('\n')).toContain(`type=semver,pattern={{major}}.{{minor}},value=${version},enable=true`);
    built = await step('build-image', {
      images: image, context: '.', file: '', platforms: 'linux/amd64', push: 'true',
      registry: registry.host, username: 'ada', password: registryPassword, tags,
      'buildah-options': `--storage-driver vfs --root ${path.join(tmp, 'storage')} --runroot ${path.join(tmp, 'run')}`,
    }, push('refs/heads/main', app.head), { REGISTRY_AUTH_FILE: path.join(tmp, 'auth.json'), SOURCE_DATE_EPOCH: git(app.checkout, env, 'log', '-1', '--format=%ct') });
    expect(errors(built)).toBe('');
    expect(built.status).toBe(0);
    digest = built.outputs.digest!;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digest).not.toBe(oldDigest);
    expect(built.outputs.image).toBe(`${image}@${digest}`);
    expect(built.outputs.version).toBe('1.1.0-rc.1');
    // A prerelease value gives the full version for both semver rules (no 1.1) and no latest.
    const expected = ['1.1.0-rc.1', 'main', `sha-${app.head}`];
    expect([...built.outputs.tags!.split('\n')].sort()).toEqual(expected.map((t) => `${image}:${t}`).sort());
    expect(fs.readFileSync(path.join(tmp, 'auth.json'), 'utf8')).toContain(registry.host);

    // The registry itself: exactly those tags besides the old 1.0.0, each the pushed digest.
    const list = (await (await fetch(`${registry.url}/v2/acme/app/tags/list`)).json()) as { tags: string[] };
    expect([...list.tags].sort()).toEqual(['1.0.0', ...expected].sort());
    for (const t of expected) expect([t, await registryDigest(t)]).toEqual([t, digest]);
    expect(await registryDigest(digest)).toBe(digest);
    const manifest = await fetch(`${registry.url}/v2/acme/app/manifests/${digest}`, { headers: { accept: ACCEPT } });
    const body = (await manifest.json()) as { mediaType: string; config: { digest: string } };
    expect(body.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    const config = (await (await fetch(`${registry.url}/v2/acme/app/blobs/${body.config.digest}`)).json()) as { architecture: string; config: { Labels: Record<string, string> } };
    expect(config.architecture).toBe('amd64');
    expect(config.config.Labels).toMatchObject({
      'org.opencontainers.image.revision': app.head, 'org.opencontainers.image.version': '1.1.0-rc.1',
      'org.opencontainers.image.source': 'https://github.com/acme/app', 'org.example.greeting': 'bilingual',
    });
  });

  it('push to main, the image job\'s scan of name@digest: a passing verdict for the built digest (a High match would stop the job)', async () => {
    const cutoff = String(imageWorkflow.on.workflow_call!.inputs['severity-cutoff']!.default);
    expect(cutoff).toBe('high');
    const scanStep = stepOf(imageJob, 'scan');
    expect(scanStep.with).toMatchObject({ image: '${{ steps.build.outputs.image }}', 'fail-build': false });
    const pass = await scan(built.outputs.image!, CLEAN, { 'severity-cutoff': cutoff }, push('refs/heads/main', app.head));
    expect(errors(pass.run)).toBe('');
    expect(pass.run.status).toBe(0);
    expect(pass.calls.map((c) => c.args[0])).toEqual([`${image}@${digest}`]);
    expect(pass.run.outputs.verdict).toBe('pass');
    expect(pass.verdict).toMatchObject({ decision: 'pass', image: `${image}@${digest}`, digest, policy: { severityCutoff: 'high' } });

    const fail = await scan(built.outputs.image!, HIGH, { 'severity-cutoff': cutoff }, push('refs/heads/main', app.head));
    expect(fail.run.status).toBe(0);
    expect(fail.run.outputs.verdict).toBe('fail');
    expect(JSON.parse(fail.run.outputs.counts!)).toMatchObject({ critical: 0, high: 1 });
    expect(fail.verdict).toMatchObject({ decision: 'fail', digest });
  });

  it('push to main, deploy dev: scan of name@digest, promote with the build\'s digest and the release\'s version', async () => {
    const dev = await deploy('dev', built.outputs.digest!, release.outputs.version!, push('refs/heads/main', app.head));
    expect(dev.version).toBe('1.1.0-rc.1');
    expect(dev.scanned.calls.map((c) => c.args[0])).toEqual([`${image}@${digest}`]);
    expect(dev.scanned.verdict).toMatchObject({ decision: 'pass', image: `${image}@${digest}`, digest, policy: { severityCutoff: 'medium' } });
    expect(errors(dev.promote)).toBe('');
    expect(dev.promote.status).toBe(0);
    expect(dev.promote.outputs).toMatchObject({
      changed: 'true', digest, 'previous-digest': oldDigest, 'commit-sha': gitopsHead(), files: '["dev/kustomization.yaml"]',
    });
    expect(digestsIn(gitopsFile('dev/kustomization.yaml'))).toEqual([digest]);
    expect(gitopsFile('dev/kustomization.yaml')).toContain('newTag: "1.1.0-rc.1"');
    expect(digestsIn(gitopsFile('stage/values.yaml'))).toEqual([oldDigest]);
    expect(dev.promote.outputs['deployment-id']).toBe(String(deploymentsOf('dev')[0]?.id));
  });

  it('tag v1.1.0 pushed before stage ran: deploy prod scans name:sha-<commit> (the built digest) and promote refuses, nothing written', async () => {
    const before = gitopsHead();
    const prod = await deploy('prod', `sha-${rcCommit}`, 'v1.1.0', push('refs/tags/v1.1.0', rcCommit));
    expect(prod.version).toBe('1.1.0');
    expect(prod.scanned.calls.map((c) => c.args[0])).toEqual([`${image}:sha-${app.head}`]);
    expect(prod.scanned.verdict).toMatchObject({ decision: 'pass', image: `${image}:sha-${app.head}`, digest });
    prodVerdict = prod.scanned.file;
    expect(prod.promote.status).toBe(1);
    expect(errors(prod.promote)).toContain(`Refusing to promote ${digest} to 'prod': the environment before it, 'stage', runs ${oldDigest}, not the digest asked for (${digest}).`);
    expect(gitopsHead()).toBe(before);
    expect(digestsIn(gitopsFile('prod/deployment.yaml'))).toEqual([oldDigest]);
    expect(deploymentsOf('production')).toEqual([]);
  });

  it('tag v1.1.0-rc.1 (the release\'s tag push), deploy stage: a High match or a verdict for another digest is refused, the clean scan of name:sha-<commit> promotes', async () => {
    const event = () => push(`refs/tags/${release.outputs.tag}`, rcCommit);
    const before = gitopsHead();
    const refused = await deploy('stage', `sha-${rcCommit}`, release.outputs.tag!, event(), HIGH);
    expect(refused.scanned.verdict).toMatchObject({ decision: 'fail', digest });
    expect(refused.promote.status).toBe(1);
    expect(errors(refused.promote)).toContain(`Refusing to promote ${digest} to 'stage': its scan verdict (${refused.scanned.file}) is 'fail' (1 high); it requires a pass.`);
    expect(gitopsHead()).toBe(before);
    expect(deploymentsOf('stage')).toEqual([]);

    // A passing verdict for another image (the tag read while it named the old digest) is no verdict for this one.
    const other = await deploy('stage', `sha-${rcCommit}`, release.outputs.tag!, event(), CLEAN, oldDigest);
    expect(other.scanned.verdict).toMatchObject({ decision: 'pass', digest: oldDigest });
    expect(other.promote.status).toBe(1);
    expect(errors(other.promote)).toContain(`Refusing to promote ${digest} to 'stage': ${other.scanned.file} is for ${oldDigest}, not the digest asked for (${digest}).`);
    expect(gitopsHead()).toBe(before);
    expect(deploymentsOf('stage')).toEqual([]);

    const stage = await deploy('stage', `sha-${rcCommit}`, release.outputs.tag!, event());
    expect(stage.version).toBe('1.1.0-rc.1');
    expect(stage.scanned.calls.map((c) => c.args[0])).toEqual([`${image}:sha-${app.head}`]);
    expect(stage.scanned.verdict).toMatchObject({ decision: 'pass', image: `${image}:sha-${app.head}`, digest, policy: { severityCutoff: 'medium' } });
    expect(errors(stage.promote)).toBe('');
    expect(stage.promote.status).toBe(0);
    expect(stage.promote.outputs).toMatchObject({ changed: 'true', digest, 'previous-digest': oldDigest, 'commit-sha': gitopsHead(), files: '["stage/values.yaml"]' });
    expect(digestsIn(gitopsFile('stage/values.yaml'))).toEqual([digest]);
    expect(gitopsFile('stage/values.yaml')).toContain('tag: "1.1.0-rc.1"');
    expect(git(tmp, env, '--git-dir', gitops, 'log', '-1', '--format=%B', 'main')).toContain('Conveyor-From: dev');
  });

  it('tag v1.1.0 on the commit stage runs, deploy prod re-run: promoted by the same tag to the same digest, version 1.1.0', async () => {
    const prod = await deploy('prod', `sha-${rcCommit}`, 'v1.1.0', push('refs/tags/v1.1.0', rcCommit));
    expect(prod.scanned.verdict).toMatchObject({ decision: 'pass', image: `${image}:sha-${app.head}`, digest });
    expect(prodVerdict).not.toBe(prod.scanned.file);
    expect(errors(prod.promote)).toBe('');
    expect(prod.promote.status).toBe(0);
    expect(prod.promote.outputs).toMatchObject({ changed: 'true', digest, 'previous-digest': oldDigest, 'commit-sha': gitopsHead(), files: '["prod/deployment.yaml"]' });
    expect(gitopsFile('prod/deployment.yaml')).toContain(`image: ${image}:1.1.0@${digest} # {"$imagepolicy": "flux-system:app"}`);
    expect(git(tmp, env, '--git-dir', gitops, 'log', '-1', '--format=%B', 'main')).toContain('Conveyor-From: stage');
  });

  it('every environment runs exactly the built digest, one successful deployment each of the released commit', () => {
    expect(digestsIn(gitopsFile('dev/kustomization.yaml'))).toEqual([digest]);
    expect(digestsIn(gitopsFile('stage/values.yaml'))).toEqual([digest]);
    expect(digestsIn(gitopsFile('prod/deployment.yaml'))).toEqual([digest]);
    expect(git(tmp, env, '--git-dir', gitops, 'log', '--format=%s', 'main').split('\n')).toHaveLength(4);

    for (const environment of ['dev', 'stage', 'production']) {
      const deployments = deploymentsOf(environment);
      expect(deployments.map((d) => [d.environment, d.sha, (d.payload as { digest?: string }).digest])).toEqual([[environment, app.head, digest]]);
      const states = api.state.deploymentStatuses.filter((s) => s.deploymentId === deployments[0]!.id).map((s) => s.state);
      expect([environment, states]).toEqual([environment, ['in_progress', 'success']]);
    }
    expect(api.state.deployments).toHaveLength(3);
    expect(api.state.deployments.find((d) => d.environment === 'production')?.productionEnvironment).toBe(true);
    expect(api.violations).toEqual([]);
  });

  it('tag v1.1.0, release-final after prod: the GitHub release of v1.1.0 (notes since 1.0.0, latest), v1 and v1.1 moved; a re-run adds nothing', async () => {
    // What the person who made the final tag pushed: the tag on the rc's commit, and the checkout of a tag push.
    git(app.checkout, env, 'tag', 'v1.1.0', rcCommit);
    git(app.checkout, env, 'checkout', '-q', '--detach', rcCommit);
    api.state.setRef(OWNER, REPO, 'refs/tags/v1.1.0', rcCommit);
    const inputs = releaseStepInputs(starter.jobs['release-final']!, githubToken);
    expect(inputs).toMatchObject({ branch: 'main', prerelease: '', 'floating-tags': 'true', 'dry-run': 'false' });
    const final = await step('release', inputs, push('refs/tags/v1.1.0', rcCommit));
    expect(errors(final)).toBe('');
    expect(final.status).toBe(0);
    expect(final.outputs).toMatchObject({ released: 'true', version: '1.1.0', 'previous-version': '1.0.0', tag: 'v1.1.0', prerelease: '', sha: rcCommit });
    expect(api.state.releases.map((r) => [r.tagName, r.prerelease])).toEqual([['v1.1.0-rc.1', true], ['v1.1.0', false]]);
    const stable = api.state.releases[1]!;
    expect(stable.body).toContain('greet in French');
    expect(stable.body).toContain('label the image');
    expect(api.state.findRef(OWNER, REPO, 'refs/tags/v1.1.0')?.sha).toBe(rcCommit);
    for (const floating of ['refs/tags/v1', 'refs/tags/v1.1']) {
      const ref = api.state.findRef(OWNER, REPO, floating);
      expect([floating, ref && api.state.peel(OWNER, REPO, ref.sha)]).toEqual([floating, rcCommit]);
    }
    const latest = await fetch(`${api.url}/repos/acme/app/releases/latest`, { headers: { authorization: `token ${githubToken}` } });
    expect(((await latest.json()) as { tag_name: string }).tag_name).toBe('v1.1.0');

    const again = await step('release', inputs, push('refs/tags/v1.1.0', rcCommit));
    expect(errors(again)).toBe('');
    expect(again.status).toBe(0);
    expect(api.state.releases).toHaveLength(2);
    expect(again.outputs['release-id']).toBe(String(stable.id));
    expect(api.violations).toEqual([]);
  });

  it('what the final tag leaves as it is: no image job runs for it, so no 1.1.0, 1.1 or latest image tag', async () => {
    // The starter's release and image jobs run on pushes to main only; the final tag runs deploy-prod, then release-final.
    expect(starter.jobs.release!.if).toContain("github.ref == 'refs/heads/main'");
    expect(starter.jobs.image!.needs).toBe('release');
    const list = (await (await fetch(`${registry.url}/v2/acme/app/tags/list`)).json()) as { tags: string[] };
    expect([...list.tags].sort()).toEqual(['1.0.0', '1.1.0-rc.1', 'main', `sha-${app.head}`].sort());
  });

  it('no step printed the GitHub token or the registry password outside the mask commands', () => {
    const leaks = logs.join('\n').split('\n').filter((l) => !l.startsWith('::add-mask::') && (l.includes(githubToken) || l.includes(registryPassword)));
    expect(leaks).toEqual([]);
    expect(logs.join('\n')).toContain(`::add-mask::${registryPassword}`);
    expect(logs.join('\n')).toContain(`::add-mask::${githubToken}`);
  });
});
