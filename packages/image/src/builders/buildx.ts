/**
 * docker buildx: hosted runners. One `docker buildx build` for every platform, with cache import/export
 * (including `type=gha`, which reads the runner's ACTIONS_CACHE_URL and ACTIONS_RUNTIME_TOKEN),
 * provenance and SBOM attestations, and `--metadata-file` to read the pushed digest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuildOutcome, Builder, Exec } from './types.ts';

export const buildx: Builder = {
  name: 'buildx',

  async available(exec: Exec) {
    try {
      await exec('docker', ['buildx', 'version'], { quiet: true });
      return true;
    } catch {
      return false;
    }
  },

  steps(plan) {
    const args = ['buildx', 'build'];
    if (plan.platforms.length > 0) args.push('--platform', plan.platforms.join(','));
    if (plan.file) args.push('--file', plan.file);
    if (plan.target) args.push('--target', plan.target);
    if (plan.noCache) args.push('--no-cache');
    for (const a of plan.buildArgs) args.push('--build-arg', a);
    for (const s of plan.secrets) args.push('--secret', `id=${s.id},src=${s.src}`);
    for (const c of plan.cacheFrom) args.push('--cache-from', c);
    for (const c of plan.cacheTo) args.push('--cache-to', c);
    for (const l of plan.labels) args.push('--label', l);
    for (const a of plan.annotations) args.push('--annotation', a);
    for (const t of plan.tags) args.push('--tag', t);
    if (plan.provenance) args.push('--provenance', plan.provenance);
    if (plan.sbom) args.push('--sbom', plan.sbom);
    args.push('--iidfile', path.join(plan.workDir, 'iid'), '--metadata-file', path.join(plan.workDir, 'metadata.json'));
    if (plan.push) args.push('--push');
    args.push(plan.context);
    return [{ command: 'docker', args }];
  },

  async run(plan, exec): Promise<BuildOutcome> {
    for (const step of this.steps(plan)) await exec(step.command, step.args, { stream: true });
    const file = path.join(plan.workDir, 'metadata.json');
    let metadata: Record<string, unknown>;
    try {
      metadata = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`docker buildx build finished but its --metadata-file ${file} is missing or not JSON; the digest is unknown.`, { cause: error });
    }
    const digest = metadata['containerimage.digest'];
    const imageId = fs.existsSync(path.join(plan.workDir, 'iid')) ? fs.readFileSync(path.join(plan.workDir, 'iid'), 'utf8').trim() : '';
    if (typeof digest !== 'string' || !digest.startsWith('sha256:')) {
      if (!plan.push && imageId) return { digest: imageId, imageId, pushed: [] };
      throw new Error(`docker buildx build's metadata file ${file} has no containerimage.digest; the digest is unknown.`);
    }
    return { digest, imageId, pushed: plan.push ? [...plan.tags] : [] };
  },

  async login(registry, username, password, _plan, exec) {
    await exec('docker', ['login', '--username', username, '--password-stdin', registry], { input: password });
  },
};
