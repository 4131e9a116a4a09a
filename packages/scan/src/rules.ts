/**
 * Ignore rules: the `.grype.yaml` `ignore:` entries and the action's inline `ignore` input (a YAML list of
 * the same entries). Every rule must say why (`reason`) and may say until when (`until`, a date); an
 * expired rule stops applying and the scan says so. Conditions have grype's meaning: all given fields
 * must match; `package.name` and `package.upstream-name` are anchored regular expressions,
 * `package.location` a glob over the real and access paths.
 */
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SEVERITIES, type Severity } from './verdict.ts';
import type { FixState, Match } from './report.ts';

export const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

export interface IgnoreRule {
  /** Where the rule came from, as shown to users: `ignore[0]` (input) or `.grype.yaml ignore[2]`. */
  origin: string;
  reason: string;
  /** The last day (or instant) the rule applies, as written. */
  until?: string;
  /** `until` as a time: the rule is expired once now is past it. */
  expiresAt?: number;
  vulnerability?: string;
  includeAliases: boolean;
  namespace?: string;
  fixState?: FixState;
  vexStatus?: VexStatus;
  /** With vex-status: only statements with this justification. */
  vexJustification?: string;
  matchType?: string;
  package: {
    name?: RegExp;
    version?: string;
    type?: string;
    location?: string;
    language?: string;
    upstreamName?: RegExp;
  };
}

/** The settings conveyor reads from a `.grype.yaml` besides its ignore rules. */
export interface GrypeConfig {
  rules: IgnoreRule[];
  failOnSeverity?: Severity;
  onlyFixed?: boolean;
}

/** An ignore rule or config file that cannot be used; the message names the input or file and the rule. */
export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleError';
  }
}

const RULE_KEYS = ['vulnerability', 'reason', 'until', 'namespace', 'fix-state', 'package', 'vex-status', 'vex-justification', 'include-aliases', 'match-type'];
const PACKAGE_KEYS = ['name', 'version', 'type', 'location', 'language', 'upstream-name'];
const FIX_STATES = ['fixed', 'not-fixed', 'wont-fix', 'unknown'];
const MATCH_TYPES = ['exact-direct-match', 'exact-indirect-match', 'cpe-match'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(value: unknown, where: string, problems: string[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  problems.push(`${where} must be text`);
  return undefined;
}

function anchored(pattern: string | undefined, where: string, problems: string[]): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    problems.push(`${where} is not a valid regular expression (${(error as Error).message})`);
    return undefined;
  }
}

/** Parses `until`: a date (the rule applies through that whole day, UTC) or an ISO time. */
function expiry(value: unknown, where: string, problems: string[]): { until?: string; expiresAt?: number } {
  if (value === undefined || value === null || value === '') return {};
  const raw = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const at = day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1) : /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(at)) {
    problems.push(`${where}.until is ${JSON.stringify(value)}; write a date as YYYY-MM-DD (the rule applies through that day, UTC)`);
    return {};
  }
  return { until: raw, expiresAt: at };
}

