/**
 * examples/eks-flux-vault under act: the example's files committed to a throwaway repository (its image name
 * replaced by one on the local registry, as a user puts in their own), then its delivery workflow's events:
 *
 *   push to main      → image built from the example's Containerfile and pushed, dev promoted in the
 *                       repository's own deploy/ overlays, scripts/notify.sh run with the SOPS config
 *   tag v1.0 too soon → prod refused (stage does not run the digest)
 *   tag v1.0-rc.1     → stage, the image built from the tagged commit
 *   tag v1.0          → prod (a scan verdict required), then a re-run that changes nothing
 *
 * The hand-made tags are not semantic versions (no patch): the workflow routes them by name, and the checks
 * read the overlays, the registry and the deployments, and that the decrypted webhook never reached a log.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir, repoRoot } from '../support/corpus.ts';
import { findTool } from '../support/tools.ts';
import { check } from './checks.ts';
import {
  createRepository, exampleFiles, git, jobState, keepExecutables, logTail as tail, registryDigest, registryTags, runAct, seedBaseImage, syncApi, syncRemote, type World,
} from './harness.ts';

const SCOPE = 'examples/eks-flux-vault';

export async function eksFluxVaultExample(world: World): Promise<void> {
  const sops = findTool('sops');
  assert.ok(sops, 'sops is needed to read the example\'s test key back (npm run tools)');
  const image = `${world.registry.host}/acme/ledger`;
  const files = exampleFiles('eks-flux-vault', ['ghcr.io/acme/ledger', image]);
  const keyFile = path.join(repoRoot, 'examples', 'eks-flux-vault', 'test-keys', 'age-test-key.txt');
  const identity = fs.readFileSync(keyFile, 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!;
  const plain = execFileSync(sops, ['decrypt', path.join(repoRoot, 'examples', 'eks-flux-vault', 'config', 'deploy.sops.env')], {
    env: { ...process.env, SOPS_AGE_KEY_FILE: keyFile }, encoding: 'utf8',
  });
  const webhook = /^SLACK_WEBHOOK_URL=(.*)$/m.exec(plain)?.[1] ?? '';
  assert.ok(webhook.length > 10, 'the example config has no SLACK_WEBHOOK_URL');
  seedBaseImage(world, 'docker.io/library/node:24-alpine');

  const repo = createRepository(world, 'acme/ledger', files, 'feat: the ledger service');
  // The example's executable scripts stay executable, as they are in this repository.
  assert.ok(keepExecutables(world, 'eks-flux-vault', repo.work, 'acme/ledger').includes('scripts/notify.sh'));
  const head = git(repo.work, world.gitEnv, 'rev-parse', 'HEAD');
  git(repo.work, world.gitEnv, 'remote', 'set-url', 'origin', 'https://github.com/acme/ledger');
  const bare = path.join(world.gitRoot, 'acme/ledger.git');
  const repository = { name: 'ledger', full_name: 'acme/ledger', owner: { login: 'acme' }, default_branch: 'main', private: false };
  const clean = path.join(corpusDir(), 'grype', 'defectdojo', 'no_vuln.json');
  const push = (ref: string) => runAct(world, {
    cwd: repo.work, event: 'push', workflow: '.github/workflows/delivery.yml',
    payload: { ref, before: '0'.repeat(40), after: head, repository, head_commit: { id: head, timestamp: new Date().toISOString() } },
    secrets: { SOPS_AGE_KEY: identity },
    env: { DRY_RUN: '1', CONVEYOR_TEST_GRYPE_REPORT: clean },
  });
  const tag = (name: string) => {
    git(repo.work, world.gitEnv, 'tag', name, head);
    git(repo.work, world.gitEnv, 'push', '-q', bare, `refs/tags/${name}`);
    syncApi(world, 'acme/ledger');
  };
  const overlay = (env: string) => git(world.tmp, world.gitEnv, '--git-dir', bare, 'show', `main:deploy/${env}/kustomization.yaml`);
  const logs: string[] = [];

  const main = await push('refs/heads/main');
  logs.push(main.log);
  let digest = '';
  await check(SCOPE, 'push to main: the image is built from the example\'s Containerfile and dev runs its digest', async () => {
    assert.equal(main.status, 0, tail(main));
    assert.deepEqual([jobState(main, 'image'), jobState(main, 'dev'), jobState(main, 'stage'), jobState(main, 'prod')], ['succeeded', 'succeeded', undefined, undefined]);
    digest = (await registryDigest(world, 'acme/ledger', `sha-${head}`)) ?? '';
    assert.match(digest, /^sha256:[0-9a-f]{64}$/);
    assert.match(overlay('dev'), new RegExp(`digest: ${digest}`));
    assert.doesNotMatch(overlay('stage'), /digest:/);
  });
  await check(SCOPE, 'push to main: scripts/notify.sh ran with the decrypted config, which never reached the log', () => {
    assert.match(main.log, /would notify: ledger sha256:[0-9a-f]{64} now runs in dev/);
    assert.ok(!main.log.includes(webhook), 'the webhook URL reached the log');
  });

  tag('v1.0');
  const early = await push('refs/tags/v1.0');
  logs.push(early.log);
  await check(SCOPE, 'tag v1.0 before stage: prod is refused, nothing written', () => {
    assert.notEqual(early.status, 0);
    assert.equal(jobState(early, 'prod'), 'failed');
    assert.match(early.log, /Refusing to promote sha256:[0-9a-f]{64} to 'prod': the environment before it, 'stage'/);
    assert.doesNotMatch(overlay('prod'), /digest:/);
  });

  tag('v1.0-rc.1');
  const rc = await push('refs/tags/v1.0-rc.1');
  logs.push(rc.log);
  await check(SCOPE, 'hand-made tag v1.0-rc.1: stage runs the image built from the tagged commit; no image is built', () => {
    assert.equal(rc.status, 0, tail(rc));
    assert.deepEqual([jobState(rc, 'image'), jobState(rc, 'stage'), jobState(rc, 'prod')], [undefined, 'succeeded', undefined]);
    assert.match(overlay('stage'), new RegExp(`digest: ${digest}`));
    assert.match(rc.log, /would notify: ledger v1\.0-rc\.1 now runs in stage|would notify: ledger 1\.0-rc\.1 now runs in stage/);
  });

  const prod = await push('refs/tags/v1.0');
  logs.push(prod.log);
  await check(SCOPE, 'hand-made tag v1.0 after stage: prod runs the digest, one deployment for each environment', () => {
    assert.equal(prod.status, 0, tail(prod));
    assert.equal(jobState(prod, 'prod'), 'succeeded');
    assert.match(overlay('prod'), new RegExp(`digest: ${digest}`));
    const environments = world.api.state.deployments.filter((d) => d.repo === 'ledger').map((d) => [d.environment, (d.payload as { digest?: string }).digest]);
    assert.deepEqual(environments, [['dev', digest], ['stage', digest], ['prod', digest]]);
  });
  const before = git(world.tmp, world.gitEnv, '--git-dir', bare, 'rev-parse', 'main');
  const again = await push('refs/tags/v1.0');
  logs.push(again.log);
  await check(SCOPE, 'tag v1.0, re-run: nothing changes', () => {
    assert.equal(again.status, 0, tail(again));
    assert.equal(git(world.tmp, world.gitEnv, '--git-dir', bare, 'rev-parse', 'main'), before);
    assert.equal(world.api.state.deployments.filter((d) => d.repo === 'ledger').length, 3);
  });
  await check(SCOPE, 'no run printed the webhook URL or the age key', () => {
    for (const secret of [webhook, identity]) assert.ok(!logs.join('\n').includes(secret), `${secret.slice(0, 12)}… reached a log`);
  });
}

interface DeliveryExample {
  name: string;
  /** The image name the example uses, and its repository on the local registry. */
  image: string;
  repo: string;
  workflow: string;
  /** The base image its Containerfile starts from (seeded, since nothing can be pulled here). */
  base: string;
  /** The job and manifest of the environment a push to main deploys. */
  first: { job: string; file: string };
  /** The job and manifest of production, deployed by a stable tag; `pull-request` when it writes by PR. */
  production: { job: string; file: string; write: 'commit' | 'pull-request' };
}

