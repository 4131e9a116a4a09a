/**
 * What every builder gets (a build plan) and does: say the commands it would run (dry-run prints them),
 * run them, and log in to a registry. A builder is one file registered in `index.ts`.
 */
import type { ExecOptions, ExecResult } from '@conveyor/kit';

export type Exec = (command: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

export interface BuildSecret {
  id: string;
  /** A file holding the secret (values given inline are written to a private temp file first). */
  src: string;
}

export interface BuildPlan {
  context: string;
  file?: string;
  platforms: readonly string[];
  /** Full references (`registry/repo:tag`). */
  tags: readonly string[];
  /** `key=value` */
  labels: readonly string[];
  /** `[level:]key=value` as metadata-action writes them. */
  annotations: readonly string[];
  /** `NAME=value` */
  buildArgs: readonly string[];
  secrets: readonly BuildSecret[];
  target?: string;
  push: boolean;
  noCache: boolean;
  cacheFrom: readonly string[];
  cacheTo: readonly string[];
  /** buildx `--provenance` value (`''`: builder default). */
  provenance: string;
  /** buildx `--sbom` value (`''`: builder default). */
  sbom: string;
  /** Registries reached without TLS verification. */
  insecure: (registry: string) => boolean;
  /** A private folder for the builder's id, digest and metadata files. */
  workDir: string;
  /** Global options put before every buildah subcommand (storage driver, root, runroot). */
  buildahOptions: readonly string[];
  /**
   * SOURCE_DATE_EPOCH in whole seconds: the created time of the image and of its layers' files, so that a
   * rebuild of the same commit gives the same digest (buildah `--timestamp`; buildx reads the variable itself).
   */
  timestamp?: number;
}

export interface Step {
  command: string;
  args: string[];
}

export interface BuildOutcome {
  /** The pushed manifest (or index) digest; the image id when nothing was pushed. */
  digest: string;
  imageId: string;
  /** The tags actually pushed (empty without push). */
  pushed: string[];
}

export interface Builder {
  readonly name: 'buildah' | 'buildx';
  /** Whether this machine can run it. */
  available(exec: Exec): Promise<boolean>;
  /** The commands `run` runs, in order: pure, for dry-run and tests. Throws on a plan it cannot build. */
  steps(plan: BuildPlan): Step[];
  run(plan: BuildPlan, exec: Exec): Promise<BuildOutcome>;
  login(registry: string, username: string, password: string, plan: Pick<BuildPlan, 'insecure' | 'buildahOptions'>, exec: Exec): Promise<void>;
}

/** Splits `[level:]key=value` into its level (default `manifest`) and the `key=value` part. */
export function annotationLevel(annotation: string): { level: string; value: string } {
  const m = /^(manifest|index|manifest-descriptor|index-descriptor)(?:\[[^\]]*])?:(.*)$/s.exec(annotation);
  return m ? { level: m[1]!, value: m[2]! } : { level: 'manifest', value: annotation };
}
