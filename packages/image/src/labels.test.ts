import { describe, expect, it } from '@jest/globals';
import { pushEvent, releaseEvent } from './__fixtures__/events.ts';
import { metadataContext } from './context.ts';
import { computeMetadata, type MetadataInputs } from './meta.ts';
import { parseFlavor, parseTagRule } from './rules.ts';

const NOW = new Date('2020-01-10T00:30:00Z');
const inputs = (over: Partial<MetadataInputs> = {}): MetadataInputs => ({ images: ['org/app'], tags: [], flavor: [], labels: [], annotations: [], ...over });

describe('labels, annotations, version and json', () => {
  it('gives the OCI labels sorted by key, user labels replacing them, and the same as annotations at the manifest level', () => {
    const ctx = metadataContext(releaseEvent('v1.2.3'), { now: NOW });
    const meta = computeMetadata(inputs({
      tags: ['type=semver,pattern={{version}}'],
      labels: ['org.opencontainers.image.description=Greets the world', 'com.example.branch={{tag}}', 'broken-without-equals'],
      annotations: ['org.opencontainers.image.licenses=MIT'],
    }), ctx);
    expect(meta.labels).toEqual([
      'com.example.branch=v1.2.3',
      'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
      'org.opencontainers.image.description=Greets the world',
      'org.opencontainers.image.licenses=',
      'org.opencontainers.image.revision=860c1904a1ce19322e91ac35af1ab07466440c37',
      'org.opencontainers.image.source=https://github.com/Codertocat/Hello-World',
      'org.opencontainers.image.title=Hello-World',
      'org.opencontainers.image.url=https://github.com/Codertocat/Hello-World',
      'org.opencontainers.image.version=1.2.3',
    ]);
    expect(meta.annotations).toContain('manifest:org.opencontainers.image.licenses=MIT');
    expect(meta.annotations.every((a) => a.startsWith('manifest:'))).toBe(true);
    expect(meta.version.main).toBe('1.2.3');
    expect(meta.json).toEqual({
      tags: ['org/app:1.2.3', 'org/app:latest'],
      'tag-names': ['1.2.3', 'latest'],
      labels: Object.fromEntries(meta.labels.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])),
      annotations: meta.annotations,
    });
  });

  it('honours SOURCE_DATE_EPOCH for the created date and {{date}}', () => {
    const ctx = metadataContext(pushEvent('refs/heads/dev'), { now: NOW, sourceDateEpoch: '1700000000' });
    const meta = computeMetadata(inputs({ tags: ["type=raw,value={{date 'YYYYMMDD'}}"] }), ctx);
    expect(meta.labels).toContain('org.opencontainers.image.created=2023-11-14T22:13:20.000Z');
    expect(meta.tags).toEqual(['org/app:20231114']);
  });

  it('writes annotations for every level asked for', () => {
    const ctx = metadataContext(pushEvent('refs/heads/dev'), { now: NOW, annotationLevels: 'manifest,index' });
    const meta = computeMetadata(inputs(), ctx);
    expect(meta.annotations.filter((a) => a.startsWith('index:'))).toHaveLength(8);
    expect(meta.annotations.filter((a) => a.startsWith('manifest:'))).toHaveLength(8);
  });
});

describe('bad input is a clear error', () => {
  it.each([
    ['type=nope', "Input 'tags': unknown type=nope"],
    ['type=semver', "Input 'tags': type=semver needs pattern="],
    ['type=ref', "Input 'tags': type=ref needs event="],
    ['type=ref,event=push', 'event=push is not one of branch, tag, pr'],
    ['type=sha,format=medium', 'format=medium is not one of short, long'],
    ['type=match,pattern=x,group=a', 'group=a is not a group number'],
    ['type=raw,value=x,priority=high', 'priority=high is not a whole number'],
    ['type=raw,"value=x', 'the entry opens a double quote that is never closed'],
  ])('tags %s', (line, message) => {
    expect(() => parseTagRule(line)).toThrow(message);
  });

  it.each([
    ['latest=maybe', 'latest=maybe is not one of auto, true, false'],
    ['prefix=a,onlatest=yes', 'onlatest=yes is not true or false'],
    ['colour=red', 'unknown entry colour='],
  ])('flavor %s', (line, message) => {
    expect(() => parseFlavor([line])).toThrow(message);
  });

  it('an enable expression that is not true/false', () => {
    const ctx = metadataContext(pushEvent('refs/heads/dev'), { now: NOW });
    expect(() => computeMetadata(inputs({ tags: ['type=raw,value=x,enable={{branch}}'] }), ctx)).toThrow("enable= must be true or false, but \"{{branch}}\" gave \"dev\"");
  });

  it('SOURCE_DATE_EPOCH and the short sha length are checked', () => {
    expect(() => metadataContext(pushEvent('refs/heads/dev'), { now: NOW, sourceDateEpoch: 'yesterday' })).toThrow('SOURCE_DATE_EPOCH is "yesterday"');
    expect(() => metadataContext(pushEvent('refs/heads/dev'), { now: NOW, shortShaLength: '0' })).toThrow('DOCKER_METADATA_SHORT_SHA_LENGTH is "0"');
    expect(() => metadataContext(pushEvent('refs/heads/dev'), { now: NOW, annotationLevels: 'layer' })).toThrow('names the level "layer"');
  });

});
