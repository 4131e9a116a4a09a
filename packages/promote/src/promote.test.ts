/**
 * The registry lookup runs while the GitOps repository is cloned; when the promotion stops before it
 * waits for the answer, the lookup is cancelled (no request left open) and the clone's error is the one
 * reported. Real git, a missing bare repository; a registry that answers only when cancelled.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import { hasBinary } from '../../../test/support/registry.ts';
import { cleanupTempDirs, tempDir } from '../../../test/support/tmp.ts';
import { promote, type PromoteContext } from './index.ts';

(hasBinary('git') ? describe : describe.skip)('promote: the early registry lookup', () => {
  afterAll(() => cleanupTempDirs());

  it('is cancelled when the clone fails, and the clone failure is reported', async () => {
    const tmp = tempDir('conveyor-early-');
    const missing = path.join(tmp, 'no-such.git');
    const asked: { reference: string; signal?: AbortSignal }[] = [];
    const context: PromoteContext = {
      workDir: tmp, serverUrl: 'https://github.com',
      tokens: { 'github-token': '', 'gitops-token': '' },
      registry: {
        manifestDigest: (_image, reference, options) => {
          asked.push({ reference, ...(options?.signal ? { signal: options.signal } : {}) });
          return new Promise((_resolve, reject) => options?.signal?.addEventListener('abort', () => reject(new Error('cancelled'))));
        },
      },
      github: () => undefined,
    };
    const digest = `sha256:${'1'.repeat(64)}`;
    await expect(promote({
      environmentsFile: 'environments.yml',
      environmentsText: `environments:\n  - name: dev\n    url: ${missing}\n    targets:\n      - {kind: kustomize, file: k.yaml, image: ghcr.io/acme/web}\n`,
      environment: 'dev', image: 'ghcr.io/acme/web', reference: digest, version: '', dryRun: false, rollback: false,
    }, context)).rejects.toThrow(`Cannot clone the GitOps repository of environment 'dev' (${missing}, branch main)`);
    expect(asked.map((a) => a.reference)).toEqual([digest]);
    expect(asked[0]!.signal?.aborted).toBe(true);
  });
});
