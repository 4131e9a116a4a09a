import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasBinary } from '../../../test/support/registry.ts';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import type { Environment } from './environments.ts';
import { startGitHttp } from '../../../test/promote/git-http.ts';
import { bindTargets, checkout, forgetCredentials, locate, readFiles, repositoryOnServer, sendsToken, type Checkout, type CheckoutCache } from './gitops.ts';

const env = (over: Partial<Environment>): Environment => ({
  name: 'stage', branch: 'main', tokenInput: 'gitops-token', targets: [], write: 'commit', requireVerdict: false,
  githubEnvironment: { name: 'stage' }, ...over,
});
const context = { serverUrl: 'https://github.com', repository: 'acme/app' };

describe('locate', () => {
  it('defaults to the workflow repository when the environment names neither repository nor url', () => {
    expect(locate(env({}), context)).toEqual({ url: 'https://github.com/acme/app.git', repository: 'acme/app' });
  });

  it('uses repository: on this server', () => {
    expect(locate(env({ repository: 'acme/gitops' }), context)).toEqual({ url: 'https://github.com/acme/gitops.git', repository: 'acme/gitops' });
  });

  it('never takes an explicit url to be the workflow repository', () => {
    expect(locate(env({ url: 'https://git.example.invalid/ops/deploy.git' }), context)).toEqual({ url: 'https://git.example.invalid/ops/deploy.git' });
    expect(locate(env({ url: '/srv/gitops.git' }), context)).toEqual({ url: '/srv/gitops.git' });
  });

  it('reads owner/name from a url on this GitHub server, unless repository: says otherwise', () => {
    expect(locate(env({ url: 'https://github.com/acme/gitops.git' }), context)).toEqual({ url: 'https://github.com/acme/gitops.git', repository: 'acme/gitops' });
    expect(locate(env({ url: 'https://github.com/acme/gitops', repository: 'acme/other' }), context)).toEqual({ url: 'https://github.com/acme/gitops', repository: 'acme/other' });
  });

  it('refuses when nothing says where the repository is', () => {
    expect(() => locate(env({}), { serverUrl: 'https://github.com' })).toThrow("The environment 'stage' names no GitOps repository or url, and the workflow's repository is unknown; set repository: owner/name in the environments file.");
  });
});

describe('repositoryOnServer', () => {
  it.each([
    ['https://github.com/acme/gitops.git', 'acme/gitops'],
    ['https://github.com/acme/gitops/', 'acme/gitops'],
    ['https://github.com/acme/gitops/tree/main', undefined],
    ['https://github.company.invalid/acme/gitops.git', undefined],
  ])('%s', (url, expected) => {
    expect(repositoryOnServer(url, 'https://github.com/')).toBe(expected);
  });
});

(hasBinary('git') ? describe : describe.skip)('a bare clone: binding targets and reading files from the tip tree', () => {
  afterAll(() => cleanupTempDirs());
  const BOM_CRLF = '\ufeffimages:\r\n  - name: web\r\n    digest: sha256:1\r\n';
  const NOT_UTF8 = Buffer.from([0x69, 0x3a, 0x20, 0xff, 0x0a]);

  async function clone(): Promise<Checkout> {
    const dir = tempDir('conveyor-gitops-');
    const work = path.join(dir, 'work');
    const vars = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    const files: Record<string, string | Buffer> = { 'apps/web/kustomization.yaml': BOM_CRLF, 'envs/prod eu/values é.yaml': 'a: 1\n', 'bad/latin1.yaml': NOT_UTF8, 'apps/api/kustomization.yaml': 'images: []\n' };
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
      fs.writeFileSync(path.join(work, file), content);
    }
    fs.symlinkSync('web/kustomization.yaml', path.join(work, 'apps/link.yaml'));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: work, env: vars });
    execFileSync('git', ['add', '-A'], { cwd: work, env: vars });
    execFileSync('git', ['commit', '-q', '-m', 'seed'], { cwd: work, env: vars });
    return checkout(env({ url: work }), { workDir: dir, serverUrl: 'https://github.com', tokens: { 'github-token': '', 'gitops-token': '' } }, new Map());
  }
  const kustomize = (file: string) => env({ url: '/unused', targets: [{ kind: 'kustomize', file, image: 'web' }] });

  it('clones without a working tree and lists the files of the tip', async () => {
    const co = await clone();
    expect(fs.existsSync(path.join(co.dir, 'apps'))).toBe(false);
    expect(co.head.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(co.head.files.get('apps/link.yaml')?.mode).toBe('120000');
  });

  it('reads the bound files byte for byte (BOM, CRLF), paths with spaces and accents included', async () => {
    const co = await clone();
    const bound = [...bindTargets(kustomize('apps/*/kustomization.yaml'), 'web', co.head, 'environments.yml'), ...bindTargets(kustomize('./envs/prod eu/values é.yaml'), 'web', co.head, 'environments.yml')];
    expect(bound.map((b) => b.file)).toEqual(['apps/api/kustomization.yaml', 'apps/web/kustomization.yaml', 'envs/prod eu/values é.yaml']);
    const texts = await readFiles(co, co.head, bound);
    expect(texts.get('apps/web/kustomization.yaml')).toBe(BOM_CRLF);
    expect(texts.get('envs/prod eu/values é.yaml')).toBe('a: 1\n');
  });

  it('refuses a file that is not UTF-8, a symbolic link, and a path naming a folder or nothing', async () => {
    const co = await clone();
    await expect(readFiles(co, co.head, bindTargets(kustomize('bad/latin1.yaml'), 'web', co.head, 'environments.yml'))).rejects.toThrow(
      `bad/latin1.yaml in the GitOps repository (${co.url}, branch main) is not UTF-8 text, so it cannot be edited without changing other bytes; save it as UTF-8 and run again.`);
    expect(() => bindTargets(kustomize('apps/link.yaml'), 'web', co.head, 'environments.yml')).toThrow(
      "The kustomize target apps/link.yaml of environment 'stage' names apps/link.yaml, a symbolic link in the GitOps repository (branch main); point the target at the file it links to in environments.yml.");
    for (const file of ['apps/web', 'apps/none.yaml', 'apps/*/none.yaml']) {
      expect(() => bindTargets(kustomize(file), 'web', co.head, 'environments.yml')).toThrow(
        `The kustomize target ${file} of environment 'stage' matches no file in the GitOps repository (branch main); fix the path in environments.yml.`);
    }
  });
});

