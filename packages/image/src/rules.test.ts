/**
 * The parts of metadata-action's rule language beyond the basic tag types, one table per feature, written
 * from its documented behaviour: PEP 440 versions, match= on version rules, the placeholders and their
 * errors, the list syntax, pull_request_target and the head-SHA option, commit dates, tag names and bake
 * definitions.
 */
import { describe, expect, it } from '@jest/globals';
import type { GitHubContext } from '@conveyor/kit';
import { pullRequestEvent, pullRequestTargetEvent, pushEvent, RUN_SHA, scheduleEvent } from './__fixtures__/events.ts';
import { bakeDefinition } from './bake.ts';
import { metadataContext, type ContextSettings } from './context.ts';
import { splitCsvLine, splitRuleList, splitValueList } from './csv.ts';
import { imageInputs } from './inputs.ts';
import { computeMetadata, type MetadataInputs } from './meta.ts';
import { parseFlavor, parseImages, parseTagRule, parseTagRules } from './rules.ts';
import { readInputs } from '@conveyor/kit';

const NOW = new Date('2020-01-10T00:30:00Z');
const PUSH_SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

function compute(event: GitHubContext, tags: string[], over: Partial<MetadataInputs> = {}, settings: Partial<ContextSettings> = {}) {
  const inputs: MetadataInputs = { images: ['org/app'], tags, flavor: [], labels: [], annotations: [], ...over };
  return computeMetadata(inputs, metadataContext(event, { now: NOW, ...settings }));
}
const tagNames = (event: GitHubContext, tags: string[], over: Partial<MetadataInputs> = {}) => compute(event, tags, { images: [], ...over }).tags;
const onTag = (tag: string) => pushEvent(`refs/tags/${tag}`);

describe('type=pep440', () => {
  it.each([
    // git tag, pattern, tags (latest under latest=auto only for final releases)
    ['1.2.3', '{{raw}}', ['1.2.3', 'latest']],
    ['1.2.3', '{{version}}', ['1.2.3', 'latest']],
    ['v1.2.3', '{{version}}', ['1.2.3', 'latest']],
    ['v1.2.3', '{{raw}}', ['v1.2.3', 'latest']],
    ['1.2.3', '{{major}}.{{minor}}', ['1.2', 'latest']],
    ['1.2.3', 'v{{major}}', ['v1', 'latest']],
    ['1.2.3', '{{patch}}', ['3', 'latest']],
    ['1.0', '{{major}}.{{minor}}.{{patch}}', ['1.0.0', 'latest']],
    ['1.2.3+local.7', '{{version}}', ['1.2.3-local.7', 'latest']],
    ['2!1.0', '{{version}}', ['2-1.0', 'latest']],
    // pre, post and dev releases: only the normalised version (or {{raw}}), never latest
    ['v1.2.3rc2', '{{raw}}', ['v1.2.3rc2']],
    ['1.2.3rc2', '{{version}}', ['1.2.3rc2']],
    ['1.2.3rc2', '{{major}}.{{minor}}', ['1.2.3rc2']],
    ['1.2.3-RC.2', '{{major}}', ['1.2.3rc2']],
    ['1.2.3post1', '{{major}}.{{minor}}', ['1.2.3.post1']],
    ['1.2.post1', '{{version}}', ['1.2.post1']],
    ['1.2.3beta2', '{{major}}.{{minor}}', ['1.2.3b2']],
    ['1.1b2', '{{major}}', ['1.1b2']],
    ['1.0dev4', '{{major}}.{{minor}}', ['1.0.dev4']],
    ['1.0.dev4', '{{raw}}', ['1.0.dev4']],
  ])('%s with %s', (tag, pattern, expected) => {
    expect(tagNames(onTag(tag), [`type=pep440,pattern=${pattern}`])).toEqual(expected);
  });

  it('three patterns on a final release and on a pre-release', () => {
    const rules = ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}', 'type=pep440,pattern={{major}}'];
    expect(tagNames(onTag('v2.1.0'), rules)).toEqual(['2.1.0', '2.1', '2', 'latest']);
    expect(tagNames(onTag('v2.1.0a1'), rules)).toEqual(['2.1.0a1']);
  });

  it('latest=true still tags a pre-release latest; latest=false never', () => {
    expect(tagNames(onTag('1.0rc1'), ['type=pep440,pattern={{version}}'], { flavor: ['latest=true'] })).toEqual(['1.0rc1', 'latest']);
    expect(tagNames(onTag('1.0'), ['type=pep440,pattern={{version}}'], { flavor: ['latest=false'] })).toEqual(['1.0']);
  });

  it('a tag that is not PEP 440 gives no tag and a warning naming it', () => {
    const meta = compute(onTag('release-x'), ['type=pep440,pattern={{version}}']);
    expect(meta.tags).toEqual([]);
    expect(meta.warnings[0]).toContain('release-x does not conform to PEP 440');
  });

  it('value= on a branch, and match= to take part of it', () => {
    expect(tagNames(pushEvent('refs/heads/dev'), ['type=pep440,pattern={{version}},value=1.0.0'])).toEqual(['1.0.0', 'latest']);
    expect(tagNames(pushEvent('refs/heads/dev'), ['type=pep440,pattern={{version}},value=p1/v1.2.3,"match=v(\\d.\\d.\\d)$"'])).toEqual(['1.2.3', 'latest']);
    expect(tagNames(pushEvent('refs/heads/dev'), ['type=pep440,pattern={{version}}'])).toEqual([]);
  });

  it('has the priority of semver (900): written order between them', () => {
    expect(tagNames(onTag('1.2.3'), ['type=raw,value=x', 'type=pep440,pattern={{major}}', 'type=semver,pattern={{version}}'])).toEqual(['1', '1.2.3', 'x', 'latest']);
  });
});

