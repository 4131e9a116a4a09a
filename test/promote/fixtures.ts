/** The GitOps fixture: dev (kustomize), stage (Helm values), prod (setter markers, pull requests). */
import type { ScanVerdict } from '@conveyor/scan/verdict';

export interface Images {
  host: string;
  web: string;
  api: string;
  /** web 1.0.0, web 1.1.0, api 2.0.0 digests. */
  web1: string;
  web2: string;
  api1: string;
}

export function kustomization(i: Images): string {
  return `# dev overlay: deployed by Flux from main
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../base
images:
  - name: ${i.web}   # the web app
    newTag: "1.0.0"
    digest: ${i.web1}
  - name: ${i.api}
    digest: '${i.api1}'
`;
}

export function values(i: Images): string {
  return `# stage values
web:
  image: &webimage
    repository: ${i.web}
    tag: '1.0.0'   # informative; the digest is what runs
    digest: ${i.web1.replace('sha256:', '')}
  replicas: 2
sidecar:
  image: *webimage
api: {image: {repository: ${i.api}, digest: "${i.api1}"}}
`;
}

export function deployment(i: Images): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          image: ${i.web}:1.0.0@${i.web1} # {"$imagepolicy": "flux-system:web"}
        - name: api
          image: ${i.api}@${i.api1} # {"$imagepolicy": "flux-system:api"}
`;
}

export function environmentsFile(i: Images, remote: string, prodWrite: 'commit' | 'pull-request' = 'pull-request'): string {
  return `# promotion order for the shop
environments:
  - name: dev
    url: ${remote}
    targets:
      - {kind: kustomize, file: dev/kustomization.yaml, image: ${i.web}}
      - {kind: kustomize, file: dev/kustomization.yaml, image: ${i.api}}
  - name: stage
    url: ${remote}
    require-verdict: true
    github-environment: {name: staging, url: https://stage.example.invalid}
    targets:
      - {kind: helm, file: stage/values.yaml, image: ${i.web}, tag: web.image.tag, digest: web.image.digest, digest-prefix: false}
      - {kind: helm, file: stage/values.yaml, image: ${i.api}, digest: api.image.digest}
  - name: prod
    url: ${remote}
    repository: acme/gitops
    token-input: gitops-token
    write: ${prodWrite}
    github-environment: {name: production, url: https://shop.example.invalid}
    targets:
      - {kind: setter, file: prod/*.yaml, image: ${i.web}, policy: "flux-system:web"}
      - {kind: setter, file: prod/*.yaml, image: ${i.api}, policy: "flux-system:api"}
`;
}

export function verdict(digest: string, decision: 'pass' | 'fail', image: string): ScanVerdict {
  const zero = { critical: 0, high: 0, medium: 0, low: 0, negligible: 0, unknown: 0 };
  return {
    schema: 'conveyor.scan-verdict/v1',
    decision,
    image: `${image}@${digest}`,
    digest,
    source: { type: 'image', target: `${image}@${digest}` },
    grype: { version: '0.96.0' },
    policy: { severityCutoff: 'high', onlyFixed: false, ignoreRules: { active: 0, expired: 0 }, vex: [] },
    counts: decision === 'pass' ? zero : { ...zero, critical: 1, high: 2 },
    countsFixable: zero,
    ignored: [],
    createdAt: '2026-01-01T00:00:00Z',
  };
}
