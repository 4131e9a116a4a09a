/**
 * metadata-action's bake definitions: JSON files for `docker buildx bake` holding the computed tags,
 * labels and annotations under one target, so a bake file can inherit them (`inherits = ["<target>"]`).
 */
import type { Metadata } from './meta.ts';

export const DEFAULT_BAKE_TARGET = 'docker-metadata-action';

export type BakeKind = 'tags' | 'labels' | 'annotations' | 'all';

/** What each bake output holds: `bake-file-tags`, `bake-file-labels`, `bake-file-annotations` and `bake-file` (tags and labels). */
export function bakeDefinition(meta: Metadata, kind: BakeKind, target: string): { target: Record<string, Record<string, unknown>> } {
  const args = { DOCKER_META_IMAGES: meta.images.join(','), ...(meta.version.main !== undefined ? { DOCKER_META_VERSION: meta.version.main } : {}) };
  const body: Record<string, unknown> = {};
  switch (kind) {
    case 'tags':
      Object.assign(body, { tags: meta.tags, args });
      break;
    case 'labels':
      body.labels = meta.json.labels;
      break;
    case 'annotations':
      body.annotations = meta.annotations;
      break;
    case 'all':
      Object.assign(body, { tags: meta.tags, labels: meta.json.labels, args });
      break;
  }
  return { target: { [target]: body } };
}

/** The file name metadata-action gives each kind. */
export function bakeFileName(kind: BakeKind): string {
  return kind === 'all' ? 'docker-metadata-action-bake.json' : `docker-metadata-action-bake-${kind}.json`;
}