describe('match= on version rules', () => {
  it.each([
    ['p1/v1.2.3', 'type=semver,pattern={{version}},"match=v(\\d.\\d.\\d)$"', ['1.2.3', 'latest'], 0],
    ['app-2.0.0-rc.1', 'type=semver,pattern={{major}},match=app-(.*)', ['2.0.0-rc.1'], 0],
    ['v3.4.5', 'type=semver,pattern={{major}}.{{minor}},match=\\d.\\d.\\d', ['3.4', 'latest'], 0],
    // no match: the whole tag is read, which is no semver here either
    ['p1/v1.2.3', 'type=semver,pattern={{version}},match=^x(.*)', [], 2],
  ])('%s with %s', (tag, rule, expected, warnings) => {
    const meta = compute(onTag(tag), [rule], { images: [] });
    expect(meta.tags).toEqual(expected);
    expect(meta.warnings.filter((w) => !w.startsWith('No tag'))).toHaveLength(warnings);
  });
});

describe('placeholders', () => {
  it.each([
    ['push to the default branch', pushEvent('refs/heads/master'), '{{is_default_branch}}-{{is_not_default_branch}}', 'true-false'],
    ['push to another branch', pushEvent('refs/heads/dev'), '{{is_default_branch}}-{{is_not_default_branch}}', 'false-true'],
    ['push of a tag', onTag('v1.0.0'), '{{is_not_default_branch}}', 'true'],
    ['schedule', scheduleEvent(), '{{is_not_default_branch}}', 'false'],
    ['branch with a slash', pushEvent('refs/heads/my/branch'), '{{branch}}', 'my-branch'],
    ['no branch on a tag push', onTag('v1.2.3'), 'x{{branch}}', 'x'],
    ['date in a zone', pushEvent('refs/heads/dev'), "{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", '20200110-093000'],
    ['expressions are HTML-escaped as Handlebars does', pushEvent('refs/heads/a&b'), '{{branch}}', 'a-amp-b'],
  ])('%s', (_name, event, value, expected) => {
    expect(tagNames(event, [`type=raw,value=${value}`])).toEqual([expected]);
  });

  it('{{commit_date}} is the pushed commit of that sha, else the date given from the checkout, else the build date', () => {
    const rule = ["type=raw,value={{commit_date 'YYYYMMDDHHmmss'}}"];
    expect(tagNames(pushEvent('refs/heads/dev'), rule)).toEqual(['20190515151925']);
    // the head-SHA option names another commit than the payload's: the checkout's date is taken
    const pr = pullRequestEvent(2);
    expect(compute(pr, rule, { images: [] }, { commitDate: new Date('2021-02-03T04:05:06Z') }).tags).toEqual(['20210203040506']);
    expect(compute(pr, rule, { images: [] }).tags).toEqual(['20200110003000']);
    const other = pushEvent('refs/heads/dev');
    other.sha = '1'.repeat(40);
    expect(tagNames(other, rule)).toEqual(['20200110003000']);
  });
});