describe('bindTargets', () => {
  it('refuses a file whose name in the repository is not UTF-8 (an edit would be written under another name)', () => {
    const oid = 'a'.repeat(40);
    const files = new Map([
      ['apps/web/kustomization.yaml', { path: 'apps/web/kustomization.yaml', mode: '100644', type: 'blob' as const, oid }],
      ['apps/caf\ufffd/kustomization.yaml', { path: 'apps/caf\ufffd/kustomization.yaml', mode: '100644', type: 'blob' as const, oid, notUtf8: true as const }],
    ]);
    const environment = env({ targets: [{ kind: 'kustomize', file: 'apps/*/kustomization.yaml', image: 'web' }] });
    expect(() => bindTargets(environment, 'web', { commit: oid, files }, 'environments.yml')).toThrow(
      "The kustomize target apps/*/kustomization.yaml of environment 'stage' names apps/caf\ufffd/kustomization.yaml, whose name in the GitOps repository (branch main) is not UTF-8, so an edit could not be written under it; rename it to UTF-8 or narrow the target in environments.yml.");
  });
});

describe('sendsToken', () => {
  it.each([
    ['https://github.com/acme/gitops.git', true],
    ['http://127.0.0.1:8080/gitops.git', true],
    ['http://localhost/gitops.git', true],
    ['http://git.example.invalid/gitops.git', false],
    // a loopback address as the user part of the URL, the host being another machine
    ['http://127.0.0.1:x@git.example.invalid/gitops.git', false],
    ['http://localhost:@git.example.invalid/gitops.git', false],
    ['http://localhost.example.invalid/gitops.git', false],
    ['/srv/gitops.git', false],
    ['git@github.com:acme/gitops.git', false],
  ])('%s: %s', (url, expected) => {
    expect(sendsToken(url)).toBe(expected);
  });
});

(hasBinary('git') ? describe : describe.skip)('the token in a clone', () => {
  afterAll(() => cleanupTempDirs());

  it('is removed from the clone even when the clone cannot be read after cloning', async () => {
    const token = 'gitops-secret-token-0815';
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    const root = tempDir('conveyor-gitops-token-');
    const vars = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    fs.writeFileSync(path.join(work, 'a.yaml'), 'a: 1\n');
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: work, env: vars });
    execFileSync('git', ['add', '-A'], { cwd: work, env: vars });
    execFileSync('git', ['commit', '-q', '-m', 'seed'], { cwd: work, env: vars });
    const bare = path.join(root, 'gitops.git');
    execFileSync('git', ['clone', '-q', '--bare', work, bare], { env: vars });
    execFileSync('git', ['config', 'http.receivepack', 'true'], { cwd: bare, env: vars });
    // A branch whose tip is a tree, not a commit: git clones it, but it has no commit to read.
    const tree = execFileSync('git', ['rev-parse', 'main^{tree}'], { cwd: bare, env: vars, encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join(bare, 'refs/heads/broken'), `${tree}\n`);
    const server = await startGitHttp(root, token, vars);
    try {
      const workDir = tempDir('conveyor-gitops-clones-');
      const clones: CheckoutCache = new Map();
      const tokens = { 'github-token': '', 'gitops-token': token };
      const broken = checkout(env({ url: `${server.url}/gitops.git`, branch: 'broken' }), { workDir, serverUrl: 'https://github.com', tokens }, clones);
      await expect(broken).rejects.toThrow();
      const good = await checkout(env({ url: `${server.url}/gitops.git` }), { workDir, serverUrl: 'https://github.com', tokens }, clones);
      expect(good.credentials).toBe(true);
      await forgetCredentials(clones);
      const configs = fs.globSync('*/config', { cwd: workDir });
      expect(configs.length).toBeGreaterThan(0);
      for (const config of configs) expect(fs.readFileSync(path.join(workDir, config), 'utf8')).not.toContain(basic);
    } finally {
      await server.close();
    }
  });
});
