import * as core from '@actions/core';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** GitHub shows at most this many annotations of each level per step; the rest are dropped silently. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

/** Emits one annotation as a workflow command (shown on the file and line in the PR's diff). */
export function annotate(annotation: Annotation): void {
  const properties: core.AnnotationProperties = {
    title: annotation.title,
    file: annotation.file,
    startLine: annotation.startLine,
    endLine: annotation.endLine,
    // GitHub ignores columns on annotations that span several lines.
    startColumn: annotation.endLine && annotation.endLine !== annotation.startLine ? undefined : annotation.startColumn,
    endColumn: annotation.endLine && annotation.endLine !== annotation.startLine ? undefined : annotation.endColumn,
  };
  const emit = annotation.level === 'error' ? core.error : annotation.level === 'warning' ? core.warning : core.notice;
  emit(annotation.message, properties);
}

/**
 * Emits annotations within GitHub's per-step limit, most severe first, and returns how many of each level
 * were left out so the caller can say so (in the job summary, say).
 */
export function annotateWithinLimit(
  annotations: readonly Annotation[],
  limit = ANNOTATIONS_SHOWN_PER_LEVEL,
): { emitted: number; omitted: Record<AnnotationLevel, number> } {
  const omitted: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  let emitted = 0;
  const order: AnnotationLevel[] = ['error', 'warning', 'notice'];
  for (const level of order) {
    for (const a of annotations) {
      if (a.level !== level) continue;
      if (used[level] < limit) {
        annotate(a);
        used[level] += 1;
        emitted += 1;
      } else {
        omitted[level] += 1;
      }
    }
  }
  return { emitted, omitted };
}
