import { describe, it, expect } from '@jest/globals';
import {
  branchPolicy, checkTagFormat, DEFAULT_PRERELEASE_BRANCHES, DEFAULT_RELEASE_BRANCHES, formatTag, lastRelease, latestStable,
  nextVersion, parseTag, type BranchPolicy, type VersionTag,
} from './version.ts';
import type { Bump } from './rules.ts';

const defaults = { releaseBranches: DEFAULT_RELEASE_BRANCHES, prereleaseBranches: DEFAULT_PRERELEASE_BRANCHES };
const policy = (branch: string, prerelease?: string): BranchPolicy => {
  const p = branchPolicy(branch, { ...defaults, prereleaseBranches: [...DEFAULT_PRERELEASE_BRANCHES, 'develop=next'], ...(prerelease ? { prerelease } : {}) });
  if (!p) throw new Error(`no policy for ${branch}`);
  return p;
};
const tags = (...versions: string[]): VersionTag[] => versions.map((v) => ({ name: `v${v}`, version: v }));

/** Runs a sequence of releases on one branch, each step adding its tag, as a real history would. */
function sequence(branch: string, start: string[], bumps: Bump[], options: { zeroMajor?: boolean; prerelease?: string } = {}): (string | undefined)[] {
  const known = tags(...start);
  const p = policy(branch, options.prerelease);
  return bumps.map((bump) => {
    const next = nextVersion({ policy: p, bump, last: lastRelease(p, known)?.version, stable: latestStable(known)?.version, zeroMajor: options.zeroMajor ?? false });
    if (next) known.push({ name: `v${next}`, version: next });
    return next;
  });
}

describe('tag format', () => {
  const table: [string, string, string | undefined][] = [
    ['v${version}', 'v1.2.3', '1.2.3'],
    ['v${version}', 'v1.2.3-beta.1', '1.2.3-beta.1'],
    ['v${version}', '1.2.3', undefined],
    ['v${version}', 'v1.2', undefined],
    // hand-made two-part tags (v1.0, v1.0-rc.1) and the floating v1 / v1.2 tags are not versions
    ['v${version}', 'v1.0-rc.1', undefined],
    ['v${version}', 'v1', undefined],
    ['v${version}', 'vnext', undefined],
    ['v${version}', 'v01.2.3', undefined],
    ['v${version}', 'api-v1.2.3', undefined],
    ['api-v${version}', 'api-v1.2.3', '1.2.3'],
    ['api-v${version}', 'web-v1.2.3', undefined],
    ['api-v${version}', 'v1.2.3', undefined],
    ['${version}', '2.0.0', '2.0.0'],
    ['${version}-app', '2.0.0-app', '2.0.0'],
  ];
  it.each(table)('%s reads %s as %s', (format, tag, version) => {
    expect(parseTag(format, tag)).toBe(version);
  });
  it('formats a tag', () => expect(formatTag('api-v${version}', '1.0.0')).toBe('api-v1.0.0'));
  it('refuses a format without ${version}, naming the input', () => {
    expect(() => checkTagFormat('v1')).toThrow(/tag-format.*\$\{version\} exactly once/);
    expect(() => checkTagFormat('my tag ${version}')).toThrow(/tag-format.*spaces/);
  });
});

describe('branch policy', () => {
  const table: [string, string | undefined, unknown][] = [
    ['main', undefined, { kind: 'release', channel: 'latest' }],
    ['master', undefined, { kind: 'release' }],
    ['beta', undefined, { kind: 'prerelease', identifier: 'beta', channel: 'beta' }],
    ['develop', undefined, { kind: 'prerelease', identifier: 'next' }],
    ['1.x', undefined, { kind: 'maintenance', range: '>=1.0.0 <2.0.0', channel: '1.x' }],
    ['1.2.x', undefined, { kind: 'maintenance', range: '>=1.2.0 <1.3.0' }],
    ['main', 'rc', { kind: 'prerelease', identifier: 'rc', channel: 'rc' }],
  ];
  it.each(table)('%s (prerelease input %s)', (branch, prerelease, expected) => {
    expect(policy(branch, prerelease)).toMatchObject(expected as object);
  });
  it('an unconfigured branch does not release', () => {
    expect(branchPolicy('feature/x', defaults)).toBeUndefined();
  });
  it('refuses a numeric prerelease identifier', () => {
    expect(() => branchPolicy('main', { ...defaults, prerelease: '1' })).toThrow(/prerelease/);
  });
});

