/**
 * The whole pipeline of workflows/pipeline.yml, step by step, on the BUILT bundles through the runner contract:
 *
 *   push to main   → release (GitHub API stand-in) → build-image (real buildah, real docker-registry)
 *                  → scan-image (stand-in grype replaying a corpus report) → promote to dev
 *   tag v1.1.0     → promote to prod: refused, stage never ran the digest
 *   by hand        → promote to stage, by the image's sha-<commit> tag (a failing verdict is refused first)
 *   tag v1.1.0     → the prod job again: promoted
 *
 * The application and GitOps repositories are real git repositories with bare remotes on disk. Each step gets
 * its inputs from the outputs of the step before, as the workflow's expressions hand them on, and the image
 * digest is checked at every hop: registry, verdict file, each environment's manifest, each deployment.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importGitRepository, startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { parseVerdict } from '@conveyor/scan/verdict';
import { payloadOf } from '../../packages/image/src/__fixtures__/events.ts';
import { corpusPath } from '../support/corpus.ts';
import { hasBinary, startRegistry, type Registry } from '../support/registry.ts';
import { cleanupTempDirs, tempDir } from '../support/tmp.ts';
import { standInCalls, writeStandInGrype } from '../scan/standin.ts';
import { pushImage } from '../promote/support.ts';
import {
  appRepository, buildBundles, digestsIn, environmentsFile, errors, git, gitEnv, gitopsFiles, gitopsRepository,
  runStep, type ActionRun, type AppRepository, type PipelineAction,
} from './pipeline-support.ts';

const tools = hasBinary('buildah') && hasBinary('docker-registry') && hasBinary('git');
if (!tools) console.log('buildah, docker-registry or git is not installed: skipping the pipeline end-to-end test');
const grypeCorpus = tools ? corpusPath('grype', 'defectdojo') : undefined;
// A real grype report (grype 0.75.0) with one High match and nothing Critical.
const REPORT = grypeCorpus ? path.join(grypeCorpus, 'fix_available.json') : '';

const OWNER = 'acme';
const REPO = 'app';
const ACCEPT = ['application/vnd.oci.image.index.v1+json', 'application/vnd.oci.image.manifest.v1+json'].join(', ');

(tools && grypeCorpus ? describe : describe.skip)('the starter pipeline: release → build → scan → promote dev, stage, prod', () => {
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
  let passVerdict: string;
  let failVerdict: string;

  const githubToken = 'ghs_pipeline_token_0001';
  const registryPassword = 'registry-token-0002';

  /** The event of a run: a push payload for `ref` and the runner variables that go with it. */
  function event(name: 'push' | 'workflow_dispatch', ref: string): NodeJS.ProcessEnv {
    const payload = payloadOf('push', (p) => p.deleted === false && String(p.ref).startsWith('refs/heads/'));
    Object.assign(payload, { ref, before: app.before, after: app.head, base_ref: ref.startsWith('refs/tags/') ? 'refs/heads/main' : null });
    (payload.head_commit as { id: string }).id = app.head;
    Object.assign(payload.repository as object, {
      name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: 'main', html_url: `https://github.com/${OWNER}/${REPO}`, description: 'The greeting app', license: null,
    });
    const file = path.join(tmp, `event-${++steps}.json`);
    fs.writeFileSync(file, JSON.stringify(name === 'push' ? payload : { ref, inputs: {}, repository: payload.repository }));
    return {
      GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file, GITHUB_REF: ref, GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
      GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch', GITHUB_SHA: app.head,
    };
  }

  /** One step of a job: the bundle in the checkout, with the runner's variables and a fresh RUNNER_TEMP. */
  function step(action: PipelineAction, inputs: Record<string, string>, runEnv: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
    const stepDir = path.join(tmp, 'steps', `${++steps}-${action}`);
    fs.mkdirSync(path.join(stepDir, 'runner-temp'), { recursive: true });
    return runStep(scripts[action], {
      cwd: app.checkout, stepDir, inputs,
      env: {
        ...env, ...runEnv,
        GITHUB_WORKSPACE: app.checkout, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: api.url,
        GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: String(1000 + steps), GITHUB_ACTOR: 'ada',
        RUNNER_TEMP: path.join(stepDir, 'runner-temp'), RUNNER_TOOL_CACHE: path.join(tmp, 'tool-cache'),
        ...extra,
      },
    }).then((run) => {
      logs.push(run.stdout, run.stderr, run.summary);
      return run;
    });
  }

  const promoteInputs = (environment: string, digestInput: string, version: string, verdictFile: string) => ({
    environment, image, digest: digestInput, version, 'verdict-file': verdictFile,
    'environments-file': '.github/conveyor/environments.yml', 'github-token': githubToken, 'gitops-token': '',
  });
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

  it('release on the push to main: version 1.1.0, the tag on the pushed commit and the release on GitHub', async () => {
    release = await step('release', {
      'github-token': githubToken, 'tag-format': 'v${version}', path: '', 'floating-tags': 'true', 'dry-run': 'false',
    }, event('push', 'refs/heads/main'));
    expect(errors(release)).toBe('');
    expect(release.status).toBe(0);
    expect(release.outputs).toMatchObject({
      released: 'true', version: '1.1.0', 'previous-version': '1.0.0', tag: 'v1.1.0', bump: 'minor', sha: app.head,
    });
    const tag = api.state.findRef(OWNER, REPO, 'refs/tags/v1.1.0');
    expect(tag && api.state.peel(OWNER, REPO, tag.sha)).toBe(app.head);
    expect(api.state.findRef(OWNER, REPO, 'refs/tags/v1')?.sha).toBe(app.head);
    expect(api.state.releases).toHaveLength(1);
    expect(api.state.releases[0]).toMatchObject({ tagName: 'v1.1.0', prerelease: false });
    expect(api.state.releases[0]!.body).toContain('greet in French');
    expect(api.state.releases[0]!.body).toContain('label the image');
    expect(release.outputs['release-id']).toBe(String(api.state.releases[0]!.id));
  });

  it('build-image on the same push: tags from git and the release, pushed to the registry, one digest', async () => {
    // reusable-image.yml's tag rules, with the release's tag given as the semver value: on a push to a branch
    // a bare type=semver rule has no tag to read and gives nothing.
    built = await step('build-image', {
      images: image, context: '.', file: '', platforms: 'linux/amd64', push: 'true',
      registry: registry.host, username: 'ada', password: registryPassword,
      tags: [
        'type=ref,event=branch', 'type=ref,event=pr',
        `type=semver,pattern={{version}},value=${release.outputs.tag}`,
        `type=semver,pattern={{major}}.{{minor}},value=${release.outputs.tag}`,
        'type=sha,format=long',
      ].join('\n'),
      'buildah-options': `--storage-driver vfs --root ${path.join(tmp, 'storage')} --runroot ${path.join(tmp, 'run')}`,
    }, event('push', 'refs/heads/main'), { REGISTRY_AUTH_FILE: path.join(tmp, 'auth.json'), SOURCE_DATE_EPOCH: git(app.checkout, env, 'log', '-1', '--format=%ct') });
    expect(errors(built)).toBe('');
    expect(built.status).toBe(0);
    digest = built.outputs.digest!;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digest).not.toBe(oldDigest);
    expect(built.outputs.image).toBe(`${image}@${digest}`);
    const tags = ['1.1.0', '1.1', 'main', `sha-${app.head}`, 'latest'];
    expect([...built.outputs.tags!.split('\n')].sort()).toEqual(tags.map((t) => `${image}:${t}`).sort());
    expect(built.outputs.version).toBe('1.1.0');

    // The registry itself: every tag is the pushed digest, and the digest is there.
    for (const t of tags) {
      const res = await fetch(`${registry.url}/v2/acme/app/manifests/${t}`, { method: 'HEAD', headers: { accept: ACCEPT } });
      expect([t, res.status, res.headers.get('docker-content-digest')]).toEqual([t, 200, digest]);
    }
    const manifest = await fetch(`${registry.url}/v2/acme/app/manifests/${digest}`, { headers: { accept: ACCEPT } });
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('docker-content-digest')).toBe(digest);
    // One platform: an image manifest whose config carries the commit and the release's version as labels.
    const body = (await manifest.json()) as { mediaType: string; config: { digest: string } };
    expect(body.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    const config = (await (await fetch(`${registry.url}/v2/acme/app/blobs/${body.config.digest}`)).json()) as { architecture: string; config: { Labels: Record<string, string> } };
    expect(config.architecture).toBe('amd64');
    expect(config.config.Labels).toMatchObject({
      'org.opencontainers.image.revision': app.head, 'org.opencontainers.image.version': '1.1.0',
      'org.opencontainers.image.source': 'https://github.com/acme/app', 'org.example.greeting': 'bilingual',
    });
  });

  it('scan-image on the pushed image@digest: a verdict file for exactly that digest', async () => {
    const scan = (cutoff: string) => {
      const log = path.join(tmp, `grype-${cutoff}.jsonl`);
      return step('scan-image', { image: built.outputs.image!, 'severity-cutoff': cutoff, 'grype-version': '', 'fail-build': 'false' }, event('push', 'refs/heads/main'), {
        PATH: `${grypeBin}${path.delimiter}${process.env.PATH}`, STANDIN_GRYPE_REPORT: REPORT, STANDIN_GRYPE_SOURCE: built.outputs.image!, STANDIN_GRYPE_LOG: log,
      }).then((run) => ({ run, calls: standInCalls(log) }));
    };
    // The pass case: nothing Critical, and the cut-off is critical.
    const pass = await scan('critical');
    expect(errors(pass.run)).toBe('');
    expect(pass.run.status).toBe(0);
    expect(pass.calls.map((c) => c.args[0])).toEqual([`${image}@${digest}`]);
    expect(pass.run.outputs.verdict).toBe('pass');
    expect(JSON.parse(pass.run.outputs.counts!)).toMatchObject({ critical: 0, high: 1 });
    passVerdict = pass.run.outputs['verdict-file']!;
    const verdict = parseVerdict(fs.readFileSync(passVerdict, 'utf8'), passVerdict);
    expect(verdict).toMatchObject({ decision: 'pass', image: `${image}@${digest}`, digest, policy: { severityCutoff: 'critical' } });

    // The same report under reusable-image.yml's default cut-off (high) fails; fail-build false keeps the step green.
    const fail = await scan('high');
    expect(fail.run.status).toBe(0);
    expect(fail.run.outputs.verdict).toBe('fail');
    failVerdict = fail.run.outputs['verdict-file']!;
    expect(parseVerdict(fs.readFileSync(failVerdict, 'utf8'), failVerdict)).toMatchObject({ decision: 'fail', digest });
  });

  it('promote to dev with the build\'s digest and the release\'s version', async () => {
    const dev = await step('promote', promoteInputs('dev', built.outputs.digest!, release.outputs.version!, passVerdict), event('push', 'refs/heads/main'));
    expect(errors(dev)).toBe('');
    expect(dev.status).toBe(0);
    expect(dev.outputs).toMatchObject({
      changed: 'true', digest, 'previous-digest': oldDigest, 'commit-sha': gitopsHead(), files: '["dev/kustomization.yaml"]',
    });
    expect(digestsIn(gitopsFile('dev/kustomization.yaml'))).toEqual([digest]);
    expect(gitopsFile('dev/kustomization.yaml')).toContain('newTag: "1.1.0"');
    expect(digestsIn(gitopsFile('stage/values.yaml'))).toEqual([oldDigest]);
    expect(dev.outputs['deployment-id']).toBe(String(deploymentsOf('dev')[0]?.id));
  });

  it('the v1.1.0 tag push deploys to prod: refused, stage does not run the digest yet, nothing written', async () => {
    const before = gitopsHead();
    const prod = await step('promote', promoteInputs('prod', `sha-${app.head}`, 'v1.1.0', passVerdict), event('push', 'refs/tags/v1.1.0'));
    expect(prod.status).toBe(1);
    expect(errors(prod)).toContain(`Refusing to promote ${digest} to 'prod': the environment before it, 'stage', runs ${oldDigest}, not the digest asked for (${digest}).`);
    expect(gitopsHead()).toBe(before);
    expect(deploymentsOf('production')).toEqual([]);
  });

  it('promote to stage by the image\'s sha-<commit> tag: a failing verdict is refused, a passing one promotes', async () => {
    const dispatch = event('workflow_dispatch', 'refs/heads/main');
    const before = gitopsHead();
    const refused = await step('promote', promoteInputs('stage', `sha-${app.head}`, release.outputs.version!, failVerdict), dispatch);
    expect(refused.status).toBe(1);
    expect(errors(refused)).toContain(`Refusing to promote ${digest} to 'stage': its scan verdict (${failVerdict}) is 'fail' (1 high); it requires a pass.`);
    expect(gitopsHead()).toBe(before);
    expect(deploymentsOf('stage')).toEqual([]);

    const stage = await step('promote', promoteInputs('stage', `sha-${app.head}`, release.outputs.version!, passVerdict), dispatch);
    expect(errors(stage)).toBe('');
    expect(stage.status).toBe(0);
    expect(stage.outputs).toMatchObject({ changed: 'true', digest, 'previous-digest': oldDigest, 'commit-sha': gitopsHead(), files: '["stage/values.yaml"]' });
    expect(digestsIn(gitopsFile('stage/values.yaml'))).toEqual([digest]);
    expect(git(tmp, env, '--git-dir', gitops, 'log', '-1', '--format=%B', 'main')).toContain('Conveyor-From: dev');
  });

  it('the prod job of the v1.1.0 tag, run again: promoted by the same tag to the same digest', async () => {
    const prod = await step('promote', promoteInputs('prod', `sha-${app.head}`, 'v1.1.0', passVerdict), event('push', 'refs/tags/v1.1.0'));
    expect(errors(prod)).toBe('');
    expect(prod.status).toBe(0);
    expect(prod.outputs).toMatchObject({ changed: 'true', digest, 'previous-digest': oldDigest, 'commit-sha': gitopsHead(), files: '["prod/deployment.yaml"]' });
    expect(git(tmp, env, '--git-dir', gitops, 'log', '-1', '--format=%B', 'main')).toContain('Conveyor-From: stage');
  });

  it('every environment runs exactly the built digest, recorded as a successful deployment of the pushed commit', async () => {
    expect(digestsIn(gitopsFile('dev/kustomization.yaml'))).toEqual([digest]);
    expect(digestsIn(gitopsFile('stage/values.yaml'))).toEqual([digest]);
    expect(digestsIn(gitopsFile('prod/deployment.yaml'))).toEqual([digest]);
    // deploy-prod hands promote the git tag's name (github.ref_name, v1.1.0) as the version, so prod's informative
    // tag is v1.1.0 while dev got the release's version (1.1.0); the digest is what runs, and it is the same.
    expect(gitopsFile('prod/deployment.yaml')).toContain(`image: ${image}:v1.1.0@${digest} # {"$imagepolicy": "flux-system:app"}`);
    expect(git(tmp, env, '--git-dir', gitops, 'log', '--format=%s', 'main').split('\n')).toHaveLength(4);

    for (const environment of ['dev', 'stage', 'production']) {
      const deployments = deploymentsOf(environment);
      expect(deployments.map((d) => [d.environment, d.sha, (d.payload as { digest?: string }).digest])).toEqual([[environment, app.head, digest]]);
      const states = api.state.deploymentStatuses.filter((s) => s.deploymentId === deployments[0]!.id).map((s) => s.state);
      expect([environment, states]).toEqual([environment, ['in_progress', 'success']]);
    }
    expect(api.state.deployments.find((d) => d.environment === 'production')?.productionEnvironment).toBe(true);
    expect(api.violations).toEqual([]);
  });

  it('no step printed the GitHub token or the registry password outside the mask commands', () => {
    const leaks = logs.join('\n').split('\n').filter((l) => !l.startsWith('::add-mask::') && (l.includes(githubToken) || l.includes(registryPassword)));
    expect(leaks).toEqual([]);
    expect(logs.join('\n')).toContain(`::add-mask::${registryPassword}`);
  });
});
