/** publishRelease in-process against the GitHub API stand-in: races and recovery, step by step. */
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import type { GitHubClient } from '@conveyor/kit';
import { createOctokit } from '@conveyor/kit/octokit';
import { startGitHubApi, type GitHubApi } from '@conveyor/github-api';
import { floatingTags, publishRelease, shouldMakeLatest, type PublishInput } from '@conveyor/release';

const owner = 'acme';
const repo = 'app';
const HEAD = 'c'.repeat(40);
const input: PublishInput = { owner, repo, tag: 'v2.0.0', version: '2.0.0', sha: HEAD, notes: '## 2.0.0\n', prerelease: false, makeLatest: true, floating: [] };
const messages: string[] = [];
const log = { info: (m: string) => messages.push(m), warning: (m: string) => messages.push(m) };

let api: GitHubApi;
let gh: GitHubClient;
beforeEach(async () => {
  messages.length = 0;
  api = await startGitHubApi();
  api.state.addRepository({ owner, repo });
  gh = createOctokit({ token: 't', baseUrl: api.url, retryAfterBaseMs: 1 });
});
afterEach(async () => {
  expect(api.violations).toEqual([]);
  await api.close();
});

describe('publishRelease', () => {
  it('two interleaved runs in one process: one tag, one release, the loser says it lost', async () => {
    const other = createOctokit({ token: 't', baseUrl: api.url, retryAfterBaseMs: 1 });
    const [a, b] = await Promise.all([publishRelease(gh, input, log), publishRelease(other, input, log)]);
    expect(api.state.refs.filter((r) => r.ref === 'refs/tags/v2.0.0')).toHaveLength(1);
    expect(api.state.releases).toHaveLength(1);
    expect(a.releaseId).toBe(b.releaseId);
    const outcomes = [a.tag, b.tag, a.release, b.release];
    expect(outcomes).toContain('created');
    expect(outcomes.some((o) => o === 'created-by-another-run' || o === 'existed')).toBe(true);
    expect(messages.some((m) => /another run/.test(m))).toBe(true);
  });

  it('updates the notes of an existing release when they differ, and leaves it when they match', async () => {
    await publishRelease(gh, input, log);
    const again = await publishRelease(gh, { ...input, notes: '## 2.0.0\n\nbetter\n' }, log);
    expect(again).toMatchObject({ tag: 'existed', release: 'updated' });
    expect(api.state.releases[0]!.body).toContain('better');
    const same = await publishRelease(gh, { ...input, notes: '## 2.0.0\n\nbetter\n' }, log);
    expect(same.release).toBe('existed');
    expect(api.state.releases).toHaveLength(1);
  });

  it('moves existing floating tags and creates missing ones', async () => {
    api.state.setRef(owner, repo, 'refs/tags/v2', 'a'.repeat(40));
    await publishRelease(gh, { ...input, floating: ['v2', 'v2.0'] }, log);
    expect(api.state.findRef(owner, repo, 'refs/tags/v2')?.sha).toBe(HEAD);
    expect(api.state.findRef(owner, repo, 'refs/tags/v2.0')?.sha).toBe(HEAD);
  });
});

describe('floating tags and latest', () => {
  const table: [string, string[], string[]][] = [
    ['2.1.0', ['2.0.0', '1.9.0'], ['v2', 'v2.1']],
    ['1.9.1', ['2.0.0', '1.9.0'], ['v1', 'v1.9']],
    ['1.8.5', ['1.9.0', '1.8.4'], ['v1.8']],
    ['1.8.5', ['1.9.0', '1.8.6'], []],
    ['3.0.0-rc.1', ['2.0.0'], []],
  ];
  it.each(table)('%s with %j moves %j', (version, known, expected) => {
    expect(floatingTags(version, 'v${version}', [...known, version])).toEqual(expected);
  });
  it('uses the tag format prefix', () => expect(floatingTags('1.0.0', 'api-v${version}', ['1.0.0'])).toEqual(['api-v1', 'api-v1.0']));
  it('only the highest stable becomes latest', () => {
    expect(shouldMakeLatest('2.1.0', '2.0.0')).toBe(true);
    expect(shouldMakeLatest('1.9.1', '2.0.0')).toBe(false);
    expect(shouldMakeLatest('3.0.0-rc.1', '2.0.0')).toBe(false);
    expect(shouldMakeLatest('1.0.0', undefined)).toBe(true);
  });
});