describe('next version on a release branch', () => {
  const table: [string[], Bump, boolean, string | undefined][] = [
    [[], 'patch', false, '1.0.0'],
    [[], 'major', false, '1.0.0'],
    [[], 'none', false, undefined],
    [['1.2.3'], 'patch', false, '1.2.4'],
    [['1.2.3'], 'minor', false, '1.3.0'],
    [['1.2.3'], 'major', false, '2.0.0'],
    [['1.2.3', '2.0.0-beta.1'], 'patch', false, '1.2.4'],
    [['1.2.3', '1.10.0', '1.9.9'], 'patch', false, '1.10.1'],
    // zero-major
    [[], 'major', true, '0.1.0'],
    [['0.3.1'], 'major', true, '0.4.0'],
    [['0.3.1'], 'minor', true, '0.3.2'],
    [['0.3.1'], 'patch', true, '0.3.2'],
    [['1.0.0'], 'major', true, '2.0.0'],
  ];
  it.each(table)('tags %j, bump %s, zero-major %s → %s', (versions, bump, zeroMajor, expected) => {
    const p = policy('main');
    const known = tags(...versions);
    expect(nextVersion({ policy: p, bump, last: lastRelease(p, known)?.version, stable: latestStable(known)?.version, zeroMajor })).toBe(expected);
  });
});

describe('prerelease channels (semantic-release behaviour)', () => {
  it('beta after v1.0.0: fix, feat, fix, breaking → 1.0.1-beta.1, 1.1.0-beta.1, 1.1.0-beta.2, 2.0.0-beta.1', () => {
    expect(sequence('beta', ['1.0.0'], ['patch', 'minor', 'patch', 'major'])).toEqual(['1.0.1-beta.1', '1.1.0-beta.1', '1.1.0-beta.2', '2.0.0-beta.1']);
  });
  it('merging beta into main releases the stable version from the commits since the last stable', () => {
    // main sees v1.0.0 and the beta tags; the commits since v1.0.0 hold the breaking change.
    expect(sequence('main', ['1.0.0', '1.0.1-beta.1', '1.1.0-beta.1', '2.0.0-beta.1'], ['major'])).toEqual(['2.0.0']);
  });
  it('the counter starts at 1 on a new channel and ignores other channels', () => {
    expect(sequence('next', ['1.0.0', '1.1.0-beta.3'], ['minor', 'patch'])).toEqual(['1.1.0-next.1', '1.1.0-next.2']);
  });
  it('first release on a prerelease branch', () => {
    expect(sequence('beta', [], ['minor', 'patch'])).toEqual(['1.0.0-beta.1', '1.0.0-beta.2']);
  });
  it('release-candidate mode: rc.1, rc.2, then the stable release of the same version', () => {
    expect(sequence('main', ['1.1.0'], ['minor', 'patch'], { prerelease: 'rc' })).toEqual(['1.2.0-rc.1', '1.2.0-rc.2']);
    expect(sequence('main', ['1.1.0', '1.2.0-rc.1', '1.2.0-rc.2'], ['minor'])).toEqual(['1.2.0']);
  });
  it('after a stable release the channel starts again at .1', () => {
    expect(sequence('beta', ['1.0.0', '1.1.0-beta.2', '1.1.0'], ['patch'])).toEqual(['1.1.1-beta.1']);
  });
  it('zero-major on a prerelease branch', () => {
    expect(sequence('beta', ['0.2.0'], ['major'], { zeroMajor: true })).toEqual(['0.3.0-beta.1']);
  });
});

describe('maintenance branches', () => {
  it('release inside their range', () => {
    expect(sequence('1.x', ['1.4.0', '2.0.0'], ['minor', 'patch'])).toEqual(['1.5.0', '1.5.1']);
    expect(sequence('1.2.x', ['1.2.3', '1.3.0'], ['patch'])).toEqual(['1.2.4']);
  });
  it('refuse a version outside their range, naming the branch, versions and range', () => {
    expect(() => sequence('1.x', ['1.4.0'], ['major'])).toThrow(/maintenance branch 1\.x.*1\.4\.0 → 2\.0\.0.*>=1\.0\.0 <2\.0\.0/);
    expect(() => sequence('1.2.x', ['1.2.3'], ['minor'])).toThrow(/1\.2\.3 → 1\.3\.0.*>=1\.2\.0 <1\.3\.0/);
  });
  it('refuse to start without a release in range', () => {
    expect(() => sequence('3.x', ['1.0.0'], ['patch'])).toThrow(/no release in that range/);
  });
});