describe('unknown names and bad expressions are errors naming them', () => {
  it.each([
    ['type=semver,pattern={{versoin}}', 'pattern={{versoin}} uses the unknown placeholder {{versoin}} in a semver pattern; accepted: {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}'],
    ['type=pep440,pattern={{branch}}', 'uses the unknown placeholder {{branch}} in a pep440 pattern'],
    ['type=schedule,pattern={{sha}}', 'uses the unknown placeholder {{sha}} in a schedule pattern; accepted: {{date}}, {{commit_date}}'],
    ['type=raw,value={{brnach}}', 'value={{brnach}} uses the unknown placeholder {{brnach}}; accepted: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}}'],
    ['type=sha,prefix={{this.sha}}-', 'unknown placeholder {{this.sha}}'],
    ['type=raw,value=x,enable={{is_default}}', 'enable={{is_default}} uses the unknown placeholder {{is_default}}'],
    ["type=raw,value={{date 'YYYY' zone='UTC'}}", "{{date}} has the unknown attribute zone= (accepted: tz)"],
    ["type=raw,value={{date 'YYYY' tz='Mars/Olympus'}}", "unknown time zone tz='Mars/Olympus'"],
    ['type=raw,value={{date YYYY}}', '{{date}} takes one quoted format'],
    ['type=raw,value={{#each branch}}x{{/each}}', 'the block {{#each}} is not supported'],
    ['type=raw,value={{#if is_default_branch}}a{{/if}}', 'the block {{#if}} is not supported; use enable={{is_default_branch}}'],
    ['type=raw,value={{> partial}}', 'partial expressions are not supported'],
    ['type=raw,value={{branch', 'is not a valid expression'],
    ['type=sha,length=12', 'type=sha has the unknown attribute length= (accepted: enable=, priority=, prefix=, suffix=, format=)'],
    ['type=edge,event=branch', 'type=edge has the unknown attribute event='],
    ['type=raw,value=x,pattern=y', 'type=raw has the unknown attribute pattern='],
    ['type=semver,pattern={{version}},group=1', 'type=semver has the unknown attribute group='],
    ['type=pep440', 'type=pep440 needs pattern='],
    ['type=tag', 'unknown type=tag (accepted: schedule, semver, pep440, match, edge, ref, raw, sha)'],
    ['type=match,pattern=v(\\d', 'pattern=v(\\d is not a valid regular expression'],
    ['type=semver,pattern={{version}},match=(', 'match=( is not a valid regular expression'],
    ['type=raw,value="x,y"', 'has a double quote inside a field; quote the whole field'],
  ])('%s', (line, message) => {
    expect(() => parseTagRule(line)).toThrow(message);
  });

  it('an error names the input and the line', () => {
    expect(() => parseTagRule('type=sha,lenght=12')).toThrow(/^Input 'tags': type=sha has the unknown attribute lenght= .* in the line "type=sha,lenght=12"\.$/);
  });

  it('flavor, labels and annotations are checked too', () => {
    expect(() => parseFlavor(['prefix={{brnch}}-'])).toThrow("Input 'flavor': prefix={{brnch}}- uses the unknown placeholder {{brnch}}");
    const event = pushEvent('refs/heads/dev');
    expect(() => compute(event, [], { labels: ['a={{versoin}}'] })).toThrow("Input 'labels': the line \"a={{versoin}}\" uses the unknown placeholder {{versoin}}");
    expect(() => compute(event, [], { annotations: ['b={{date 1}}'] })).toThrow("Input 'annotations'");
  });

  it('checks every rule before any runs: a bad rule fails even on an event it would not apply to', () => {
    expect(() => compute(pushEvent('refs/heads/dev'), ['type=ref,event=branch', 'type=semver,pattern={{versoin}}'])).toThrow('{{versoin}}');
  });
});

