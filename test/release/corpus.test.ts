/**
 * The real history of a project released by semantic-release, rebuilt as a git repository: for every
 * stable release tag, the bump predicted from the commits since the previous stable tag reachable from
 * it must equal the real one, for at least 99% of the pairs.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import * as path from 'node:path';
import semver from 'semver';
import { listTags } from '@conveyor/git';
import { planRelease, bumpBetween, DEFAULT_PRERELEASE_BRANCHES, DEFAULT_RELEASE_BRANCHES } from '@conveyor/release';
import { corpusPath } from '../support/corpus.ts';
import { tempDir, cleanupTempDirs } from '../support/tmp.ts';
import { importHistory, readHistoryJsonl } from './fast-import.ts';

const corpus = corpusPath('release');

(corpus ? describe : describe.skip)('semantic-release/github history rebuilt with git fast-import', () => {
  let dir = '';
  beforeAll(async () => {
    dir = tempDir('conveyor-release-corpus-');
    await importHistory(dir, readHistoryJsonl(path.join(corpus!, 'semantic-release-github.history.jsonl')));
  });
  afterAll(() => cleanupTempDirs());

  it('predicts the real bump for at least 99% of consecutive stable tag pairs', async () => {
    const stable = (await listTags(dir, { pattern: 'v*' })).filter((t) => semver.valid(t.name.slice(1)) && !semver.prerelease(t.name.slice(1)));
    expect(stable.length).toBeGreaterThan(150);
    const differ: string[] = [];
    let pairs = 0;
    for (const tag of stable) {
      const plan = await planRelease({
        dir, head: tag.commit, branch: 'main', tagFormat: 'v${version}', paths: [], rules: [],
        branches: { releaseBranches: DEFAULT_RELEASE_BRANCHES, prereleaseBranches: DEFAULT_PRERELEASE_BRANCHES },
        zeroMajor: false, repositoryUrl: undefined, date: '2026-01-01',
      });
      expect(plan.alreadyTagged).toBe(true);
      expect(plan.tag).toBe(tag.name);
      if (plan.previousVersion === undefined) continue;
      pairs += 1;
      const real = bumpBetween(plan.previousVersion, plan.version!);
      if (plan.bump !== real) {
        const deciding = plan.commits.filter((c) => c.bump !== 'none' && !c.cancelledBy).map((c) => `    ${c.sha.slice(0, 7)} ${c.bump}: ${c.header} (${c.reason})`);
        differ.push(`${plan.previousTag} → ${tag.name}: real ${real}, predicted ${plan.bump} from ${plan.commits.length} commit(s)\n${deciding.join('\n') || '    (no releasing commit)'}`);
      }
    }
    console.log(`release corpus: ${pairs - differ.length}/${pairs} stable tag pairs predicted exactly${differ.length ? `; differing:\n${differ.join('\n')}` : ''}`);
    expect(pairs).toBeGreaterThan(150);
    expect((pairs - differ.length) / pairs).toBeGreaterThanOrEqual(0.99);
  }, 120_000);
});