/**
 * An example whose delivery workflow releases from Conventional Commits (examples/gke-flux-sops,
 * examples/eks-flux-flagger): a feature pushed to main computes 1.0.0-rc.1, builds the image from the
 * example's Containerfile, deploys the first environment, then tags the release candidate; the stable tag
 * v1.0.0 made by hand on that commit promotes the same digest to production (by commit or pull request).
 */
export function deliveryExample(example: DeliveryExample): (world: World) => Promise<void> {
  return async (world) => {
    const SCOPE = `examples/${example.name}`;
    const image = `${world.registry.host}/${example.repo}`;
    const files = exampleFiles(example.name, [example.image, image]);
    seedBaseImage(world, example.base);
    const [owner, name] = example.repo.split('/') as [string, string];
    const repo = createRepository(world, example.repo, files, `feat: ${name}`);
    const head = git(repo.work, world.gitEnv, 'rev-parse', 'HEAD');
    git(repo.work, world.gitEnv, 'remote', 'set-url', 'origin', `https://github.com/${example.repo}`);
    const bare = path.join(world.gitRoot, `${example.repo}.git`);
    const repository = { name, full_name: example.repo, owner: { login: owner }, default_branch: 'main', private: false };
    const clean = path.join(corpusDir(), 'grype', 'defectdojo', 'no_vuln.json');
    const push = (ref: string) => runAct(world, {
      cwd: repo.work, event: 'push', workflow: example.workflow,
      payload: { ref, before: '0'.repeat(40), after: head, repository, head_commit: { id: head, timestamp: new Date().toISOString() } },
      secrets: { RELEASE_TOKEN: 'ghp_example_release_0003' },
      env: { CONVEYOR_TEST_GRYPE_REPORT: clean },
    });
    const show = (ref: string, file: string) => git(world.tmp, world.gitEnv, '--git-dir', bare, 'show', `${ref}:${file}`);
        const tagOf = (tag: string) => world.api.state.findRef(owner, name, `refs/tags/${tag}`);

    const main = await push('refs/heads/main');
    let digest = '';
    await check(SCOPE, `push to main: version, image, ${example.first.job}, then the release candidate v1.0.0-rc.1`, async () => {
      assert.equal(main.status, 0, tail(main));
      for (const job of ['version', 'image', example.first.job, 'release']) assert.equal(jobState(main, job), 'succeeded', `${job}: ${JSON.stringify(main.jobs)}`);
      assert.equal(jobState(main, example.production.job), undefined);
      digest = (await registryDigest(world, example.repo, `sha-${head}`)) ?? '';
      assert.match(digest, /^sha256:[0-9a-f]{64}$/);
      assert.ok((await registryTags(world, example.repo)).includes('1.0.0-rc.1'));
      assert.match(show('main', example.first.file), new RegExp(digest));
      assert.ok(tagOf('v1.0.0-rc.1'), 'no rc tag');
      assert.equal(world.api.state.peel(owner, name, tagOf('v1.0.0-rc.1')!.sha), head);
    });

    git(repo.work, world.gitEnv, 'tag', 'v1.0.0', head);
    git(repo.work, world.gitEnv, 'push', '-q', bare, 'refs/tags/v1.0.0');
    syncApi(world, example.repo);
    const stable = await push('refs/tags/v1.0.0');
    const pulls = () => world.api.state.pulls.filter((p) => p.repo === name);
    await check(SCOPE, `stable tag v1.0.0: ${example.production.job} gets the digest ${example.first.job} runs (${example.production.write === 'pull-request' ? 'a pull request' : 'a commit'})`, () => {
      assert.equal(stable.status, 0, tail(stable));
      assert.equal(jobState(stable, example.production.job), 'succeeded');
      for (const job of ['version', 'image', 'release']) assert.equal(jobState(stable, job), undefined, job);
      if (example.production.write === 'pull-request') {
        assert.equal(pulls().length, 1);
        assert.doesNotMatch(show('main', example.production.file), new RegExp(digest));
        assert.match(show(`refs/heads/${pulls()[0]!.head}`, example.production.file), new RegExp(digest));
      } else {
        assert.match(show('main', example.production.file), new RegExp(digest));
      }
    });
    const before = git(world.tmp, world.gitEnv, '--git-dir', bare, 'for-each-ref', '--format=%(refname) %(objectname)');
    const again = await push('refs/tags/v1.0.0');
    await check(SCOPE, 'stable tag v1.0.0, re-run: no new commit, branch or pull request', () => {
      assert.equal(again.status, 0, tail(again));
      assert.equal(git(world.tmp, world.gitEnv, '--git-dir', bare, 'for-each-ref', '--format=%(refname) %(objectname)'), before);
      assert.equal(pulls().length, example.production.write === 'pull-request' ? 1 : 0);
    });
  };
}

