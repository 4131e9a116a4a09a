/**
 * Tag computation over real webhook payload shapes (@octokit/webhooks-examples), one row per case:
 * the event, the inputs, and the tags metadata-action gives for them, in its order.
 */
import { describe, expect, it } from '@jest/globals';
import type { GitHubContext } from '@conveyor/kit';
import { createTagEvent, dispatchEvent, pullRequestEvent, pushEvent, releaseEvent, scheduleEvent } from './__fixtures__/events.ts';
import { metadataContext, type ContextSettings } from './context.ts';
import { computeMetadata, type MetadataInputs } from './meta.ts';

const NOW = new Date('2020-01-10T00:30:00Z');
const PUSH_SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

interface Case {
  name: string;
  event: () => GitHubContext;
  images?: string[];
  tags?: string[];
  flavor?: string[];
  settings?: Partial<ContextSettings>;
  expected: string[];
  warnings?: number;
}

const SEMVER3 = ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=semver,pattern={{major}}'];
const withBase = (ref: string, baseRef: string) => () => {
  const c = pushEvent(ref);
  c.payload.base_ref = baseRef;
  return c;
};

const cases: Case[] = [
  // push of a git tag, semver rules
  { name: 'semver tag, two images, three patterns and latest', event: () => pushEvent('refs/tags/v1.1.1'), images: ['org/app', 'ghcr.io/user/app'], tags: SEMVER3,
    expected: ['org/app:1.1.1', 'org/app:1.1', 'org/app:1', 'org/app:latest', 'ghcr.io/user/app:1.1.1', 'ghcr.io/user/app:1.1', 'ghcr.io/user/app:1', 'ghcr.io/user/app:latest'] },
  { name: 'prerelease gives only {{version}} and no latest', event: () => pushEvent('refs/tags/v2.0.8-beta.67'), tags: SEMVER3, expected: ['org/app:2.0.8-beta.67'] },
  { name: 'prerelease keeps {{raw}}', event: () => pushEvent('refs/tags/v2.0.8-beta.67'), tags: ['type=semver,pattern={{raw}}', 'type=semver,pattern={{version}}'], expected: ['org/app:v2.0.8-beta.67', 'org/app:2.0.8-beta.67'] },
  { name: 'prerelease with {{major}} only gives the version', event: () => pushEvent('refs/tags/v2.0.8-rc.1'), tags: ['type=semver,pattern={{major}}'], expected: ['org/app:2.0.8-rc.1'] },
  { name: 'tag without v, {{raw}}', event: () => pushEvent('refs/tags/1.2.3'), tags: ['type=semver,pattern={{raw}}'], expected: ['org/app:1.2.3', 'org/app:latest'] },
  { name: 'tag with v, {{raw}} keeps the v', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=semver,pattern={{raw}}'], expected: ['org/app:v1.2.3', 'org/app:latest'] },
  { name: 'semver pattern with literal text', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=semver,pattern=v{{major}}.{{minor}}'], expected: ['org/app:v1.2', 'org/app:latest'] },
  { name: 'build metadata is dropped by {{version}}', event: () => pushEvent('refs/tags/v1.2.3+build.7'), tags: ['type=semver,pattern={{version}}'], expected: ['org/app:1.2.3', 'org/app:latest'] },
  { name: 'not a semver tag: the semver rule gives nothing, the ref tag rule does', event: () => pushEvent('refs/tags/simple-tag'), tags: ['type=semver,pattern={{version}}', 'type=ref,event=tag'],
    expected: ['org/app:simple-tag', 'org/app:latest'], warnings: 1 },
  { name: 'semver value= on a branch push', event: () => pushEvent('refs/heads/dev'), tags: ['type=semver,pattern={{version}},value=v3.0.0'], expected: ['org/app:3.0.0', 'org/app:latest'] },
  { name: 'semver on a branch push gives nothing', event: () => pushEvent('refs/heads/dev'), tags: SEMVER3, expected: [] },
  { name: 'major 0 still gives {{major}}', event: () => pushEvent('refs/tags/v0.9.1'), tags: SEMVER3.slice(1), expected: ['org/app:0.9', 'org/app:0', 'org/app:latest'] },
  { name: 'tag path with a slash becomes a dash', event: () => pushEvent('refs/tags/release/v1.0.0'), tags: ['type=ref,event=tag'], expected: ['org/app:release-v1.0.0', 'org/app:latest'] },

  // flavor
  { name: 'latest=false', event: () => pushEvent('refs/tags/v1.2.3'), tags: SEMVER3.slice(0, 1), flavor: ['latest=false'], expected: ['org/app:1.2.3'] },
  { name: 'latest=true on a branch', event: () => pushEvent('refs/heads/dev'), tags: ['type=ref,event=branch'], flavor: ['latest=true'], expected: ['org/app:dev', 'org/app:latest'] },
  { name: 'latest=true on a prerelease', event: () => pushEvent('refs/tags/v1.0.0-alpha.1'), tags: SEMVER3.slice(0, 1), flavor: ['latest=true'], expected: ['org/app:1.0.0-alpha.1', 'org/app:latest'] },
  { name: 'prefix, not on latest', event: () => pushEvent('refs/tags/v1.2.3'), tags: SEMVER3.slice(0, 1), flavor: ['prefix=foo-'], expected: ['org/app:foo-1.2.3', 'org/app:latest'] },
  { name: 'prefix on latest', event: () => pushEvent('refs/tags/v1.2.3'), tags: SEMVER3.slice(0, 1), flavor: ['prefix=foo-,onlatest=true'], expected: ['org/app:foo-1.2.3', 'org/app:foo-latest'] },
  { name: 'suffix on latest', event: () => pushEvent('refs/tags/v1.2.3'), tags: SEMVER3.slice(0, 2), flavor: ['suffix=-alpine,onlatest=true'], expected: ['org/app:1.2.3-alpine', 'org/app:1.2-alpine', 'org/app:latest-alpine'] },
  { name: 'suffix, not on latest', event: () => pushEvent('refs/tags/v1.2.3'), tags: SEMVER3.slice(0, 1), flavor: ['suffix=-alpine'], expected: ['org/app:1.2.3-alpine', 'org/app:latest'] },
  { name: 'prefix and suffix both on latest, two lines', event: () => pushEvent('refs/tags/v1.2.3'), tags: SEMVER3.slice(0, 1), flavor: ['prefix=p-,onlatest=true', 'suffix=-s,onlatest=true'], expected: ['org/app:p-1.2.3-s', 'org/app:p-latest-s'] },
  { name: 'a rule prefix replaces the flavor prefix', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=semver,pattern={{version}},prefix=bar-'], flavor: ['prefix=foo-'], expected: ['org/app:bar-1.2.3', 'org/app:latest'] },
  { name: 'sha keeps its own default prefix under a flavor prefix', event: () => pushEvent('refs/heads/dev'), tags: ['type=ref,event=branch', 'type=sha'], flavor: ['prefix=foo-'], expected: ['org/app:foo-dev', 'org/app:sha-6113728'] },
  { name: 'sha with an empty prefix takes no flavor prefix', event: () => pushEvent('refs/heads/dev'), tags: ['type=sha,prefix='], flavor: ['prefix=foo-'], expected: ['org/app:6113728'] },
  { name: 'prefix expression {{branch}}', event: () => pushEvent('refs/heads/dev'), tags: ['type=sha,prefix={{branch}}-'], expected: ['org/app:dev-6113728'] },

  // push to a branch
  { name: 'branch and short sha', event: () => pushEvent('refs/heads/dev'), tags: ['type=ref,event=branch', 'type=sha'], expected: ['org/app:dev', 'org/app:sha-6113728'] },
  { name: 'long sha', event: () => pushEvent('refs/heads/dev'), tags: ['type=sha,format=long'], expected: [`org/app:sha-${PUSH_SHA}`] },
  { name: 'short sha of 12 (DOCKER_METADATA_SHORT_SHA_LENGTH)', event: () => pushEvent('refs/heads/dev'), tags: ['type=sha'], settings: { shortShaLength: '12' }, expected: ['org/app:sha-6113728f27ae'] },
  { name: '{{sha}} follows the short length too', event: () => pushEvent('refs/heads/dev'), tags: ['type=raw,value={{sha}}'], settings: { shortShaLength: '9' }, expected: ['org/app:6113728f2'] },
  { name: 'branch with a slash is sanitized', event: () => pushEvent('refs/heads/feature/new-ui'), tags: ['type=ref,event=branch'], expected: ['org/app:feature-new-ui'] },
  { name: 'default tags on a branch', event: () => pushEvent('refs/heads/master'), expected: ['org/app:master'] },
  { name: 'default tags on a tag push', event: () => pushEvent('refs/tags/v1.0.0'), expected: ['org/app:v1.0.0', 'org/app:latest'] },
  { name: 'edge on the default branch', event: () => pushEvent('refs/heads/master'), tags: ['type=edge'], expected: ['org/app:edge'] },
  { name: 'edge for a named branch', event: () => pushEvent('refs/heads/dev'), tags: ['type=edge,branch=dev'], expected: ['org/app:edge'] },
  { name: 'edge elsewhere gives nothing', event: () => pushEvent('refs/heads/dev'), tags: ['type=edge'], expected: [] },
  { name: 'edge before branch (priority 700 > 600)', event: () => pushEvent('refs/heads/master'), tags: ['type=ref,event=branch', 'type=edge'], expected: ['org/app:edge', 'org/app:master'] },
  { name: 'latest only on the default branch', event: () => pushEvent('refs/heads/master'), tags: ['type=ref,event=branch', 'type=raw,value=latest,enable={{is_default_branch}}'], expected: ['org/app:master', 'org/app:latest'] },
  { name: 'no latest on another branch', event: () => pushEvent('refs/heads/dev'), tags: ['type=ref,event=branch', 'type=raw,value=latest,enable={{is_default_branch}}'], expected: ['org/app:dev'] },
  { name: 'raw values keep their written order', event: () => pushEvent('refs/heads/dev'), tags: ['type=raw,value=foo', 'type=raw,value=bar'], expected: ['org/app:foo', 'org/app:bar'] },
  { name: 'priority= moves sha first', event: () => pushEvent('refs/heads/dev'), tags: ['type=ref,event=branch', 'type=sha,priority=1001'], expected: ['org/app:sha-6113728', 'org/app:dev'] },
  { name: 'a bare line is a raw value', event: () => pushEvent('refs/heads/dev'), tags: ['my-tag'], expected: ['org/app:my-tag'] },
  { name: 'raw with {{branch}}-{{sha}}', event: () => pushEvent('refs/heads/dev'), tags: ['type=raw,value={{branch}}-{{sha}}'], expected: ['org/app:dev-6113728'] },
  { name: 'raw with {{date}}', event: () => pushEvent('refs/heads/dev'), tags: ["type=raw,value={{date 'YYYY.MM.DD'}}"], expected: ['org/app:2020.01.10'] },
  { name: 'raw with {{commit_date}} from the head commit', event: () => pushEvent('refs/heads/dev'), tags: ["type=raw,value=c{{commit_date 'YYYYMMDD-HHmmss'}}"], expected: ['org/app:c20190515-151925'] },
  { name: 'a raw value equal to the branch appears once', event: () => pushEvent('refs/heads/dev'), tags: ['type=ref,event=branch', 'type=raw,value=dev'], expected: ['org/app:dev'] },
  { name: 'characters outside [A-Za-z0-9._-] become one dash', event: () => pushEvent('refs/heads/dev'), tags: ['type=raw,value=foo/bar baz'], expected: ['org/app:foo-bar-baz'] },
  { name: 'enable=false skips the rule', event: () => pushEvent('refs/heads/dev'), tags: ['type=ref,event=branch,enable=false', 'type=sha'], expected: ['org/app:sha-6113728'] },
  { name: 'ref rules for other events give nothing on a branch', event: () => pushEvent('refs/heads/dev'), tags: ['type=ref,event=tag', 'type=ref,event=pr', 'type=schedule'], expected: [] },

  // tag rules and latest decisions
  { name: 'raw with {{tag}}', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=raw,value=release-{{tag}}'], expected: ['org/app:release-v1.2.3'] },
  { name: 'ref tag gives latest under auto', event: () => pushEvent('refs/tags/simple-tag'), tags: ['type=ref,event=tag'], expected: ['org/app:simple-tag', 'org/app:latest'] },
  { name: 'the first rule decides latest: a raw tag first means no latest', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=raw,value=stable,priority=1000', 'type=semver,pattern={{version}}'], expected: ['org/app:stable', 'org/app:1.2.3'] },
  { name: 'semver before sha keeps latest', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=sha', 'type=semver,pattern={{version}}'], expected: ['org/app:1.2.3', 'org/app:sha-6113728', 'org/app:latest'] },
  { name: '{{is_default_branch}} is false for a tag push', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=raw,value=x,enable={{is_default_branch}}'], expected: [] },
  { name: '{{base_ref}} on a tag push', event: withBase('refs/tags/v1.2.3', 'refs/heads/master'), tags: ['type=raw,value={{base_ref}}-{{tag}}'], expected: ['org/app:master-v1.2.3'] },
  { name: 'match group 0', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=match,pattern=\\d.\\d.\\d'], expected: ['org/app:1.2.3', 'org/app:latest'] },
  { name: 'match group 1', event: () => pushEvent('refs/tags/app-v1.2.3'), tags: ['type=match,pattern=app-v(\\d.\\d),group=1'], expected: ['org/app:1.2', 'org/app:latest'] },
  { name: 'match as a /regex/flags literal', event: () => pushEvent('refs/tags/V42'), tags: ['type=match,pattern=/^v(\\d+)$/i,group=1'], expected: ['org/app:42', 'org/app:latest'] },
  { name: 'match with no match warns and gives nothing', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=match,pattern=^release-(.*)$,group=1'], expected: [], warnings: 1 },
  { name: 'match value= on a branch', event: () => pushEvent('refs/heads/dev'), tags: ['type=match,pattern=\\d+,value=build-77'], expected: ['org/app:77', 'org/app:latest'] },
  { name: 'match and semver with a shared value keep one copy', event: () => pushEvent('refs/tags/v1.2.3'), tags: ['type=semver,pattern={{version}}', 'type=match,pattern=\\d.\\d.\\d'], expected: ['org/app:1.2.3', 'org/app:latest'] },

  // pull requests
  { name: 'default tags on a pull request', event: () => pullRequestEvent(15), expected: ['org/app:pr-15'] },
  { name: 'pr with a custom prefix', event: () => pullRequestEvent(15), tags: ['type=ref,event=pr,prefix=pull-'], expected: ['org/app:pull-15'] },
  { name: 'pr and sha of the merge commit', event: () => pullRequestEvent(2), tags: ['type=ref,event=pr', 'type=sha'], expected: ['org/app:pr-2', 'org/app:sha-860c190'] },
  { name: 'pr sha of the head commit (DOCKER_METADATA_PR_HEAD_SHA)', event: () => pullRequestEvent(2), tags: ['type=ref,event=pr', 'type=sha'], settings: { prHeadSha: 'true' }, expected: ['org/app:pr-2', 'org/app:sha-ec26c3e'] },
  { name: 'pr: branch rule gives nothing', event: () => pullRequestEvent(2, 'synchronize'), tags: ['type=ref,event=branch', 'type=ref,event=pr'], expected: ['org/app:pr-2'] },
  { name: 'pr: {{base_ref}} is the base branch', event: () => pullRequestEvent(2), tags: ['type=raw,value={{base_ref}}-pr'], expected: ['org/app:master-pr'] },
  { name: 'pr: {{branch}} is empty, so the raw rule gives nothing', event: () => pullRequestEvent(2), tags: ['type=raw,value={{branch}}'], expected: [] },
  { name: 'pr: latest=true still adds latest', event: () => pullRequestEvent(7), flavor: ['latest=true'], expected: ['org/app:pr-7', 'org/app:latest'] },

  // schedule
  { name: 'default tags on schedule: nightly and the branch', event: () => scheduleEvent(), expected: ['org/app:nightly', 'org/app:master'] },
  { name: 'schedule with a date pattern', event: () => scheduleEvent(), tags: ["type=schedule,pattern={{date 'YYYYMMDD'}}"], expected: ['org/app:20200110'] },
  { name: 'schedule with a date in another time zone', event: () => scheduleEvent(), tags: ["type=schedule,pattern={{date 'YYYYMMDD-HHmm' tz='Asia/Tokyo'}}"], expected: ['org/app:20200110-0930'] },
  { name: 'schedule with an expression suffix', event: () => scheduleEvent(), tags: ["type=schedule,suffix=-{{date 'YYYYMMDD'}}"], expected: ['org/app:nightly-20200110'] },
  { name: 'schedule, branch and sha by priority', event: () => scheduleEvent(), tags: ['type=sha', 'type=ref,event=branch', 'type=schedule'], expected: ['org/app:nightly', 'org/app:master', 'org/app:sha-860c190'] },
  { name: 'schedule counts as the default branch', event: () => scheduleEvent(), tags: ['type=schedule', 'type=raw,value=latest,enable={{is_default_branch}}'], expected: ['org/app:nightly', 'org/app:latest'] },
  { name: 'schedule with a flavor suffix', event: () => scheduleEvent(), tags: ['type=schedule'], flavor: ['suffix=-slim'], expected: ['org/app:nightly-slim'] },

  // release
  { name: 'release published: semver tags and latest', event: () => releaseEvent('v1.2.3'), tags: SEMVER3, expected: ['org/app:1.2.3', 'org/app:1.2', 'org/app:1', 'org/app:latest'] },
  { name: 'release prereleased: only the version', event: () => releaseEvent('v2.0.0-rc.1', 'prereleased'), tags: SEMVER3, expected: ['org/app:2.0.0-rc.1'] },
  { name: 'release of the recorded tag 0.0.1', event: () => releaseEvent('0.0.1'), tags: SEMVER3, expected: ['org/app:0.0.1', 'org/app:0.0', 'org/app:0', 'org/app:latest'] },
  { name: 'release with sha', event: () => releaseEvent('v1.0.0'), tags: ['type=semver,pattern={{version}}', 'type=sha'], expected: ['org/app:1.0.0', 'org/app:sha-860c190', 'org/app:latest'] },

  // workflow_dispatch and create
  { name: 'dispatch on main: default tags', event: () => dispatchEvent(), expected: ['org/app:main'] },
  { name: 'dispatch on the default branch gets latest by rule', event: () => dispatchEvent(), tags: ['type=ref,event=branch', 'type=raw,value=latest,enable={{is_default_branch}}'], expected: ['org/app:main', 'org/app:latest'] },
  { name: 'dispatch on a tag', event: () => dispatchEvent('refs/tags/v1.0.0'), tags: ['type=semver,pattern={{version}}'], expected: ['org/app:1.0.0', 'org/app:latest'] },
  { name: 'dispatch with the date as a tag', event: () => dispatchEvent(), tags: ["type=raw,value=manual-{{date 'YYYYMMDDHHmmss'}}"], expected: ['org/app:manual-20200110003000'] },
  { name: 'create (tag) counts as the default branch', event: () => createTagEvent(), tags: ['type=ref,event=tag', 'type=raw,value=x,enable={{is_default_branch}}'], expected: ['org/app:simple-tag', 'org/app:x', 'org/app:latest'] },

  // images
  { name: 'no images: bare tags', event: () => pushEvent('refs/tags/v1.2.3'), images: [], tags: SEMVER3.slice(0, 1), expected: ['1.2.3', 'latest'] },
  { name: 'a disabled image is left out', event: () => pushEvent('refs/heads/dev'), images: ['name=org/app', 'name=ghcr.io/x/app,enable=false'], tags: ['type=ref,event=branch'], expected: ['org/app:dev'] },
  { name: 'image names are lower-cased', event: () => pushEvent('refs/heads/dev'), images: ['Org/App'], tags: ['type=ref,event=branch'], expected: ['org/app:dev'] },
  { name: 'the older one-line list of images', event: () => pushEvent('refs/heads/dev'), images: ['org/app,ghcr.io/user/app'], tags: ['type=ref,event=branch'], expected: ['org/app:dev', 'ghcr.io/user/app:dev'] },
];

function compute(c: Case) {
  const inputs: MetadataInputs = { images: c.images ?? ['org/app'], tags: c.tags ?? [], flavor: c.flavor ?? [], labels: [], annotations: [] };
  return computeMetadata(inputs, metadataContext(c.event(), { now: NOW, ...c.settings }));
}

describe('tags as metadata-action computes them', () => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const meta = compute(c);
    expect(meta.tags).toEqual(c.expected);
    const none = meta.warnings.filter((w) => w.startsWith('No tag was computed'));
    expect(meta.warnings.length - none.length).toBe(c.warnings ?? 0);
    // no tag at all is always said
    expect(none).toHaveLength(c.expected.length === 0 ? 1 : 0);
  });
});
