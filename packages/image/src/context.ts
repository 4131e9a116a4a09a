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
  /** The commit's date found elsewhere (the checkout) when the event payload does not carry it. */
  commitDate?: Date;
  /** The ref and sha were read from the checkout (`metadata-context: git`): taken as they are. */
  fromCheckout?: boolean;
}

export const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'] as const;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Commas separate levels, except inside a level's `[platforms]`. */
function splitLevels(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const c of text) {
    if (c === '[') depth += 1;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((l) => l.trim()).filter(Boolean);
}

export function buildDate(settings: Pick<ContextSettings, 'now' | 'sourceDateEpoch'>): Date {
  const epoch = settings.sourceDateEpoch?.trim();
  if (!epoch) return settings.now;
  if (!/^\d+$/.test(epoch)) {
    throw new Error(`SOURCE_DATE_EPOCH is ${JSON.stringify(epoch)}; it must be whole seconds since 1970-01-01 (for example $(git log -1 --format=%ct)).`);
  }
  return new Date(Number(epoch) * 1000);
}

/** `DOCKER_METADATA_PR_HEAD_SHA`: true (any case) or false/empty; anything else is an error naming it. */
export function prHeadShaEnabled(value: string | undefined): boolean {
  const v = value?.trim() ?? '';
  if (/^true$/i.test(v)) return true;
  if (v === '' || /^false$/i.test(v)) return false;
  throw new Error(`DOCKER_METADATA_PR_HEAD_SHA is ${JSON.stringify(value)}; set it to true or false.`);
}

/** The commit the tags describe: GITHUB_SHA, or the pull request's head with DOCKER_METADATA_PR_HEAD_SHA=true. */
export function contextSha(github: Pick<GitHubContext, 'sha' | 'eventName' | 'payload'>, prHeadSha: string | undefined): string {
  const pull = github.payload.pull_request as { head?: { sha?: string } } | undefined;
  if (prHeadShaEnabled(prHeadSha) && /pull_request/.test(github.eventName) && pull?.head?.sha) return pull.head.sha;
  return github.sha;
}

/** The commit's time as the push payload gives it: the pushed commit of that id, else the head commit when it is that one. */
export function commitDateFromPayload(payload: Record<string, unknown>, sha: string): Date | undefined {
  const valid = (t: unknown) => {
    const d = typeof t === 'string' ? new Date(t) : undefined;
    return d && !Number.isNaN(d.getTime()) ? d : undefined;
  };
  const commits = Array.isArray(payload.commits) ? payload.commits as { id?: string; timestamp?: string }[] : [];
  const pushed = valid(commits.find((c) => c?.id === sha)?.timestamp);
  if (pushed) return pushed;
  const head = payload.head_commit as { id?: string; timestamp?: string } | null | undefined;
  return head?.id === sha ? valid(head.timestamp) : undefined;
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

  const levels = splitLevels(settings.annotationLevels?.trim() || 'manifest');
  for (const level of levels) {
    // a level may name platforms, as buildx accepts: manifest[linux/amd64,linux/arm64]
    const m = /^([a-z-]+)(\[[^\]]+])?$/.exec(level);
    if (!m || !(ANNOTATION_LEVELS as readonly string[]).includes(m[1]!)) {
      throw new Error(`DOCKER_METADATA_ANNOTATIONS_LEVELS names the level ${JSON.stringify(level)}; accepted: ${ANNOTATION_LEVELS.join(', ')} (each optionally with [platform,...]).`);
    }
  }

  const sha = settings.fromCheckout ? github.sha : contextSha(github, settings.prHeadSha);
  // pull_request_target runs on the base branch: its ref is the base's, the pull request's merge ref is what the tags name
  let ref = github.ref;
  if (!settings.fromCheckout && /pull_request_target/.test(github.eventName) && payload.number !== undefined) ref = `refs/pull/${String(payload.number)}/merge`;
  const commitTime = (settings.fromCheckout ? undefined : commitDateFromPayload(payload, sha)) ?? settings.commitDate;

  const fallbackUrl = github.owner && github.repo ? `${github.serverUrl}/${github.owner}/${github.repo}` : '';
  return {
    eventName: github.eventName,
    ref,
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
    commitDate: commitTime ?? date,
    shortShaLength,
    annotationLevels: levels,
  };
}