export const gkeFluxSopsExample = deliveryExample({
  name: 'gke-flux-sops', image: 'ghcr.io/acme/storefront', repo: 'acme/storefront', workflow: '.github/workflows/delivery.yml',
  base: 'docker.io/library/node:24-alpine',
  first: { job: 'staging', file: 'apps/staging/values.yaml' },
  production: { job: 'production', file: 'apps/production/values.yaml', write: 'pull-request' },
});

export const eksFluxFlaggerExample = deliveryExample({
  name: 'eks-flux-flagger', image: 'ghcr.io/acme/podinfo', repo: 'acme/podinfo', workflow: '.github/workflows/delivery.yml',
  base: 'docker.io/library/python:3.13-slim',
  first: { job: 'dev', file: 'apps/podinfo/dev/deployment.yaml' },
  production: { job: 'production', file: 'apps/podinfo/production/deployment.yaml', write: 'commit' },
});

/**
 * examples/gke-go-two-stacks' release workflow (the starter's shape, two regions per environment). Its
 * Containerfile compiles Go in a golang base image (`RUN go build`), which needs a pulled base image and a
 * container runtime that this machine lacks; the throwaway repository gets a Containerfile FROM scratch that
 * copies go.mod instead, and everything else is the example's own: push to main → dev in both regions, then the
 * rc tag; the rc tag → stage in both; v1.0.0 → prod in both, and the smoke test with the decrypted SOPS config.
 */
