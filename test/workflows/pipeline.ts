/**
 * The starter pipeline (workflows/pipeline.yml) run by act in a throwaway application repository, event by
 * event, against the real parts: `conveyor/conveyor@v1` is this checkout, GITHUB_API_URL the API stand-in,
 * the image is built by buildah and pushed to a real docker-registry, and the GitOps repository is a bare
 * remote. After each event the checks read the state that results: tags and releases in the stand-in, the
 * registry's tags and digests, the manifests in the GitOps repository, the deployments recorded. Each event
 * is run a second time and must change nothing.
 *
 *   push to main         → version computed, image built/scanned/pushed, dev deployed, then the rc tag
 *   tag v1.1.0 too early → prod refused (stage does not run the digest), nothing written
 *   tag v1.1.0-rc.1      → stage deployed
 *   tag v1.1.0 again     → prod deployed, then the GitHub release of v1.1.0 and the floating tags
 *   workflow_dispatch    → dev redeployed by hand with the old digest, from a branch whose rules differ
 */
import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pushImage } from '../promote/support.ts';
import { corpusDir, repoRoot } from '../support/corpus.ts';
import { check } from './checks.ts';
import { grypeCalls } from './grype-standin.ts';
import {
  createRepository, git, jobState, logTail, registryDigest, registryTags, runAct, syncApi, syncRemote, writeFiles, type ActRun, type World,
} from './harness.ts';

const SCOPE = 'workflows/pipeline.yml';
const APP = 'acme/app';
const GITOPS = 'acme/gitops';

function gitopsFiles(image: string, digest: string): Record<string, string> {
  return {
    'dev/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\nimages:\n  - name: ${image}\n    newTag: "1.0.0"\n    digest: ${digest}\n`,
    'stage/values.yaml': `app:\n  image:\n    repository: ${image}\n    tag: "1.0.0"\n    digest: ${digest}\n  replicas: 2\n`,
    'prod/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}:1.0.0@${digest} # {"$imagepolicy": "flux-system:app"}\n`,
  };
}

function environmentsFile(image: string, gitops: string, stageRequiresVerdict = true): string {
  return `# dev → stage → prod, one GitOps repository
environments:
  - name: dev
    url: ${gitops}
    targets:
      - {kind: kustomize, file: dev/kustomization.yaml, image: ${image}}
  - name: stage
    url: ${gitops}
    require-verdict: ${stageRequiresVerdict}
    targets:
      - {kind: helm, file: stage/values.yaml, image: ${image}, tag: app.image.tag, digest: app.image.digest}
  - name: prod
    url: ${gitops}
    require-verdict: true
    targets:
      - {kind: setter, file: prod/*.yaml, image: ${image}, policy: "flux-system:app"}
`;
}

const digestsIn = (text: string): string[] => [...text.matchAll(/sha256:[0-9a-f]{64}/g)].map((m) => m[0]);

