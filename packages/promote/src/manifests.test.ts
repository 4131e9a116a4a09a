import { describe, expect, it } from '@jest/globals';
import type { Target } from './environments.ts';
import { observe, observeAndPlan, planEdits, runningDigest, type BoundTarget } from './manifests.ts';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

function promote(file: string, text: string, targets: Target[], version?: string, digest = B): string {
  const files = new Map([[file, text]]);
  const bound: BoundTarget[] = targets.map((target) => ({ target, file }));
  return planEdits(files, bound, { image: 'ghcr.io/acme/web', digest, ...(version ? { version } : {}) }).get(file) ?? text;
}

const kustomization = `# the web app in stage
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../base]   # shared
images:
  - name: ghcr.io/acme/api
    newTag: "2.0.0"
    digest: ${A}
  - name: ghcr.io/acme/web   # web
    newName: ghcr.io/acme/web-mirror
    newTag: '1.0.0'    # bumped by conveyor
    digest: "${A}"
commonLabels: &labels
  app: web
extra: *labels
`;

describe('kustomize images', () => {
  const target: Target = { kind: 'kustomize', file: 'k.yaml', image: 'ghcr.io/acme/web' };

  it('changes only the digest and tag of the matching entry, keeping quotes, comments, anchors', () => {
    const out = promote('k.yaml', kustomization, [target], '1.1.0');
    expect(out).toBe(kustomization
      .replace(`newTag: '1.0.0'`, `newTag: '1.1.0'`)
      .replace(`digest: "${A}"`, `digest: "${B}"`));
  });

  it('adds a missing digest under the entry with its indentation', () => {
    const text = 'images:\n- name: ghcr.io/acme/web\n  newTag: v1 # pinned\nother: 1\n';
    expect(promote('k.yaml', text, [target])).toBe(`images:\n- name: ghcr.io/acme/web\n  newTag: v1 # pinned\n  digest: ${B}\nother: 1\n`);
  });

  it('reads the digest each entry runs', () => {
    const observed = observe(new Map([['k.yaml', kustomization]]), [{ target, file: 'k.yaml' }]);
    expect(observed).toEqual([{ where: 'k.yaml images[1]', digest: A, tag: '1.0.0' }]);
  });

  it('names the entries it has when the image is not there', () => {
    expect(() => promote('k.yaml', kustomization, [{ ...target, image: 'ghcr.io/acme/db' }]))
      .toThrow('k.yaml has no kustomize images: entry named ghcr.io/acme/db (its entries are named ghcr.io/acme/api, ghcr.io/acme/web)');
  });

  it('refuses a missing field inside a flow mapping instead of rewriting it', () => {
    expect(() => promote('k.yaml', 'images: [{name: ghcr.io/acme/web, newTag: v1}]\n', [target]))
      .toThrow("k.yaml images[0].digest: the field 'digest' is missing in a flow mapping");
  });

  it('refuses, and leaves the file alone, when an edit would not read back as intended', () => {
    // 'a,b' is a fine plain value in block context but splits a flow mapping: the re-parse catches it.
    const text = `images: [{name: ghcr.io/acme/web, newTag: v1, digest: '${A}'}]\n`;
    expect(() => promote('k.yaml', text, [target], 'a,b')).toThrow('k.yaml: the edit did not read back as intended, so the file was left unchanged');
  });

  it('edits values inside flow mappings in place', () => {
    const text = `images: [{name: ghcr.io/acme/web, digest: '${A}'}]\n`;
    expect(promote('k.yaml', text, [target])).toBe(`images: [{name: ghcr.io/acme/web, digest: '${B}'}]\n`);
  });
});

const values = `# Default values for web.
replicaCount: 2
image:
  repository: ghcr.io/acme/web
  # the tag is informative; the digest is what runs
  tag: 1.0.0
  digest: ${'a'.repeat(64)}   # no prefix in this chart
  pullPolicy: IfNotPresent
sidecar: {image: {repository: ghcr.io/acme/web, tag: "1.0.0", digest: "${A}"}}
`;

describe('helm values', () => {
  it('sets digest without prefix and tag at configured paths', () => {
    const target: Target = { kind: 'helm', file: 'v.yaml', image: 'ghcr.io/acme/web', tag: 'image.tag', digest: 'image.digest', 'digest-prefix': false };
    expect(promote('v.yaml', values, [target], '1.1.0')).toBe(values.replace('tag: 1.0.0', 'tag: 1.1.0').replace(`digest: ${'a'.repeat(64)}`, `digest: ${'b'.repeat(64)}`));
  });

  it('reads a bare digest as sha256:', () => {
    const target: Target = { kind: 'helm', file: 'v.yaml', image: 'ghcr.io/acme/web', digest: 'image.digest', 'digest-prefix': false };
    expect(runningDigest(observe(new Map([['v.yaml', values]]), [{ target, file: 'v.yaml' }]))).toEqual({ digest: A, mixed: false });
  });

  it('quotes a version that would otherwise read as a number', () => {
    const target: Target = { kind: 'helm', file: 'v.yaml', image: 'ghcr.io/acme/web', tag: 'image.tag', digest: 'image.digest', 'digest-prefix': false };
    expect(promote('v.yaml', values, [target], '1.10')).toContain('  tag: "1.10"\n');
  });

  it('edits nested flow paths with the prefix, keeping double quotes', () => {
    const target: Target = { kind: 'helm', file: 'v.yaml', image: 'ghcr.io/acme/web', tag: 'sidecar.image.tag', digest: 'sidecar.image.digest' };
    expect(promote('v.yaml', values, [target], '1.1.0')).toBe(values.replace(`tag: "1.0.0", digest: "${A}"`, `tag: "1.1.0", digest: "${B}"`));
  });

  it.each([
    ['image:\n  digest:\n  tag: v1\n', `image:\n  digest: ${B}\n  tag: v1\n`],
    ['image:\n  digest: ~\n', `image:\n  digest: ${B}\n`],
    ['image:\n  digest: # none yet\n  tag: v1\n', `image:\n  digest: ${B} # none yet\n  tag: v1\n`],
    ['image:\n  digest: ""\n', `image:\n  digest: "${B}"\n`],
    ['a: 1\r\nimage:\r\n  tag: v1\r\n', `a: 1\r\nimage:\r\n  tag: v1\r\n  digest: ${B}\r\n`],
  ])('fills an empty or missing digest in %j', (text, expected) => {
    const target: Target = { kind: 'helm', file: 'v.yaml', image: 'ghcr.io/acme/web', digest: 'image.digest' };
    expect(promote('v.yaml', text, [target])).toBe(expected);
  });

  it('names a missing parent path', () => {
    const target: Target = { kind: 'helm', file: 'v.yaml', image: 'ghcr.io/acme/web', digest: 'images.web.digest' };
    expect(() => promote('v.yaml', values, [target])).toThrow('v.yaml has no images.web for the helm target\'s digest path');
  });
});

