import { describe, expect, it } from '@jest/globals';
import { describeDigestProblem, isDigest, sha256Digest, shortDigest, withPrefix } from './digest.ts';
import {
  canonicalReference, canonicalRegistry, formatReference, isInsecureRegistry, isLoopbackRegistry, parseReference, registryEndpoint,
  splitReference,
} from './reference.ts';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseReference', () => {
  it.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['org/app:1.0', { registry: 'docker.io', repository: 'org/app', tag: '1.0' }],
    ['docker.io/nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27' }],
    ['index.docker.io/org/app', { registry: 'docker.io', repository: 'org/app' }],
    ['registry-1.docker.io/library/redis:7', { registry: 'docker.io', repository: 'library/redis', tag: '7' }],
    ['ghcr.io/user/app:latest', { registry: 'ghcr.io', repository: 'user/app', tag: 'latest' }],
    ['127.0.0.1:5000/app:1.0.0', { registry: '127.0.0.1:5000', repository: 'app', tag: '1.0.0' }],
    ['localhost/team/app@' + DIGEST, { registry: 'localhost', repository: 'team/app', digest: DIGEST }],
    ['[::1]:5000/a/b/c:v1@' + DIGEST, { registry: '[::1]:5000', repository: 'a/b/c', tag: 'v1', digest: DIGEST }],
    ['  registry.example.com:443/my_team/web-app__x:2024.01.02  ', { registry: 'registry.example.com:443', repository: 'my_team/web-app__x', tag: '2024.01.02' }],
  ])('%s', (ref, expected) => {
    expect(parseReference(ref)).toEqual(expected);
  });

  it.each([
    ['', 'An image reference is empty; give one such as ghcr.io/owner/app:1.0.0.'],
    ['ghcr.io/User/App:1', 'The image reference "ghcr.io/User/App:1" has an invalid repository name "User/App": use lower-case letters'],
    ['org/app:-bad', 'has an invalid tag "-bad": a tag is up to 128 letters'],
    ['org/app:', 'has an invalid tag ""'],
    [`org/app:${'x'.repeat(129)}`, 'has an invalid tag'],
    ['org/app@sha256:abc', 'has an invalid digest "sha256:abc": a sha256 digest has 64 lower-case hex digits'],
    [`org/app@sha256:${'AB'.repeat(32)}`, 'a sha256 digest has 64 lower-case hex digits'],
    ['org/app@latest', 'has an invalid digest "latest": a digest is an algorithm and its hex value'],
    ['org/app@', 'has an invalid digest ""'],
    ['my_registry.example/app', 'has an invalid registry host "my_registry.example": write a host name or IP address'],
    ['ghcr.io/', 'has no repository name after the registry "ghcr.io"'],
    ['ghcr.io/acme//web', 'has an invalid repository name "acme//web"'],
    ['ghcr.io/acme/web-/x', 'has an invalid repository name'],
    [`ghcr.io/${'a'.repeat(250)}`, 'is too long: the name before the tag may have at most 255 characters'],
  ])('refuses %j, saying what is wrong', (ref, message) => {
    expect(() => parseReference(ref)).toThrow(message);
  });

  it('throws an InvalidReferenceError', () => {
    expect(() => parseReference('Bad')).toThrow(expect.objectContaining({ name: 'InvalidReferenceError' }) as unknown as Error);
  });
});

describe('splitReference', () => {
  it('splits like parseReference without checking, so placeholders in files pass', () => {
    expect(splitReference('ghcr.io/acme/web:1.0.0@' + DIGEST)).toEqual({ registry: 'ghcr.io', repository: 'acme/web', tag: '1.0.0', digest: DIGEST });
    expect(splitReference('REPLACE_ME')).toEqual({ registry: 'docker.io', repository: 'library/REPLACE_ME' });
    expect(splitReference('ghcr.io/acme/web:${TAG}')).toEqual({ registry: 'ghcr.io', repository: 'acme/web', tag: '${TAG}' });
    expect(splitReference('')).toEqual({ registry: 'docker.io', repository: '' });
  });
});