/** Checks one rule mapping; problems are collected with `where` (e.g. `ignore[2]`) in front. */
export function parseRule(raw: unknown, origin: string, problems: string[]): IgnoreRule | undefined {
  const before = problems.length;
  if (!isObject(raw)) {
    problems.push(`${origin} must be a mapping such as {vulnerability: CVE-…, reason: …}`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!RULE_KEYS.includes(key)) problems.push(`${origin} has an unknown field "${key}" (known: ${RULE_KEYS.join(', ')})`);
  }
  const pkgRaw = raw.package ?? {};
  if (!isObject(pkgRaw)) problems.push(`${origin}.package must be a mapping of ${PACKAGE_KEYS.join(', ')}`);
  const pkg: Json = isObject(pkgRaw) ? pkgRaw : {};
  for (const key of Object.keys(pkg)) {
    if (!PACKAGE_KEYS.includes(key)) problems.push(`${origin}.package has an unknown field "${key}" (known: ${PACKAGE_KEYS.join(', ')})`);
  }
  const reason = text(raw.reason, `${origin}.reason`, problems);
  if (!reason || reason.trim() === '') problems.push(`${origin} has no reason; say why the match may be ignored (reason: …)`);
  const fixState = text(raw['fix-state'], `${origin}.fix-state`, problems);
  if (fixState !== undefined && !FIX_STATES.includes(fixState)) problems.push(`${origin}.fix-state is "${fixState}"; accepted: ${FIX_STATES.join(', ')}`);
  const vexStatus = text(raw['vex-status'], `${origin}.vex-status`, problems);
  if (vexStatus !== undefined && !(VEX_STATUSES as readonly string[]).includes(vexStatus)) problems.push(`${origin}.vex-status is "${vexStatus}"; accepted: ${VEX_STATUSES.join(', ')}`);
  const matchType = text(raw['match-type'], `${origin}.match-type`, problems);
  if (matchType !== undefined && !MATCH_TYPES.includes(matchType)) problems.push(`${origin}.match-type is "${matchType}"; accepted: ${MATCH_TYPES.join(', ')}`);
  const aliases = raw['include-aliases'];
  if (aliases !== undefined && typeof aliases !== 'boolean') problems.push(`${origin}.include-aliases must be true or false`);
  const rule: IgnoreRule = {
    origin,
    reason: reason?.trim() ?? '',
    ...expiry(raw.until, origin, problems),
    vulnerability: text(raw.vulnerability, `${origin}.vulnerability`, problems),
    includeAliases: aliases === true,
    namespace: text(raw.namespace, `${origin}.namespace`, problems),
    fixState: fixState as FixState | undefined,
    vexStatus: vexStatus as VexStatus | undefined,
    vexJustification: text(raw['vex-justification'], `${origin}.vex-justification`, problems),
    matchType,
    package: {
      name: anchored(text(pkg.name, `${origin}.package.name`, problems), `${origin}.package.name`, problems),
      version: text(pkg.version, `${origin}.package.version`, problems),
      type: text(pkg.type, `${origin}.package.type`, problems),
      location: text(pkg.location, `${origin}.package.location`, problems),
      language: text(pkg.language, `${origin}.package.language`, problems),
      upstreamName: anchored(text(pkg['upstream-name'], `${origin}.package.upstream-name`, problems), `${origin}.package.upstream-name`, problems),
    },
  };
  if (rule.vexJustification !== undefined && rule.vexStatus === undefined) problems.push(`${origin}.vex-justification needs vex-status (it narrows which VEX statements the rule follows)`);
  const hasCondition = rule.vulnerability || rule.namespace || rule.fixState || rule.vexStatus || rule.matchType
    || Object.values(rule.package).some((v) => v !== undefined);
  if (!hasCondition) problems.push(`${origin} has no condition (vulnerability, package, fix-state, namespace, vex-status, match-type), so it would ignore nothing`);
  return problems.length === before ? rule : undefined;
}

function ruleList(value: unknown, label: string, problems: string[]): IgnoreRule[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`${label} must be a YAML list of rules (- vulnerability: CVE-…\\n  reason: …)`);
    return [];
  }
  return value.flatMap((raw, i) => parseRule(raw, `${label}[${i}]`, problems) ?? []);
}

