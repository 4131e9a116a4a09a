/**
 * SARIF 2.1.0 from a grype report, following grype's own SARIF conventions so that GitHub code scanning
 * groups and ranks the alerts exactly as it does for grype's output: rule id `<vulnerability>-<package>`,
 * rule name from the first match detail, `security-severity` from the best CVSS base score (9.0/7.0/4.0/1.0
 * by severity when there is none), one physical location per result with the image name as its folder,
 * and grype's `primaryLocationLineHash` fingerprint.
 */
import { createHash } from 'node:crypto';
import type { GrypeReport, Location, Match, VulnerabilityRecord } from './report.ts';

const INFORMATION_URI = 'https://github.com/anchore/grype';
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifOptions {
  /** `tool.driver.name` (grype's own is `grype`). */
  toolName?: string;
  /** `tool.driver.version`; the report's grype version when absent. */
  toolVersion?: string;
}

export type SarifLog = {
  version: '2.1.0';
  $schema: string;
  runs: SarifRun[];
};
type SarifRun = { tool: { driver: Record<string, unknown> }; results: Record<string, unknown>[] };

/** Byte-wise string order, as Go compares strings. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** grype's stable match order: vulnerability, package name, version, type, fix versions, locations. */
export function compareMatches(a: Match, b: Match): number {
  return cmp(a.id, b.id)
    || cmp(a.artifact.name, b.artifact.name)
    || cmp(a.artifact.version, b.artifact.version)
    || cmp(a.artifact.type, b.artifact.type)
    || cmp([...a.fix.versions].sort(cmp).join(','), [...b.fix.versions].sort(cmp).join(','))
    || cmp(a.artifact.locations.map((l) => l.path).join(''), b.artifact.locations.map((l) => l.path).join(''));
}

/** The severity word grype's SARIF uses: anything below medium reads as `low`. */
function severityText(m: Match): string {
  return m.severity === 'critical' || m.severity === 'high' || m.severity === 'medium' ? m.severity : 'low';
}

/** SARIF level: critical/high → error, medium → warning, the rest → note. */
export function sarifLevel(m: Match): 'error' | 'warning' | 'note' {
  return m.severity === 'critical' || m.severity === 'high' ? 'error' : m.severity === 'medium' ? 'warning' : 'note';
}

/** The best CVSS base score: the vendors' first (anything not from `nvd:cpe`), then NVD's; -1 when none. */
export function bestCvssScore(m: Match): number {
  const records: VulnerabilityRecord[] = [m, ...m.related];
  let score = -1;
  for (const r of records) {
    if (r.namespace === 'nvd:cpe') continue;
    for (const c of r.cvss) score = Math.max(score, c.baseScore);
  }
  if (score > 0) return score;
  for (const r of records) for (const c of r.cvss) score = Math.max(score, c.baseScore);
  return score;
}

const FALLBACK: Record<string, string> = { critical: '9.0', high: '7.0', medium: '4.0', low: '1.0' };

export function securitySeverity(m: Match): string {
  const score = bestCvssScore(m);
  if (score > 0) return score.toFixed(1);
  return FALLBACK[m.severity] ?? '0.0';
}

function fixVersions(m: Match): string {
  return m.fix.state === 'fixed' && m.fix.versions.length > 0 ? m.fix.versions.join(',') : '';
}

function ruleName(m: Match): string {
  const d = m.details[0];
  if (!d) return m.id;
  const name = [d.matcher, d.type]
    .flatMap((segment) => segment.split('-'))
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return name || m.id;
}