describe('list inputs as metadata-action reads them', () => {
  it.each([
    ['one rule per line, comments and empty lines skipped', 'type=ref,event=branch\n# a comment\n\ntype=sha\n', ['type=ref,event=branch', 'type=sha']],
    ['a quoted field keeps its comma', 'type=match,"pattern=\\d{1,3}",group=0', ['type=match,"pattern=\\d{1,3}",group=0']],
    ['a quoted field keeps a newline', 'type=raw,"value=a\nb"\ntype=sha', ['type=raw,"value=a\nb"', 'type=sha']],
    ['Windows line ends', 'type=sha\r\ntype=edge\r\n', ['type=sha', 'type=edge']],
    ['a # inside a line is not a comment', 'type=raw,value=a#b', ['type=raw,value=a#b']],
    ['spaces around are trimmed', '  type=sha  \n', ['type=sha']],
  ])('rules: %s', (_name, raw, expected) => {
    expect(splitRuleList(raw)).toEqual(expected);
  });

  it('a rule entry splits back into its fields', () => {
    expect(splitCsvLine(splitRuleList('type=match,"pattern=\\d{1,3}",group=1')[0]!)).toEqual(['type=match', 'pattern=\\d{1,3}', 'group=1']);
    expect(splitCsvLine('a,"say ""hi""",c')).toEqual(['a', 'say "hi"', 'c']);
  });

  it.each([
    ['commas stay in a value', 'org.opencontainers.image.description=a, b and c', ['org.opencontainers.image.description=a, b and c']],
    ['quotes in a value are kept', 'maintainer=Jo "JJ" Doe', ['maintainer=Jo "JJ" Doe']],
    ['comment lines are skipped', '# ours\nvendor=Acme\n\n', ['vendor=Acme']],
  ])('values: %s', (_name, raw, expected) => {
    expect(splitValueList(raw)).toEqual(expected);
  });

  it('through the action inputs: a quoted pattern with a comma reaches the rule whole', () => {
    const inputs = readInputs(imageInputs, (name) => ({ tags: 'type=match,"pattern=v(\\d{1,3})",group=1\n# nightly builds\ntype=schedule', images: 'org/app' } as Record<string, string>)[name], { baseDir: '/' });
    expect(inputs.tags).toHaveLength(2);
    expect(compute(onTag('v42'), inputs.tags).tags).toEqual(['org/app:42', 'org/app:latest']);
  });

  it('an unclosed quote in an input names the input and the line', () => {
    expect(() => readInputs(imageInputs, (name) => (name === 'tags' ? 'type=sha\ntype=raw,"value=x' : undefined), { baseDir: '/' }))
      .toThrow("Input 'tags': line 2 opens a double quote that is never closed.");
  });

  it('images: the older one-line form, name= and enable=, lower-cased', () => {
    expect(parseImages(['Org/App,ghcr.io/o/app'])).toEqual([{ name: 'org/app', enable: true }, { name: 'ghcr.io/o/app', enable: true }]);
    expect(parseImages(['name=Org/App', 'ghcr.io/o/app,enable=false'])).toEqual([{ name: 'org/app', enable: true }, { name: 'ghcr.io/o/app', enable: false }]);
    expect(() => parseImages(['name=org/app,push=true'])).toThrow('unknown attribute push=');
  });

  it('rules sort by priority, higher first, ties in written order', () => {
    expect(parseTagRules(['type=sha', 'type=raw,value=a', 'type=edge', 'type=raw,value=b,priority=5000', 'type=schedule']).map((r) => r.source))
      .toEqual(['type=raw,value=b,priority=5000', 'type=schedule', 'type=edge', 'type=raw,value=a', 'type=sha']);
  });
});

describe('pull requests', () => {
  it.each([
    ['pull_request: the merge ref', pullRequestEvent(15), {}, ['pr-15', `sha-${RUN_SHA.slice(0, 7)}`]],
    ['pull_request_target: the pull request number, not the base branch', pullRequestTargetEvent(15), {}, ['pr-15', `sha-${RUN_SHA.slice(0, 7)}`]],
    ['pull_request_target with DOCKER_METADATA_PR_HEAD_SHA=true', pullRequestTargetEvent(15), { prHeadSha: 'true' }, ['pr-15', 'sha-ec26c3e']],
    ['pull_request with DOCKER_METADATA_PR_HEAD_SHA=TRUE', pullRequestEvent(3), { prHeadSha: 'TRUE' }, ['pr-3', 'sha-ec26c3e']],
    ['DOCKER_METADATA_PR_HEAD_SHA=false', pullRequestEvent(3), { prHeadSha: 'false' }, ['pr-3', `sha-${RUN_SHA.slice(0, 7)}`]],
    ['the head-SHA option does nothing on a push', pushEvent('refs/heads/dev'), { prHeadSha: 'true' }, ['sha-6113728']],
  ])('%s', (_name, event, settings, expected) => {
    expect(compute(event, ['type=ref,event=pr', 'type=ref,event=branch,enable=false', 'type=sha'], { images: [] }, settings).tags).toEqual(expected);
  });

  it('pull_request_target: {{branch}} is empty and {{base_ref}} is the base', () => {
    expect(tagNames(pullRequestTargetEvent(4), ['type=raw,value={{base_ref}}-{{branch}}x'])).toEqual(['master-x']);
  });

  it('DOCKER_METADATA_PR_HEAD_SHA must be true or false', () => {
    expect(() => metadataContext(pullRequestEvent(2), { now: NOW, prHeadSha: 'yes' })).toThrow('DOCKER_METADATA_PR_HEAD_SHA is "yes"; set it to true or false.');
  });

  it('the revision label follows the head-SHA option', () => {
    expect(compute(pullRequestEvent(2), [], {}, { prHeadSha: 'true' }).labels).toContain('org.opencontainers.image.revision=ec26c3e57ca3a959ca5aad62de7213c562f8c821');
  });
});

