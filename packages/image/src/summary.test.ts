import { describe, expect, it } from '@jest/globals';
import { formatSize, renderSummary } from './summary.ts';

describe('the job summary', () => {
  it('shows image, digest, tags, platforms, size and time first, the rest folded', () => {
    const text = renderSummary({
      image: '127.0.0.1:5000/team/app@sha256:abc', digest: 'sha256:abc', tags: ['127.0.0.1:5000/team/app:1.2.3', '127.0.0.1:5000/team/app:latest'],
      platforms: [{ platform: 'linux/amd64', digest: 'sha256:a1', size: 1536 }, { platform: 'linux/arm64', digest: 'sha256:a2', size: 2048 }],
      seconds: 2.345, builder: 'buildah', labels: ['a=b'], commands: 'buildah build --build-arg X=… .', dryRun: false,
    });
    expect(text).toBe([
      '### Image built',
      '',
      '|  |  |',
      '| --- | --- |',
      '| Image | 127.0.0.1:5000/team/app@sha256:abc |',
      '| Digest | sha256:abc |',
      '| Tags | 127.0.0.1:5000/team/app:1.2.3<br>127.0.0.1:5000/team/app:latest |',
      '| Platforms | linux/amd64, linux/arm64 |',
      '| Size | 3.5 KiB |',
      '| Build time | 2.3 s |',
      '| Builder | buildah |',
      '',
      '<details><summary>Platforms</summary>',
      '',
      '| Platform | Digest | Size |',
      '| --- | --- | --- |',
      '| linux/amd64 | sha256:a1 | 1.5 KiB |',
      '| linux/arm64 | sha256:a2 | 2.0 KiB |',
      '',
      '</details>',
      '',
      '<details><summary>Labels</summary>',
      '',
      '```',
      'a=b',
      '```',
      '',
      '</details>',
      '',
      '<details><summary>Commands</summary>',
      '',
      '```sh',
      'buildah build --build-arg X=… .',
      '```',
      '',
      '</details>',
      '',
    ].join('\n'));
  });

  it('says what a dry run did not do', () => {
    const text = renderSummary({ image: '', digest: '', tags: [], platforms: [], seconds: 0, builder: 'buildx', labels: [], commands: 'docker buildx build .', dryRun: true });
    expect(text).toContain('### Image build (dry run: nothing was built)');
    expect(text).toContain('| Image | (not built) |');
    expect(text).toContain('| Platforms | builder default |');
    expect(text).toContain('<details><summary>Commands that would run</summary>');
  });

  it('formats sizes', () => {
    expect([formatSize(-1), formatSize(512), formatSize(10 * 1024 * 1024), formatSize(3 * 1024 ** 3)]).toEqual(['n/a', '512 B', '10.0 MiB', '3.0 GiB']);
  });
});