export async function pipelineScenario(world: World): Promise<void> {
  const { api, gitEnv } = world;
  const image = `${world.registry.host}/acme/app`;
  const grypeLog = path.join(world.tmp, 'grype-calls.jsonl');
  const clean = path.join(corpusDir(), 'grype', 'defectdojo', 'no_vuln.json');
  const high = path.join(corpusDir(), 'grype', 'defectdojo', 'fix_available.json');
  assert.ok(fs.existsSync(clean), `the corpus report ${clean} is missing (set CONVEYOR_CORPUS)`);
  const oldDigest = await pushImage(world.registry.url, 'acme/app', '1.0.0', 'app 1.0.0');
  // The release jobs' credential: a GitHub App installed on acme/app, whose key the runs get as a secret.
  const appKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const appId = api.state.addApp({ publicKey: appKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(), slug: 'acme-release' }).id;
  const appPrivateKey = appKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  const gitops = createRepository(world, GITOPS, gitopsFiles(image, oldDigest), 'seed the environments');
  const starter = fs.readFileSync(path.join(repoRoot, 'workflows', 'pipeline.yml'), 'utf8');
  const app = createRepository(world, APP, {
    '.github/workflows/pipeline.yml': starter,
    '.github/conveyor/environments.yml': environmentsFile(image, gitops.remote),
    'Containerfile': 'FROM scratch\nCOPY greeting.txt /greeting.txt\n',
    'greeting.txt': 'hello\n',
  }, 'feat: serve a greeting');
  git(app.work, gitEnv, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  writeFiles(app.work, { 'greeting.txt': 'hello\nbonjour\n' });
  git(app.work, gitEnv, 'commit', '-q', '-am', 'feat(i18n): greet in French (#7)');
  fs.appendFileSync(path.join(app.work, 'Containerfile'), 'LABEL org.example.greeting=bilingual\n');
  git(app.work, gitEnv, 'commit', '-q', '-am', 'fix: label the image\n\nCloses #8');
  git(app.work, gitEnv, 'push', '-q', '--follow-tags', 'origin', 'main');
  syncApi(world, APP);
  api.state.installApp({ appId, account: 'acme', repositories: ['app'], permissions: { contents: 'write' } });
  const head = git(app.work, gitEnv, 'rev-parse', 'HEAD');
  const before = git(app.work, gitEnv, 'rev-parse', 'HEAD~1');
  // act names the repository from origin's URL; the jobs' checkouts come from the bare remote.
  git(app.work, gitEnv, 'remote', 'set-url', 'origin', 'https://github.com/acme/app');

  const repository = { name: 'app', full_name: APP, owner: { login: 'acme' }, default_branch: 'main', html_url: 'https://github.com/acme/app', private: false };
  const pushPayload = (ref: string, sha: string) => ({
    ref, before: ref.startsWith('refs/tags/') ? '0'.repeat(40) : before, after: sha, created: ref.startsWith('refs/tags/'), deleted: false,
    repository, head_commit: { id: sha, timestamp: new Date().toISOString(), message: 'x' }, pusher: { name: 'ada' },
  });
  const run = (event: 'push' | 'workflow_dispatch', payload: Record<string, unknown>, report = clean): Promise<ActRun> => runAct(world, {
    cwd: app.work, event, payload, workflow: '.github/workflows/pipeline.yml',
    secrets: { RELEASE_APP_KEY: appPrivateKey },
    vars: { CONVEYOR_IMAGE: image, RELEASE_APP_ID: String(appId) },
    env: { CONVEYOR_TEST_GRYPE_REPORT: report, CONVEYOR_TEST_GRYPE_LOG: grypeLog },
  });
  const gitopsHead = () => git(world.tmp, gitEnv, '--git-dir', gitops.remote, 'rev-parse', 'main');
  const gitopsFile = (file: string) => git(world.tmp, gitEnv, '--git-dir', gitops.remote, 'show', `main:${file}`);
  const releases = () => api.state.releases.map((r) => [r.tagName, r.prerelease]);
  const deployments = () => api.state.deployments.map((d) => [d.environment, d.sha, (d.payload as { digest?: string }).digest]);
  const tagSha = (tag: string) => {
    const ref = api.state.findRef('acme', 'app', `refs/tags/${tag}`);
    return ref ? api.state.peel('acme', 'app', ref.sha) : undefined;
  };
  const succeeded = (r: ActRun, ...jobs: string[]) => {
    for (const job of jobs) assert.equal(jobState(r, job), 'succeeded', `job ${job}: ${jobState(r, job) ?? 'did not run'} (jobs: ${JSON.stringify(r.jobs)})\n${logTail(r)}`);
  };
  const skipped = (r: ActRun, ...jobs: string[]) => {
    for (const job of jobs) assert.equal(jobState(r, job), undefined, `job ${job} ran: ${JSON.stringify(r.jobs)}`);
  };

  // ── push to main ───────────────────────────────────────────────────────────────────────────────────────
  const main = await run('push', pushPayload('refs/heads/main', head));
  let digest = '';
  await check(SCOPE, 'push to main: version, image, deploy-dev and release succeed; no stage or prod job runs', () => {
    assert.equal(main.status, 0, logTail(main));
    succeeded(main, 'version', 'image', 'deploy-dev', 'release');
    skipped(main, 'deploy-stage', 'deploy-prod', 'release-final', 'deploy-by-hand');
  });
  await check(SCOPE, 'push to main: the image is in the registry by digest, tagged 1.1.0-rc.1, main and sha-<commit>', async () => {
    digest = (await registryDigest(world, 'acme/app', `sha-${head}`)) ?? '';
    assert.match(digest, /^sha256:[0-9a-f]{64}$/);
    assert.notEqual(digest, oldDigest);
    assert.deepEqual(await registryTags(world, 'acme/app'), ['1.0.0', '1.1.0-rc.1', 'main', `sha-${head}`].sort());
    for (const tag of ['1.1.0-rc.1', 'main']) assert.equal(await registryDigest(world, 'acme/app', tag), digest, tag);
    const accept = 'application/vnd.oci.image.manifest.v1+json';
    const manifest = (await (await fetch(`${world.registry.url}/v2/acme/app/manifests/${digest}`, { headers: { accept } })).json()) as { config: { digest: string } };
    const config = (await (await fetch(`${world.registry.url}/v2/acme/app/blobs/${manifest.config.digest}`)).json()) as { config: { Labels: Record<string, string> } };
    assert.deepEqual(
      [config.config.Labels['org.opencontainers.image.revision'], config.config.Labels['org.opencontainers.image.version'], config.config.Labels['org.example.greeting']],
      [head, '1.1.0-rc.1', 'bilingual'],
    );
  });
  await check(SCOPE, 'push to main: the scan ran on name@digest (image job) and again before dev (deploy job)', () => {
    const calls = grypeCalls(grypeLog);
    assert.deepEqual(calls.map((c) => [c.source, c.digest]), [[`${image}@${digest}`, digest], [`${image}@${digest}`, digest]]);
  });
  await check(SCOPE, 'push to main: the SARIF reached code scanning for the pushed commit', () => {
    assert.deepEqual(api.state.sarifUploads.map((u) => [u.commitSha, u.ref, u.category]), [[head, 'refs/heads/main', 'conveyor-scan-image/']]);
  });
  await check(SCOPE, 'push to main: dev runs the digest, stage and prod untouched, one deployment recorded', () => {
    assert.deepEqual(digestsIn(gitopsFile('dev/kustomization.yaml')), [digest]);
    assert.match(gitopsFile('dev/kustomization.yaml'), /newTag: "1\.1\.0-rc\.1"/);
    assert.deepEqual(digestsIn(gitopsFile('stage/values.yaml')), [oldDigest]);
    assert.deepEqual(digestsIn(gitopsFile('prod/deployment.yaml')), [oldDigest]);
    assert.deepEqual(deployments(), [['dev', head, digest]]);
  });
  await check(SCOPE, 'push to main: the rc tag and prerelease are made last, after dev is deployed; no floating tag moves', () => {
    assert.equal(tagSha('v1.1.0-rc.1'), head);
    assert.deepEqual(releases(), [['v1.1.0-rc.1', true]]);
    assert.match(api.state.releases[0]!.body ?? '', /greet in French[\s\S]*label the image|label the image[\s\S]*greet in French/);
    assert.equal(tagSha('v1'), undefined);
    const order = api.requests.map((r) => r.operationId);
    const deployed = order.indexOf('repos/create-deployment');
    const tagged = order.indexOf('git/create-ref');
    assert.ok(deployed >= 0 && tagged > deployed, `the tag (request ${tagged}) must come after the dev deployment (request ${deployed})`);
  });
  await check(SCOPE, 'push to main: the release was made with the installation token the release step minted from the App key, then revoked', () => {
    const made = api.requests.filter((r) => r.operationId === 'git/create-ref' || r.operationId === 'repos/create-release');
    assert.deepEqual(made.map((r) => [r.operationId, r.status, r.auth?.kind]), [['git/create-ref', 201, 'installation'], ['repos/create-release', 201, 'installation']]);
    assert.ok(api.requests.some((r) => r.operationId === 'apps/revoke-installation-access-token' && r.status === 204), 'the token was not revoked');
  });

  const gitopsAfterMain = gitopsHead();
  const deploymentsAfterMain = deployments();
  // From here the repository is private without code scanning: GitHub refuses SARIF uploads.
  api.state.repository('acme', 'app')!.codeScanning = false;
  const again = await run('push', pushPayload('refs/heads/main', head));
  await check(SCOPE, 'push to main, re-run: the same digest is rebuilt, nothing else changes', async () => {
    assert.equal(again.status, 0, logTail(again));
    assert.equal(await registryDigest(world, 'acme/app', `sha-${head}`), digest);
    assert.equal(gitopsHead(), gitopsAfterMain);
    assert.deepEqual(releases(), [['v1.1.0-rc.1', true]]);
    assert.deepEqual(deployments(), deploymentsAfterMain);
    assert.equal(tagSha('v1.1.0-rc.1'), head);
  });
  await check(SCOPE, 'push to main, re-run in a repository without code scanning: the upload is refused, the job says why and goes on', () => {
    succeeded(again, 'image');
    assert.match(again.log, /::warning title=SARIF upload refused::Code scanning refused the SARIF upload/);
    assert.equal(api.state.sarifUploads.length, 1);
  });

  // The release created its tag through the API; GitHub's repository now holds it, and its push starts the next runs.
  syncRemote(world, APP);
  git(app.work, gitEnv, 'fetch', '-q', '--tags', path.join(world.gitRoot, `${APP}.git`));

  // ── the final tag pushed too early ─────────────────────────────────────────────────────────────────────
  const gitopsBeforeProd = gitopsHead();
  const deploymentsBeforeProd = api.state.deployments.length;
  git(app.work, gitEnv, 'tag', 'v1.1.0', head);
  git(app.work, gitEnv, 'push', '-q', path.join(world.gitRoot, `${APP}.git`), 'refs/tags/v1.1.0');
  syncApi(world, APP);
  const early = await run('push', pushPayload('refs/tags/v1.1.0', head));
  await check(SCOPE, 'tag v1.1.0 before stage: prod refused with the reason, nothing written, no release made', () => {
    assert.notEqual(early.status, 0);
    assert.equal(jobState(early, 'deploy-prod'), 'failed', JSON.stringify(early.jobs));
    skipped(early, 'release-final', 'deploy-stage', 'image');
    assert.match(early.log, new RegExp(`Refusing to promote ${digest} to 'prod': the environment before it, 'stage', runs ${oldDigest}`));
    assert.equal(gitopsHead(), gitopsBeforeProd);
    assert.equal(api.state.deployments.length, deploymentsBeforeProd);
    assert.deepEqual(releases(), [['v1.1.0-rc.1', true]]);
  });

  // ── the release candidate's tag ────────────────────────────────────────────────────────────────────────
  const rc = await run('push', pushPayload('refs/tags/v1.1.0-rc.1', head));
  await check(SCOPE, 'tag v1.1.0-rc.1: stage runs the digest built from the commit, one deployment', () => {
    assert.equal(rc.status, 0, logTail(rc));
    succeeded(rc, 'deploy-stage');
    skipped(rc, 'deploy-prod', 'image', 'release');
    assert.deepEqual(digestsIn(gitopsFile('stage/values.yaml')), [digest]);
    assert.match(gitopsFile('stage/values.yaml'), /tag: "1\.1\.0-rc\.1"/);
    assert.deepEqual(deployments().filter(([e]) => e === 'stage'), [['stage', head, digest]]);
  });
  const gitopsAfterStage = gitopsHead();
  const rcAgain = await run('push', pushPayload('refs/tags/v1.1.0-rc.1', head));
  await check(SCOPE, 'tag v1.1.0-rc.1, re-run: nothing changes in the GitOps repository', () => {
    assert.equal(rcAgain.status, 0, logTail(rcAgain));
    assert.equal(gitopsHead(), gitopsAfterStage);
  });

  // ── the final tag, after stage ─────────────────────────────────────────────────────────────────────────
  const final = await run('push', pushPayload('refs/tags/v1.1.0', head));
  await check(SCOPE, 'tag v1.1.0 after stage: prod runs the digest, then the GitHub release of v1.1.0 and v1, v1.1 move', () => {
    assert.equal(final.status, 0, logTail(final));
    succeeded(final, 'deploy-prod', 'release-final');
    assert.match(gitopsFile('prod/deployment.yaml'), new RegExp(`image: ${image.replace(/[.]/g, '\\.')}:1\\.1\\.0@${digest}`));
    assert.deepEqual(releases(), [['v1.1.0-rc.1', true], ['v1.1.0', false]]);
    assert.equal(tagSha('v1'), head);
    assert.equal(tagSha('v1.1'), head);
    assert.deepEqual(deployments().filter(([e]) => e === 'prod'), [['prod', head, digest]]);
  });
  const gitopsAfterProd = gitopsHead();
  const finalAgain = await run('push', pushPayload('refs/tags/v1.1.0', head));
  await check(SCOPE, 'tag v1.1.0, re-run: no new commit, release or tag', () => {
    assert.equal(finalAgain.status, 0, logTail(finalAgain));
    assert.equal(gitopsHead(), gitopsAfterProd);
    assert.deepEqual(releases(), [['v1.1.0-rc.1', true], ['v1.1.0', false]]);
  });

  // ── by hand, from a branch that drops stage's verdict rule ─────────────────────────────────────────────
  git(app.work, gitEnv, 'checkout', '-q', '-b', 'loose-rules');
  writeFiles(app.work, { '.github/conveyor/environments.yml': environmentsFile(image, gitops.remote, false) });
  git(app.work, gitEnv, 'commit', '-q', '-am', 'chore: stage without a verdict');
  git(app.work, gitEnv, 'push', '-q', path.join(world.gitRoot, `${APP}.git`), 'loose-rules');
  syncApi(world, APP);
  const dispatch = (environment: string, digestInput: string, report = clean) => run('workflow_dispatch', {
    ref: 'refs/heads/loose-rules', inputs: { environment, digest: digestInput, version: '1.0.0' }, repository,
  }, report);
  const byHand = await dispatch('dev', oldDigest);
  await check(SCOPE, 'workflow_dispatch: dev deployed by hand with the digest given, one deployment', () => {
    assert.equal(byHand.status, 0, logTail(byHand));
    succeeded(byHand, 'deploy-by-hand');
    skipped(byHand, 'version', 'image', 'deploy-dev', 'release', 'deploy-stage', 'deploy-prod');
    assert.deepEqual(digestsIn(gitopsFile('dev/kustomization.yaml')), [oldDigest]);
    assert.deepEqual(deployments().filter(([e, , d]) => e === 'dev' && d === oldDigest).length, 1);
  });
  const gitopsAfterHand = gitopsHead();
  const deploymentsAfterHand = deployments();
  const byHandAgain = await dispatch('dev', oldDigest);
  await check(SCOPE, 'workflow_dispatch, re-run: nothing changes in the GitOps repository, no deployment added', () => {
    assert.equal(byHandAgain.status, 0, logTail(byHandAgain));
    assert.equal(gitopsHead(), gitopsAfterHand);
    assert.deepEqual(deployments(), deploymentsAfterHand);
  });
  // stage's rule on the dispatched branch says no verdict is needed; the default branch's says one is.
  const refused = await dispatch('stage', oldDigest, high);
  await check(SCOPE, 'workflow_dispatch from a branch that drops stage\'s verdict rule: the default branch\'s rule holds, the failing scan is refused', () => {
    assert.notEqual(refused.status, 0, logTail(refused));
    assert.match(refused.log, /Refusing to promote sha256:[0-9a-f]{64} to 'stage': its scan verdict \(\S+\) is 'fail' \(1 high\)/, logTail(refused));
    assert.deepEqual(digestsIn(gitopsFile('stage/values.yaml')), [digest]);
    assert.equal(gitopsHead(), gitopsAfterHand);
  });

  await check(SCOPE, 'no run printed the GitHub token, a minted installation token or the App key', () => {
    const logs = fs.readdirSync(path.join(world.tmp, 'act')).map((d) => fs.readFileSync(path.join(world.tmp, 'act', d, 'act.log'), 'utf8')).join('\n');
    const minted = api.requests.filter((r) => r.auth?.kind === 'installation').map((r) => r.auth!.token!);
    assert.ok(minted.length > 0);
    for (const secret of [world.token, ...new Set(minted), appPrivateKey.split('\n')[1]!]) assert.ok(!logs.includes(secret), `${secret.slice(0, 8)}… reached a log`);
  });
  await check(SCOPE, 'every request the workflows made to the API stand-in matched GitHub\'s OpenAPI description', () => {
    assert.deepEqual(api.violations, []);
  });
}
