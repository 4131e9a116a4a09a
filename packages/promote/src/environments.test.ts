import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import { findEnvironment, parseEnvironments, targetsFor } from './environments.ts';
import { VALIDATOR_FILE, compileEnvironmentsSchema } from '../scripts/compile-schema.ts';

const file = `environments:
  - name: dev
    targets:
      - {kind: kustomize, file: apps/web/dev/kustomization.yaml, image: ghcr.io/acme/web}
  - name: stage
    repository: acme/gitops
    url: https://github.com/acme/gitops.git
    branch: release
    token-input: gitops-token
    write: pull-request
    github-environment: {name: staging, url: https://stage.example.com}
    require-verdict: true
    targets:
      - {kind: helm, file: stage/values.yaml, image: ghcr.io/acme/web, digest: image.digest, digest-prefix: false}
      - {kind: setter, file: stage/*.yaml, image: ghcr.io/acme/web, policy: "flux-system:web"}
`;

describe('parseEnvironments', () => {
  it('reads environments in order with defaults', () => {
    const envs = parseEnvironments(file, 'environments.yml');
    expect(envs.map((e) => e.name)).toEqual(['dev', 'stage']);
    expect(envs[0]).toEqual({
      name: 'dev', branch: 'main', tokenInput: 'github-token', write: 'commit', githubEnvironment: { name: 'dev' },
      requireVerdict: false, targets: [{ kind: 'kustomize', file: 'apps/web/dev/kustomization.yaml', image: 'ghcr.io/acme/web' }],
    });
    expect(envs[1]).toMatchObject({ repository: 'acme/gitops', branch: 'release', tokenInput: 'gitops-token', write: 'pull-request',
      githubEnvironment: { name: 'staging', url: 'https://stage.example.com' }, requireVerdict: true });
  });

  it('names the path of a typo in a target', () => {
    const typo = file.replace('{kind: helm, file: stage/values.yaml', '{kind: helm, fiel: stage/values.yaml');
    expect(() => parseEnvironments(typo, 'environments.yml')).toThrow("/environments/1/targets/0: must NOT have additional property 'fiel'");
  });

  it('lists every bad field at once', () => {
    const bad = file.replace('write: pull-request', 'write: merge').replace('require-verdict: true', 'require-verdict: yes please');
    let message = '';
    try {
      parseEnvironments(bad, 'environments.yml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('environments.yml does not match the environments schema');
    expect(message).toContain('/environments/1/write: must be equal to one of the allowed values (commit, pull-request)');
    expect(message).toContain('/environments/1/require-verdict: must be boolean');
  });

  it('refuses blank values where text is required', () => {
    expect(() => parseEnvironments(file.replace('branch: release', 'branch: " "'), 'e.yml')).toThrow('/environments/1/branch: must match pattern "\\S"');
  });

  it('refuses duplicate names and bad YAML', () => {
    expect(() => parseEnvironments(file.replace('name: stage', 'name: dev'), 'e.yml')).toThrow("the environment 'dev' is listed twice");
    expect(() => parseEnvironments('environments: [', 'e.yml')).toThrow('e.yml is not valid YAML');
  });

  it('finds an environment and the one before it; names the known ones otherwise', () => {
    const envs = parseEnvironments(file, 'e.yml');
    expect(findEnvironment(envs, 'stage', 'e.yml').previous?.name).toBe('dev');
    expect(findEnvironment(envs, 'dev', 'e.yml').previous).toBeUndefined();
    expect(() => findEnvironment(envs, 'prod', 'e.yml')).toThrow("The environment 'prod' is not in e.yml; known environments in order: dev → stage.");
    expect(() => targetsFor(envs[0]!, 'ghcr.io/acme/api', 'e.yml')).toThrow('its images are: ghcr.io/acme/web');
  });
});

describe('the compiled validator', () => {
  it('is up to date with environments.schema.json (run node packages/promote/scripts/compile-schema.ts)', () => {
    expect(fs.readFileSync(VALIDATOR_FILE, 'utf8')).toBe(compileEnvironmentsSchema());
  });
});
