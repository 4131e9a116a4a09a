import { describe, expect, it } from '@jest/globals';
import type { Environment } from './environments.ts';
import { locate, repositoryOnServer } from './gitops.ts';

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
