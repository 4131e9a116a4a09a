/**
 * buildah: no daemon, runs rootless. One `buildah build --platform` per platform; several platforms go
 * into a manifest list (`manifest create`/`add`, then `manifest push --all` to each tag). Labels land in
 * the image config, `manifest:` annotations in each image manifest, `manifest-descriptor:` annotations on
 * the list's entries. buildah 1.28 cannot annotate the index itself: `index:` annotations are refused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReference } from '../reference.ts';
import { annotationLevel, type BuildOutcome, type BuildPlan, type Builder, type Exec, type Step } from './types.ts';

function localName(plan: BuildPlan, suffix: string): string {
  const id = path.basename(plan.workDir).replace(/[^a-z0-9]/gi, '').toLowerCase() || 'build';
  return `localhost/conveyor-${id}${suffix ? `-${suffix}` : ''}`;
}

const tls = (plan: Pick<BuildPlan, 'insecure'>, registry: string) => (plan.insecure(registry) ? ['--tls-verify=false'] : []);

function buildArgs(plan: BuildPlan, platform: string | undefined, index: number, name: string): string[] {
  const args = ['build', '--format', 'oci'];
  if (platform) args.push('--platform', platform);
  if (plan.file) args.push('--file', plan.file);
  if (plan.target) args.push('--target', plan.target);
  if (plan.noCache) args.push('--no-cache');
  if (plan.timestamp !== undefined) args.push('--timestamp', String(plan.timestamp));
  for (const a of plan.buildArgs) args.push('--build-arg', a);
  for (const s of plan.secrets) args.push('--secret', `id=${s.id},src=${s.src}`);
  for (const l of plan.labels) args.push('--label', l);
  for (const a of plan.annotations) {
    const { level, value } = annotationLevel(a);
    if (level === 'manifest') args.push('--annotation', value);
  }
  args.push('--iidfile', path.join(plan.workDir, `iid-${index}`), '--tag', name, plan.context);
  return args;
}

export const buildah: Builder = {
  name: 'buildah',

  async available(exec: Exec) {
    try {
      await exec('buildah', ['--version'], { quiet: true });
      return true;
    } catch {
      return false;
    }
  },

  steps(plan) {
    for (const a of plan.annotations) {
      const { level } = annotationLevel(a);
      if (level === 'index' || level === 'index-descriptor') {
        throw new Error(`The annotation ${JSON.stringify(a)} is for the ${level} level, which buildah cannot write; use builder: buildx, or the manifest level (DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest).`);
      }
    }
    if (plan.cacheFrom.length > 0 || plan.cacheTo.length > 0) {
      throw new Error("Inputs 'cache-from' and 'cache-to' need builder: buildx; buildah keeps its layer cache in its own storage.");
    }
    const g = [...plan.buildahOptions];
    const steps: Step[] = [];
    const platforms = plan.platforms.length > 0 ? plan.platforms : [undefined];
    const multi = plan.platforms.length > 1;
    const images = platforms.map((p, i) => localName(plan, multi ? String(i) : ''));
    platforms.forEach((p, i) => steps.push({ command: 'buildah', args: [...g, ...buildArgs(plan, p, i, images[i]!)] }));
    if (multi) {
      const list = localName(plan, 'list');
      steps.push({ command: 'buildah', args: [...g, 'manifest', 'create', list] });
      for (const image of images) steps.push({ command: 'buildah', args: [...g, 'manifest', 'add', list, image] });
      // one call per entry with every annotation: each `manifest annotate` replaces the entry's annotations
      const descriptor = plan.annotations.map(annotationLevel).filter((a) => a.level === 'manifest-descriptor').flatMap((a) => ['--annotation', a.value]);
      if (descriptor.length > 0) {
        for (const image of images) steps.push({ command: 'buildah', args: [...g, 'manifest', 'annotate', ...descriptor, list, image] });
      }
      if (plan.push) {
        plan.tags.forEach((tag, i) => steps.push({ command: 'buildah', args: [...g, 'manifest', 'push', '--all', ...tls(plan, parseReference(tag).registry), '--digestfile', path.join(plan.workDir, `digest-${i}`), list, `docker://${tag}`] }));
      }
    } else if (plan.push) {
      plan.tags.forEach((tag, i) => steps.push({ command: 'buildah', args: [...g, 'push', ...tls(plan, parseReference(tag).registry), '--digestfile', path.join(plan.workDir, `digest-${i}`), images[0]!, `docker://${tag}`] }));
    }
    return steps;
  },

  async run(plan, exec): Promise<BuildOutcome> {
    try {
      for (const step of this.steps(plan)) await exec(step.command, step.args, { stream: true });
    } finally {
      // the local names are this build's own; the layers stay cached in buildah's storage
      const multi = plan.platforms.length > 1;
      if (multi) await exec('buildah', [...plan.buildahOptions, 'manifest', 'rm', localName(plan, 'list')], { okCodes: [0, 1, 125], quiet: true }).catch(() => undefined);
      const names = multi ? plan.platforms.map((_, i) => localName(plan, String(i))) : [localName(plan, '')];
      await exec('buildah', [...plan.buildahOptions, 'rmi', ...names], { okCodes: [0, 1, 125], quiet: true }).catch(() => undefined);
    }
    const read = (name: string) => fs.readFileSync(path.join(plan.workDir, name), 'utf8').trim();
    const imageId = read('iid-0');
    if (!plan.push) return { digest: imageId.startsWith('sha256:') ? imageId : `sha256:${imageId}`, imageId, pushed: [] };
    const digests = plan.tags.map((_, i) => read(`digest-${i}`));
    const distinct = [...new Set(digests)];
    if (distinct.length !== 1) {
      throw new Error(`buildah pushed different digests for the tags: ${plan.tags.map((t, i) => `${t} → ${digests[i]}`).join(', ')}. Re-run the build; if it persists, report it with the build log.`);
    }
    return { digest: distinct[0]!, imageId, pushed: [...plan.tags] };
  },

  async login(registry, username, password, plan, exec) {
    await exec('buildah', [...plan.buildahOptions, 'login', ...tls(plan, registry), '--username', username, '--password-stdin', registry], { input: password });
  },
};
