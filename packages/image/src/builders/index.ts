/** The builders, by name; `auto` picks buildx when `docker buildx version` works, else buildah. */
import { buildah } from './buildah.ts';
import { buildx } from './buildx.ts';
import type { Builder, Exec } from './types.ts';

export const BUILDERS: Record<Builder['name'], Builder> = { buildah, buildx };
export const BUILDER_CHOICES = ['auto', 'buildah', 'buildx'] as const;
export type BuilderChoice = (typeof BUILDER_CHOICES)[number];

export async function pickBuilder(choice: BuilderChoice, exec: Exec): Promise<Builder> {
  if (choice !== 'auto') return BUILDERS[choice];
  if (await buildx.available(exec)) return buildx;
  if (await buildah.available(exec)) return buildah;
  throw new Error("builder: auto found neither `docker buildx` nor `buildah` on PATH; install one in an earlier step (hosted runners have docker buildx; set builder: buildah on rootless runners).");
}

export type { Builder, BuildPlan, BuildOutcome, BuildSecret, Exec, Step } from './types.ts';
