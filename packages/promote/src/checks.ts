/**
 * The checks a promotion passes before anything is written, and the words it uses. Pure: each takes what
 * was read (from git, the registry, the verdict file) and throws `PromotionRefused` naming the
 * environment, the digest found and the digest asked for.
 */
import { ConveyorError } from '@conveyor/kit';
import type { ScanVerdict } from '@conveyor/scan/verdict';
import type { Environment } from './environments.ts';
import { describeRunning, runningDigest } from './manifests.ts';
import { shortDigest } from './reference.ts';
import type { Observed } from './targets/index.ts';

export class PromotionRefused extends ConveyorError {}

/** The previous environment must run exactly `digest` (as its manifests in git record it). */
export function checkOrder(environment: Environment, previous: Environment | undefined, observed: readonly Observed[], digest: string): void {
  if (!previous) return;
  const running = runningDigest(observed);
  if (!running.mixed && running.digest === digest) return;
  throw new PromotionRefused(
    `Refusing to promote ${digest} to '${environment.name}': the environment before it, '${previous.name}', runs ${describeRunning(observed)}, `
    + `not the digest asked for (${digest}). Promote ${digest} to '${previous.name}' first.`,
  );
}

/** When the environment requires it, a verdict for exactly `digest` must have passed. */
export function checkVerdict(environment: Environment, verdict: ScanVerdict | undefined, digest: string, verdictFile: string | undefined): void {
  if (!environment.requireVerdict) return;
  if (!verdict) {
    throw new PromotionRefused(`Refusing to promote ${digest} to '${environment.name}': it requires a passing scan verdict, and no verdict-file was given. Pass the verdict-file output of scan-image for this digest.`);
  }
  const from = verdictFile ?? 'the verdict';
  if (verdict.digest !== digest) {
    throw new PromotionRefused(`Refusing to promote ${digest} to '${environment.name}': ${from} is for ${verdict.digest ?? 'an image without a digest'}, not the digest asked for (${digest}). Scan this digest and pass its verdict.`);
  }
  if (verdict.decision !== 'pass') {
    const counts = Object.entries(verdict.counts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ');
    throw new PromotionRefused(`Refusing to promote ${digest} to '${environment.name}': its scan verdict (${from}) is '${verdict.decision}'${counts ? ` (${counts})` : ''}; it requires a pass.`);
  }
}

/** The registry must have the digest. */
export function checkPresent(environment: string, image: string, digest: string, found: string | undefined): void {
  if (found === digest) return;
  throw new PromotionRefused(
    `Refusing to promote ${image}@${digest} to '${environment}': the registry ${found ? `answers with ${found}` : 'does not have this digest'}. Push the image first, or check the image and digest inputs.`,
  );
}

export interface CommitDetails {
  image: string;
  version: string;
  digest: string;
  environment: string;
  /** Where the digest came from: the previous environment, `rollback`, or the build. */
  from: string;
}

/** `promote <image> <version> (<short digest>) to <env>` with Conveyor-Digest and Conveyor-From trailers. */
export function commitMessage(d: CommitDetails): string {
  const version = d.version ? ` ${d.version}` : '';
  return `promote ${d.image}${version} (${shortDigest(d.digest)}) to ${d.environment}\n\nConveyor-Digest: ${d.digest}\nConveyor-From: ${d.from}\n`;
}