function yamlOf(source: string, label: string): unknown {
  try {
    return parseYaml(source);
  } catch (error) {
    throw new RuleError(`${label} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Parses the inline `ignore` input: a YAML list of rules, or a mapping with an `ignore:` list.
 * Throws `RuleError` naming the input and every bad rule.
 */
export function parseIgnoreInput(source: string, inputName = 'ignore'): IgnoreRule[] {
  if (source.trim() === '') return [];
  const data = yamlOf(source, `Input '${inputName}'`);
  const problems: string[] = [];
  const rules = ruleList(isObject(data) && 'ignore' in data ? data.ignore : data, inputName, problems);
  if (problems.length > 0) throw new RuleError(`Input '${inputName}' has invalid ignore rules:\n- ${problems.join('\n- ')}`);
  return rules;
}

/** Parses a `.grype.yaml`: its `ignore:` rules, `fail-on-severity` and `only-fixed`. Other settings are left to grype. */
export function parseGrypeConfig(source: string, file: string): GrypeConfig {
  const name = path.basename(file);
  const data = yamlOf(source, `The grype config ${file}`) ?? {};
  if (!isObject(data)) throw new RuleError(`The grype config ${file} must be a YAML mapping (ignore:, fail-on-severity:, …).`);
  const problems: string[] = [];
  const rules = ruleList(data.ignore, `${name} ignore`, problems);
  let failOnSeverity: Severity | undefined;
  const fos = data['fail-on-severity'];
  if (fos !== undefined && fos !== null && fos !== '') {
    const s = String(fos).toLowerCase();
    if ((SEVERITIES as readonly string[]).includes(s) && s !== 'unknown') failOnSeverity = s as Severity;
    else problems.push(`fail-on-severity is ${JSON.stringify(fos)}; accepted: negligible, low, medium, high, critical`);
  }
  const of = data['only-fixed'];
  if (of !== undefined && typeof of !== 'boolean') problems.push('only-fixed must be true or false');
  if (problems.length > 0) throw new RuleError(`The grype config ${file} has problems:\n- ${problems.join('\n- ')}`);
  return { rules, failOnSeverity, onlyFixed: typeof of === 'boolean' ? of : undefined };
}

/** Whether `rule` has expired at `now` (ms since the epoch). */
export function isExpired(rule: IgnoreRule, now: number): boolean {
  return rule.expiresAt !== undefined && now >= rule.expiresAt;
}

/**
 * Whether every condition of `rule` holds for `match`. `vex` is what a VEX statement says of this match
 * (if any); a rule with `vex-status` (and `vex-justification`) applies only to matches whose statement says so.
 */
export function ruleMatches(rule: IgnoreRule, match: Match, vex?: { status: string; justification?: string }): boolean {
  if (rule.vulnerability !== undefined) {
    const ids = rule.includeAliases ? [match.id, ...match.related.map((r) => r.id)] : [match.id];
    if (!ids.includes(rule.vulnerability)) return false;
  }
  if (rule.namespace !== undefined && rule.namespace !== match.namespace) return false;
  if (rule.fixState !== undefined && rule.fixState !== match.fix.state) return false;
  if (rule.vexStatus !== undefined && rule.vexStatus !== vex?.status) return false;
  if (rule.vexJustification !== undefined && rule.vexJustification !== vex?.justification) return false;
  if (rule.matchType !== undefined && !match.details.some((d) => d.type === rule.matchType)) return false;
  const p = rule.package;
  const a = match.artifact;
  if (p.name && !p.name.test(a.name)) return false;
  if (p.version !== undefined && p.version !== a.version) return false;
  if (p.type !== undefined && p.type !== a.type) return false;
  if (p.language !== undefined && p.language !== a.language) return false;
  if (p.upstreamName && !a.upstreams.some((u) => p.upstreamName!.test(u))) return false;
  if (p.location !== undefined) {
    const glob = p.location;
    const hit = a.locations.some((l) => path.posix.matchesGlob(l.path, glob) || (l.accessPath !== undefined && path.posix.matchesGlob(l.accessPath, glob)));
    if (!hit) return false;
  }
  return true;
}

/** One line describing a rule for summaries: `ignore[0] (CVE-2024-1 in zlib)`. */
export function describeRule(rule: IgnoreRule): string {
  const parts: string[] = [];
  if (rule.vulnerability) parts.push(rule.vulnerability);
  if (rule.package.name) parts.push(`package ${rule.package.name.source.slice(4, -2)}`);
  if (rule.package.location) parts.push(`at ${rule.package.location}`);
  if (rule.fixState) parts.push(`fix-state ${rule.fixState}`);
  if (rule.vexStatus) parts.push(`vex-status ${rule.vexStatus}`);
  return parts.length > 0 ? `${rule.origin} (${parts.join(', ')})` : rule.origin;
}