const deployment = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:1.0.0@${A} # {"$imagepolicy": "flux-system:web"}
        - name: other
          image: ghcr.io/acme/other:3 # {"$imagepolicy": "flux-system:other"}
---
apiVersion: v1
kind: ConfigMap
data:
  tag: "1.0.0" # {"$imagepolicy": "flux-system:web:tag"}
  digest: '${A}' # {"$imagepolicy": "flux-system:web:digest"}
  name: ghcr.io/acme/web # {"$imagepolicy": "flux-system:web:name"}
`;

describe('setter markers', () => {
  const target: Target = { kind: 'setter', file: 'd.yaml', image: 'ghcr.io/acme/web', policy: 'flux-system:web' };

  it('sets full references, tags and digests across documents', () => {
    expect(promote('d.yaml', deployment, [target], '1.1.0')).toBe(deployment
      .replace(`web:1.0.0@${A}`, `web:1.1.0@${B}`)
      .replace('tag: "1.0.0"', 'tag: "1.1.0"')
      .replace(`digest: '${A}'`, `digest: '${B}'`));
  });

  it('keeps the tag when no version is given', () => {
    expect(promote('d.yaml', deployment, [target])).toContain(`image: ghcr.io/acme/web:1.0.0@${B} # {"$imagepolicy": "flux-system:web"}`);
  });

  it('reads the digest from every marked location', () => {
    expect(observe(new Map([['d.yaml', deployment]]), [{ target, file: 'd.yaml' }]).map((o) => o.digest)).toEqual([A, A]);
  });

  it('names the policy when no field carries it', () => {
    expect(() => promote('d.yaml', deployment, [{ ...target, policy: 'flux-system:db' }])).toThrow('d.yaml has no field marked # {"$imagepolicy": "flux-system:db"}');
  });
});

describe('runningDigest', () => {
  it.each([
    [[{ where: 'a', digest: A }, { where: 'b', digest: A }], { digest: A, mixed: false }],
    [[{ where: 'a' }], { mixed: false }],
    [[{ where: 'a', digest: A }, { where: 'b', digest: B }], { mixed: true }],
  ])('%j', (observed, expected) => {
    expect(runningDigest(observed)).toEqual(expected);
  });
});

describe('observeAndPlan', () => {
  const web: Target = { kind: 'kustomize', file: '*.yaml', image: 'ghcr.io/acme/web' };
  const api: Target = { kind: 'kustomize', file: '*.yaml', image: 'ghcr.io/acme/api' };
  const files = new Map([
    ['a.yaml', kustomization],
    ['b.yaml', `images:\n  - name: ghcr.io/acme/web\n    digest: ${B}\n`],
    ['c.yaml', `images:\n  - name: ghcr.io/acme/web\n    newTag: v1\n  - name: ghcr.io/acme/api\n    digest: ${A}\n`],
  ]);
  // c.yaml is bound twice, apart: its documents must serve both targets.
  const bound: BoundTarget[] = [{ target: web, file: 'a.yaml' }, { target: web, file: 'c.yaml' }, { target: web, file: 'b.yaml' }, { target: api, file: 'c.yaml' }];
  const wanted = { image: 'ghcr.io/acme/web', digest: B, version: '1.1.0' };

  it('finds what observe finds and plans what planEdits plans, in one pass', () => {
    const planned = observeAndPlan(files, bound, wanted);
    expect(planned.error).toBeUndefined();
    expect(planned.observed).toEqual(observe(files, bound));
    expect(planned.edits).toEqual(planEdits(files, bound, wanted));
    expect([...planned.edits.keys()].sort()).toEqual(['a.yaml', 'c.yaml']);
  });

  it('returns an error planning an edit instead of throwing it, and still reads every file', () => {
    const broken = new Map([...files, ['b.yaml', `images: [{name: ghcr.io/acme/web}]\n`]]);
    const planned = observeAndPlan(broken, bound, wanted);
    expect(String(planned.error)).toContain("b.yaml images[0].digest: the field 'digest' is missing in a flow mapping");
    expect(planned.observed).toEqual(observe(broken, bound));
  });

  it('throws an error reading a file, as observe does', () => {
    const unreadable = new Map([...files, ['b.yaml', 'images: [\n']]);
    expect(() => observeAndPlan(unreadable, bound, wanted)).toThrow('b.yaml line');
  });
});