export async function gkeGoTwoStacksExample(world: World): Promise<void> {
  const SCOPE = 'examples/gke-go-two-stacks (release.yml)';
  const sops = findTool('sops');
  assert.ok(sops, 'sops is needed to read the example\'s test key back (npm run tools)');
  const image = `${world.registry.host}/acme/orders`;
  const files = exampleFiles('gke-go-two-stacks', ['ghcr.io/acme/orders', image]);
  files.Containerfile = 'FROM scratch\nCOPY go.mod /go.mod\n';
  const keyFile = path.join(repoRoot, 'examples', 'gke-go-two-stacks', 'test-keys', 'age-test-key.txt');
  const identity = fs.readFileSync(keyFile, 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!;
  const plain = execFileSync(sops, ['decrypt', '--output-type', 'json', path.join(repoRoot, 'examples', 'gke-go-two-stacks', 'config', 'secrets.sops.yaml')], {
    env: { ...process.env, SOPS_AGE_KEY_FILE: keyFile }, encoding: 'utf8',
  });
  const paymentsKey = String((JSON.parse(plain) as { prod: { payments_api_key: string } }).prod.payments_api_key);
  assert.ok(paymentsKey.length > 8, 'the example config has no prod.payments_api_key');

  const repo = createRepository(world, 'acme/orders', files, 'feat: the orders service');
  assert.ok(keepExecutables(world, 'gke-go-two-stacks', repo.work, 'acme/orders').includes('scripts/smoke-test.sh'));
  const head = git(repo.work, world.gitEnv, 'rev-parse', 'HEAD');
  git(repo.work, world.gitEnv, 'remote', 'set-url', 'origin', 'https://github.com/acme/orders');
  const bare = path.join(world.gitRoot, 'acme/orders.git');
  const repository = { name: 'orders', full_name: 'acme/orders', owner: { login: 'acme' }, default_branch: 'main', private: false };
  const clean = path.join(corpusDir(), 'grype', 'defectdojo', 'no_vuln.json');
  const push = (ref: string) => runAct(world, {
    cwd: repo.work, event: 'push', workflow: '.github/workflows/release.yml',
    payload: { ref, before: '0'.repeat(40), after: head, repository, head_commit: { id: head, timestamp: new Date().toISOString() } },
    secrets: { RELEASE_TOKEN: 'ghp_example_release_0004', SOPS_AGE_KEY: identity },
    env: { CONVEYOR_TEST_GRYPE_REPORT: clean },
  });
  const overlay = (env: string) => git(world.tmp, world.gitEnv, '--git-dir', bare, 'show', `main:deploy/overlays/${env}/kustomization.yaml`);
  const logs: string[] = [];

  const main = await push('refs/heads/main');
  logs.push(main.log);
  let digest = '';
  await check(SCOPE, 'push to main: dev in both regions runs the new digest, then the rc tag v1.0.0-rc.1', async () => {
    assert.equal(main.status, 0, tail(main));
    for (const job of ['version', 'image', 'deploy-dev', 'release']) assert.equal(jobState(main, job), 'succeeded', `${job}: ${JSON.stringify(main.jobs)}`);
    digest = (await registryDigest(world, 'acme/orders', `sha-${head}`)) ?? '';
    assert.match(digest, /^sha256:[0-9a-f]{64}$/);
    for (const region of ['europe-west1', 'us-central1']) assert.match(overlay(`dev-${region}`), new RegExp(`digest: ${digest}`), region);
    const rc = world.api.state.findRef('acme', 'orders', 'refs/tags/v1.0.0-rc.1');
    assert.equal(rc && world.api.state.peel('acme', 'orders', rc.sha), head);
  });

  // GitHub's repository now holds the tag the release made through the API: its push starts the stage run.
  syncRemote(world, 'acme/orders');
  const rc = await push('refs/tags/v1.0.0-rc.1');
  logs.push(rc.log);
  await check(SCOPE, 'tag v1.0.0-rc.1: stage in both regions runs the digest', () => {
    assert.equal(rc.status, 0, tail(rc));
    assert.equal(jobState(rc, 'deploy-stage'), 'succeeded');
    for (const region of ['europe-west1', 'us-central1']) assert.match(overlay(`stage-${region}`), new RegExp(`digest: ${digest}`), region);
  });

  git(repo.work, world.gitEnv, 'tag', 'v1.0.0', head);
  git(repo.work, world.gitEnv, 'push', '-q', bare, 'refs/tags/v1.0.0');
  syncApi(world, 'acme/orders');
  const prod = await push('refs/tags/v1.0.0');
  logs.push(prod.log);
  await check(SCOPE, 'tag v1.0.0: prod in both regions, then the smoke test with the decrypted payments key, never logged', () => {
    assert.equal(prod.status, 0, tail(prod));
    assert.equal(jobState(prod, 'deploy-prod'), 'succeeded');
    for (const region of ['europe-west1', 'us-central1']) assert.match(overlay(`prod-${region}`), new RegExp(`digest: ${digest}`), region);
    assert.match(prod.log, new RegExp(`orders 1\\.0\\.0 promoted to prod; payments key present \\(${paymentsKey.length} characters\\)`));
    assert.ok(!logs.join('\n').includes(paymentsKey), 'the payments key reached a log');
    assert.ok(!logs.join('\n').includes(identity), 'the age key reached a log');
  });
}