describe('outputs beyond tags', () => {
  it('tag-names are the tags without image names, once for all images', () => {
    const meta = compute(onTag('v1.2.3'), ['type=semver,pattern={{version}}'], { images: ['org/app', 'ghcr.io/org/app'], flavor: ['suffix=-slim,onlatest=true'] });
    expect(meta.tags).toEqual(['org/app:1.2.3-slim', 'org/app:latest-slim', 'ghcr.io/org/app:1.2.3-slim', 'ghcr.io/org/app:latest-slim']);
    expect(meta.tagNames).toEqual(['1.2.3-slim', 'latest-slim']);
    expect(meta.json['tag-names']).toEqual(meta.tagNames);
  });

  it('images given but no tag: a warning naming the images and the event', () => {
    const meta = compute(pushEvent('refs/heads/dev'), ['type=ref,event=tag'], { images: ['org/app', 'name=other/app,enable=false'] });
    expect(meta.tags).toEqual([]);
    expect(meta.warnings).toEqual(["No tag was computed for org/app: no rule of 'tags' gives a value for push on refs/heads/dev. Check the 'tags' input."]);
  });

  it('bake definitions hold the tags with their args, the labels, the annotations, under the target', () => {
    const meta = compute(onTag('v1.2.3'), ['type=semver,pattern={{version}}'], { images: ['org/app', 'ghcr.io/org/app'] }, { annotationLevels: 'manifest,index' });
    const tags = bakeDefinition(meta, 'tags', 'meta');
    expect(tags).toEqual({ target: { meta: { tags: meta.tags, args: { DOCKER_META_IMAGES: 'org/app,ghcr.io/org/app', DOCKER_META_VERSION: '1.2.3' } } } });
    expect(bakeDefinition(meta, 'labels', 'meta').target.meta!.labels).toEqual(meta.json.labels);
    expect(bakeDefinition(meta, 'annotations', 'meta').target.meta!.annotations).toHaveLength(16);
    expect(Object.keys(bakeDefinition(meta, 'all', 'meta').target.meta!)).toEqual(['tags', 'labels', 'args']);
    // no version: no DOCKER_META_VERSION
    const none = compute(pushEvent('refs/heads/dev'), ['type=ref,event=tag']);
    expect(bakeDefinition(none, 'tags', 't').target.t).toEqual({ tags: [], args: { DOCKER_META_IMAGES: 'org/app' } });
  });

  it('the sha in tags and the revision label are the same commit on a push', () => {
    const meta = compute(pushEvent('refs/heads/dev'), ['type=sha,format=long']);
    expect(meta.tags).toEqual([`org/app:sha-${PUSH_SHA}`]);
    expect(meta.labels).toContain(`org.opencontainers.image.revision=${PUSH_SHA}`);
  });
});

describe('DOCKER_METADATA_ANNOTATIONS_LEVELS', () => {
  it.each([
    ['manifest,index', ['manifest', 'index']],
    ['index-descriptor', ['index-descriptor']],
    ['manifest[linux/amd64,linux/arm64],index', ['manifest[linux/amd64,linux/arm64]', 'index']],
    ['', ['manifest']],
  ])('%s', (value, levels) => {
    expect(metadataContext(pushEvent('refs/heads/dev'), { now: NOW, annotationLevels: value }).annotationLevels).toEqual(levels);
  });

  it.each(['layer', 'manifest[', 'Manifest'])('refuses %s, naming it', (value) => {
    expect(() => metadataContext(pushEvent('refs/heads/dev'), { now: NOW, annotationLevels: value })).toThrow('DOCKER_METADATA_ANNOTATIONS_LEVELS names the level');
  });
});

describe('separators', () => {
  const read = (value: string | undefined) => readInputs(imageInputs, (name) => (name === 'sep-tags' ? value : undefined), { baseDir: '/' })['sep-tags'];
  it.each([[undefined, '\n'], ['', '\n'], [' ', ' '], [',', ','], ['\n\n', '\n\n']])('sep-tags %j is %j', (value, expected) => {
    expect(read(value)).toBe(expected);
  });
});