/** How one report's paths are shown: relative to the scanned folder, or inside the image. */
class Paths {
  readonly input: string;
  readonly kind: string;
  constructor(report: GrypeReport) {
    this.kind = report.source.type;
    let input = this.kind === 'directory' || this.kind === 'file' ? report.source.target : '';
    input = input.replace(/^\.\//, '');
    this.input = input === '.' ? '' : input;
  }
  location(l: Location): string {
    const p = (l.accessPath ?? l.path).replace(/^\.\//, '');
    if (this.kind === 'directory') {
      if (p.startsWith('/') || this.input === '') return p;
      return `${this.input}/${p}`;
    }
    return p;
  }
  package(m: Match): string {
    const first = m.artifact.locations[0];
    return first ? this.location(first) : this.input;
  }
}

/** A path-safe short name of the image: the last segment, with characters outside [a-zA-Z0-9-_.] removed. */
export function imageShortPathName(target: string): string {
  const last = target.split('/').pop() ?? '';
  return last.replace(/[^a-zA-Z0-9\-_.]/g, '');
}

function rule(m: Match, paths: Paths): Record<string, unknown> {
  const link = m.dataSource ? `[${m.id}](${m.dataSource})` : m.urls[0] ? `[${m.id}](${m.urls[0]})` : m.id;
  const sev = severityText(m);
  const fix = fixVersions(m);
  const location = paths.package(m);
  const { name, version, type } = m.artifact;
  const properties: Record<string, unknown> = { 'security-severity': securitySeverity(m) };
  if (m.artifact.purl) properties.purls = [m.artifact.purl];
  return {
    id: `${m.id}-${name}`,
    name: ruleName(m),
    shortDescription: { text: `${m.id} ${sev} vulnerability for ${name} package` },
    fullDescription: {
      text: m.description || (fix ? `Version ${version} is affected with an available fix in versions ${fix}` : `Version ${version} is affected with no fixes reported yet.`),
    },
    helpUri: INFORMATION_URI,
    help: {
      text: `Vulnerability ${m.id}\nSeverity: ${sev}\nPackage: ${name}\nVersion: ${version}\nFix Version: ${fix}\nType: ${type}\nLocation: ${location}\nData Namespace: ${m.namespace}\nLink: ${link}`,
      markdown: `**Vulnerability ${m.id}**\n| Severity | Package | Version | Fix Version | Type | Location | Data Namespace | Link |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n`
        + `| ${[sev, name, version, fix, type, location, m.namespace, link].join('  | ')}  |\n`,
    },
    properties,
  };
}

function result(m: Match, report: GrypeReport, paths: Paths): Record<string, unknown> {
  const { name, version, type } = m.artifact;
  const path = paths.package(m);
  const src = report.source;
  const where = src.type === 'image' ? `in image ${src.target} at: ${path}` : src.type === 'file' || src.type === 'directory' ? `at: ${path}` : paths.input;
  let uri = path;
  const logical: Record<string, unknown>[] = [];
  if (src.type === 'image') {
    for (const l of m.artifact.locations) {
      const trimmed = paths.location(l).replace(/^\/+/, '');
      logical.push({ name: l.path, fullyQualifiedName: `${src.target}@${l.layerID ?? ''}:/${trimmed}` });
    }
    uri = `${imageShortPathName(src.target)}/${path}`;
  } else if (src.type === 'file') {
    for (const l of m.artifact.locations) logical.push({ name: l.path, fullyQualifiedName: `${src.target}:/${paths.location(l)}` });
  }
  const hash = createHash('sha256');
  if (src.type === 'image') hash.update(src.target + src.architecture + src.os);
  hash.update(type + name + version + path);
  const location: Record<string, unknown> = {
    physicalLocation: {
      artifactLocation: { uri },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    },
  };
  if (logical.length > 0) location.logicalLocations = logical;
  return {
    ruleId: `${m.id}-${name}`,
    level: sarifLevel(m),
    message: { text: `A ${severityText(m)} vulnerability in ${type} package: ${name}, version ${version} was found ${where}` },
    locations: [location],
    partialFingerprints: { primaryLocationLineHash: `${hash.digest('hex')}:1` },
  };
}

/**
 * Renders the SARIF log for `matches` (normally the matches the policy kept) of `report`.
 * Pure: the same report and options give the same document.
 */
export function renderSarif(report: GrypeReport, matches: readonly Match[] = report.matches, options: SarifOptions = {}): SarifLog {
  const sorted = [...matches].sort(compareMatches);
  const paths = new Paths(report);
  const rules: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const m of sorted) {
    const id = `${m.id}-${m.artifact.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    rules.push(rule(m, paths));
  }
  let version = options.toolVersion ?? report.grype.version;
  if (version === '' || version === '[not provided]' || version === 'unknown') version = '0.0.0-dev';
  const driver: Record<string, unknown> = { name: options.toolName ?? 'grype', version, informationUri: INFORMATION_URI };
  if (rules.length > 0) driver.rules = rules;
  return {
    version: '2.1.0',
    $schema: SCHEMA,
    runs: [{ tool: { driver }, results: sorted.map((m) => result(m, report, paths)) }],
  };
}