describe('names', () => {
  it('gives the canonical reference and the API endpoint of a registry', () => {
    expect(canonicalReference(parseReference('alpine'))).toBe('docker.io/library/alpine');
    expect(canonicalReference(parseReference('index.docker.io/org/app:1@' + DIGEST))).toBe(`docker.io/org/app:1@${DIGEST}`);
    expect(canonicalReference(parseReference('ghcr.io/acme/web:1.0.0'))).toBe('ghcr.io/acme/web:1.0.0');
    expect([registryEndpoint('docker.io'), registryEndpoint('index.docker.io'), registryEndpoint('ghcr.io'), registryEndpoint('127.0.0.1:5000')]).toEqual([
      'registry-1.docker.io', 'registry-1.docker.io', 'ghcr.io', '127.0.0.1:5000',
    ]);
    expect([canonicalRegistry('registry-1.docker.io'), canonicalRegistry('quay.io')]).toEqual(['docker.io', 'quay.io']);
  });

  it('formats name, tag and digest as kustomize and Flux write them', () => {
    expect(formatReference('ghcr.io/acme/web', '1.0.0', DIGEST)).toBe(`ghcr.io/acme/web:1.0.0@${DIGEST}`);
    expect(formatReference('ghcr.io/acme/web', undefined, DIGEST)).toBe(`ghcr.io/acme/web@${DIGEST}`);
    expect(formatReference('ghcr.io/acme/web', '1.0.0', undefined)).toBe('ghcr.io/acme/web:1.0.0');
  });

  it('treats loopback and listed registries as insecure', () => {
    expect(['127.0.0.1:5000', 'localhost:5000', 'localhost', '127.1.2.3', '[::1]:5000'].map((r) => isLoopbackRegistry(r))).toEqual([true, true, true, true, true]);
    expect(['ghcr.io', 'localhost.example.com', '128.0.0.1:5000', '127.0.0.1.example.com'].map((r) => isLoopbackRegistry(r))).toEqual([false, false, false, false]);
    expect(isInsecureRegistry('127.0.0.1:5000')).toBe(true);
    expect(isInsecureRegistry('ghcr.io')).toBe(false);
    expect(isInsecureRegistry('registry.lan:5000', ['registry.lan:5000'])).toBe(true);
    expect(isInsecureRegistry('registry.lan:5000', ['registry.lan'])).toBe(true);
    expect(isInsecureRegistry('registry.lan:5000', ['other.lan'])).toBe(false);
  });
});

describe('digests', () => {
  it.each([
    [DIGEST, undefined],
    [`sha512:${'0'.repeat(128)}`, undefined],
    [`blake3:${'0'.repeat(64)}`, undefined],
    [`sha512:${'0'.repeat(64)}`, "a sha512 digest has 128 lower-case hex digits after 'sha512:'"],
    [`blake3:${'0'.repeat(16)}`, "a digest has at least 32 hex digits after 'blake3:'"],
    ['Sha256:00', 'a digest is an algorithm and its hex value, e.g. sha256:<64 hex digits>'],
  ])('%s', (digest, problem) => {
    expect(describeDigestProblem(digest)).toBe(problem);
  });

  it('checks, shortens, prefixes and computes sha256 digests', () => {
    expect([isDigest(DIGEST), isDigest(DIGEST.slice(0, -1)), isDigest(`sha512:${'0'.repeat(128)}`)]).toEqual([true, false, false]);
    expect(shortDigest(DIGEST)).toBe('abababababab');
    expect(withPrefix('ab'.repeat(32))).toBe(DIGEST);
    expect(withPrefix('1.0.0')).toBe('1.0.0');
    expect(sha256Digest(Buffer.from(''))).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
