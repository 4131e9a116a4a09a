import { describe, expect, it } from '@jest/globals';
import { buildah } from './buildah.ts';
import type { BuildPlan } from './types.ts';

const plan = (over: Partial<BuildPlan> = {}): BuildPlan => ({
  context: '/src', platforms: [], tags: ['127.0.0.1:5000/app:1.0', 'ghcr.io/o/app:1.0'], labels: ['a=b'], annotations: ['manifest:k=v'],
  buildArgs: [], secrets: [], push: true, noCache: false, cacheFrom: [], cacheTo: [], provenance: '', sbom: '',
  insecure: (r) => r.startsWith('127.0.0.1'), workDir: '/tmp/conveyor-image-abc', buildahOptions: ['--storage-driver', 'vfs'], ...over,
});
const lines = (p: BuildPlan) => buildah.steps(p).map((s) => [s.command, ...s.args].join(' '));

describe('buildah commands', () => {
  it('one platform: build, then push each tag, TLS checks off only for the insecure registry', () => {
    expect(lines(plan({ secrets: [{ id: 'npm', src: '/s/npm' }], buildArgs: ['V=1'], target: 'run', file: '/src/Containerfile', noCache: true }))).toEqual([
      'buildah --storage-driver vfs build --format oci --file /src/Containerfile --target run --no-cache --build-arg V=1 --secret id=npm,src=/s/npm --label a=b --annotation k=v --iidfile /tmp/conveyor-image-abc/iid-0 --tag localhost/conveyor-conveyorimageabc /src',
      'buildah --storage-driver vfs push --tls-verify=false --digestfile /tmp/conveyor-image-abc/digest-0 localhost/conveyor-conveyorimageabc docker://127.0.0.1:5000/app:1.0',
      'buildah --storage-driver vfs push --digestfile /tmp/conveyor-image-abc/digest-1 localhost/conveyor-conveyorimageabc docker://ghcr.io/o/app:1.0',
    ]);
  });

  it('two platforms: a build each, a manifest list, descriptor annotations, and a push of the list per tag', () => {
    const out = lines(plan({ platforms: ['linux/amd64', 'linux/arm64'], tags: ['ghcr.io/o/app:1.0'], annotations: ['manifest:k=v', 'manifest-descriptor:d=e', 'manifest-descriptor:f=g'], buildahOptions: [] }));
    expect(out).toEqual([
      expect.stringMatching(/^buildah build --format oci --platform linux\/amd64 .* --tag localhost\/conveyor-conveyorimageabc-0 \/src$/),
      expect.stringMatching(/^buildah build --format oci --platform linux\/arm64 .* --tag localhost\/conveyor-conveyorimageabc-1 \/src$/),
      'buildah manifest create localhost/conveyor-conveyorimageabc-list',
      'buildah manifest add localhost/conveyor-conveyorimageabc-list localhost/conveyor-conveyorimageabc-0',
      'buildah manifest add localhost/conveyor-conveyorimageabc-list localhost/conveyor-conveyorimageabc-1',
      'buildah manifest annotate --annotation d=e --annotation f=g localhost/conveyor-conveyorimageabc-list localhost/conveyor-conveyorimageabc-0',
      'buildah manifest annotate --annotation d=e --annotation f=g localhost/conveyor-conveyorimageabc-list localhost/conveyor-conveyorimageabc-1',
      'buildah manifest push --all --digestfile /tmp/conveyor-image-abc/digest-0 localhost/conveyor-conveyorimageabc-list docker://ghcr.io/o/app:1.0',
    ]);
    expect(out[0]).not.toContain('d=e');
  });

  it('SOURCE_DATE_EPOCH: the build is given --timestamp, so a rebuild of the commit has the same digest', () => {
    expect(lines(plan({ push: false, timestamp: 1700000000 }))[0]).toContain(' --timestamp 1700000000 ');
    expect(lines(plan({ push: false }))[0]).not.toContain('--timestamp');
  });

  it('without push: only the build', () => {
    expect(lines(plan({ push: false }))).toHaveLength(1);
  });

  it('refuses what buildah cannot do, before running anything', () => {
    expect(() => buildah.steps(plan({ annotations: ['index:k=v'] }))).toThrow('"index:k=v" is for the index level, which buildah cannot write; use builder: buildx');
    expect(() => buildah.steps(plan({ cacheTo: ['type=gha'] }))).toThrow("Inputs 'cache-from' and 'cache-to' need builder: buildx");
  });
});
