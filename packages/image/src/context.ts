/**
 * Builds the tag computation's context from the workflow run's context (the kit's `GitHubContext`)
 * and the few settings metadata-action reads from the environment, checked here with clear errors.
 */
import type { GitHubContext } from '@conveyor/kit';
import type { MetadataContext } from './meta.ts';

export interface ContextSettings {
  /** The clock, when SOURCE_DATE_EPOCH is not set. */
  now: Date;
  /** `SOURCE_DATE_EPOCH`: seconds since 1970; fixes the created date for reproducible builds. */
  sourceDateEpoch?: string;
  /** `DOCKER_METADATA_SHORT_SHA_LENGTH` */
  shortShaLength?: string;
  /** `DOCKER_METADATA_ANNOTATIONS_LEVELS`, comma-separated (default `manifest`). */
  annotationLevels?: string;
  /** `DOCKER_METADATA_PR_HEAD_SHA=true`: on pull requests use the head commit, not the merge commit. */
  prHeadSha?: string;
}

export const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'] as const;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function buildDate(settings: Pick<ContextSettings, 'now' | 'sourceDateEpoch'>): Date {
  const epoch = settings.sourceDateEpoch?.trim();
  if (!epoch) return settings.now;
  if (!/^\d+$/.test(epoch)) {
    throw new Error(`SOURCE_DATE_EPOCH is ${JSON.stringify(epoch)}; it must be whole seconds since 1970-01-01 (for example $(git log -1 --format=%ct)).`);
  }
  return new Date(Number(epoch) * 1000);
}

export function metadataContext(github: GitHubContext, settings: ContextSettings): MetadataContext {
  const payload = github.payload;
  const repo = (payload.repository ?? {}) as Record<string, unknown>;
  const license = repo.license as { spdx_id?: string } | null | undefined;
  const date = buildDate(settings);

  let shortShaLength = 7;
  if (settings.shortShaLength?.trim()) {
    const n = Number(settings.shortShaLength.trim());
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`DOCKER_METADATA_SHORT_SHA_LENGTH is ${JSON.stringify(settings.shortShaLength)}; it must be a whole number of at least 1.`);
    }
    shortShaLength = n;
  }

  const levels = (settings.annotationLevels?.trim() || 'manifest').split(',').map((l) => l.trim()).filter(Boolean);
  for (const level of levels) {
    if (!(ANNOTATION_LEVELS as readonly string[]).includes(level)) {
      throw new Error(`DOCKER_METADATA_ANNOTATIONS_LEVELS names the level ${JSON.stringify(level)}; accepted: ${ANNOTATION_LEVELS.join(', ')}.`);
    }
  }

  let sha = github.sha;
  const pull = payload.pull_request as { head?: { sha?: string } } | undefined;
  if (settings.prHeadSha === 'true' && /^pull_request/.test(github.eventName) && pull?.head?.sha) sha = pull.head.sha;

  const headCommit = payload.head_commit as { timestamp?: string } | null | undefined;
  const commitTime = headCommit?.timestamp ? new Date(headCommit.timestamp) : undefined;

  const fallbackUrl = github.owner && github.repo ? `${github.serverUrl}/${github.owner}/${github.repo}` : '';
  return {
    eventName: github.eventName,
    ref: github.ref,
    sha,
    payload,
    repository: {
      name: str(repo.name) || github.repo,
      description: str(repo.description),
      htmlUrl: str(repo.html_url) || fallbackUrl,
      license: str(license?.spdx_id),
      defaultBranch: str(repo.default_branch),
    },
    date,
    commitDate: commitTime && !Number.isNaN(commitTime.getTime()) ? commitTime : date,
    shortShaLength,
    annotationLevels: levels,
  };
}
