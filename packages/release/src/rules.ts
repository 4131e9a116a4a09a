/**
 * Release rules: which commit asks for which bump. The defaults follow Conventional Commits as
 * semantic-release applies them; a project adds its own as `type(scope): bump` lines.
 */
import { InputError } from '@conveyor/kit';

export const BUMPS = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

export interface ReleaseRule {
  type: string;
  /** Only commits with this scope; undefined matches any scope. */
  scope?: string;
  bump: Bump;
}

/** The default rules. Breaking changes are major whatever their type (see `bumpFor`). */
export const DEFAULT_RULES: readonly ReleaseRule[] = [
  { type: 'feat', bump: 'minor' },
  { type: 'fix', bump: 'patch' },
  { type: 'perf', bump: 'patch' },
  { type: 'revert', bump: 'patch' },
];

export function maxBump(a: Bump, b: Bump): Bump {
  return BUMPS.indexOf(a) >= BUMPS.indexOf(b) ? a : b;
}

/**
 * The bump of one commit: breaking → major; otherwise the first custom rule matching type and scope,
 * then a custom rule matching the type alone, then the defaults.
 */
export function bumpFor(commit: { type: string; scope: string | undefined; breaking: boolean }, custom: readonly ReleaseRule[]): { bump: Bump; reason: string } {
  if (commit.breaking) return { bump: 'major', reason: 'breaking change' };
  const type = commit.type.toLowerCase();
  const scoped = custom.find((r) => r.type === type && r.scope !== undefined && r.scope === commit.scope);
  if (scoped) return { bump: scoped.bump, reason: `release rule ${ruleText(scoped)}` };
  const typed = custom.find((r) => r.type === type && r.scope === undefined);
  if (typed) return { bump: typed.bump, reason: `release rule ${ruleText(typed)}` };
  const fallback = DEFAULT_RULES.find((r) => r.type === type);
  if (fallback) return { bump: fallback.bump, reason: `${type} → ${fallback.bump}` };
  return { bump: 'none', reason: `${type} does not release` };
}

export function ruleText(rule: ReleaseRule): string {
  return `${rule.type}${rule.scope !== undefined ? `(${rule.scope})` : ''}: ${rule.bump}`;
}

const RULE = /^([\w-]+)(?:\(([^()]+)\))?\s*[:=]\s*(none|patch|minor|major)$/i;

/**
 * Parses `release-rules` items such as `docs(readme): patch`, `refactor: minor` or `chore(deps)=none`.
 * Throws an InputError naming every item that does not read.
 */
export function parseReleaseRules(items: readonly string[], inputName = 'release-rules'): ReleaseRule[] {
  const rules: ReleaseRule[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const m = RULE.exec(item.trim());
    if (!m) {
      problems.push(`Input '${inputName}' has the item ${JSON.stringify(item)}; write each rule as \`type: bump\` or \`type(scope): bump\` with bump one of none, patch, minor, major.`);
      continue;
    }
    rules.push({ type: m[1]!.toLowerCase(), ...(m[2] !== undefined ? { scope: m[2].trim() } : {}), bump: m[3]!.toLowerCase() as Bump });
  }
  if (problems.length > 0) throw new InputError(problems);
  return rules;
}
