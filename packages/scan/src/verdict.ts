/**
 * The scan verdict file: what scan-image decided about one image and why. Later steps (promotion)
 * read it to check that the digest they deploy was scanned and passed. This module depends on nothing
 * else in the project so that other packages can import it alone (`@conveyor/scan/verdict`).
 */

/** The `schema` value of every verdict file this version writes. */
export const SCAN_VERDICT_SCHEMA = 'conveyor.scan-verdict/v1';

/** Lowercase severities, worst first; the keys of `counts` and `countsFixable`. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'negligible', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityCounts = Record<Severity, number>;

/** Why one match did not count. */
export interface IgnoredMatch {
  /** The vulnerability id (CVE-…, GHSA-…). */
  id: string;
  package: string;
  version: string;
  /** The rule's or VEX statement's reason, as written by the user. */
  reason: string;
  /** Which rule: `ignore[0]` (inline), `config[2]` (.grype.yaml), `vex:<file>`, or `grype` (grype's own ignoredMatches). */
  rule: string;
}

export interface ScanVerdict {
  schema: typeof SCAN_VERDICT_SCHEMA;
  decision: 'pass' | 'fail';
  /** The image reference scanned, as given (by digest where possible). */
  image?: string;
  /** `sha256:…` of the scanned image when known. */
  digest?: string;
  /** grype's `source`: type is image | directory | sbom | file …, target the reference or path. */
  source: { type: string; target: string };
  grype: {
    version: string;
    db?: { built?: string; schemaVersion?: string; [key: string]: unknown };
  };
  policy: {
    /** Matches at or above this severity fail the scan; `none` never fails on severity. */
    severityCutoff: Severity | 'none';
    onlyFixed: boolean;
    /** How many ignore rules applied (inline + config), and how many had expired. */
    ignoreRules: { active: number; expired: number };
    /** VEX documents applied (paths as given). */
    vex: string[];
  };
  counts: SeverityCounts;
  countsFixable: SeverityCounts;
  ignored: IgnoredMatch[];
  /** ISO 8601 time the verdict was written. */
  createdAt: string;
}

/** A verdict file that does not have the expected shape. */
export class VerdictFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerdictFormatError';
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function counts(value: unknown, where: string, problems: string[]): SeverityCounts {
  const out = {} as SeverityCounts;
  if (!isObject(value)) {
    problems.push(`${where} must be an object keyed by ${SEVERITIES.join(', ')}`);
    return out;
  }
  for (const s of SEVERITIES) {
    const n = value[s];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) problems.push(`${where}.${s} must be a whole number ≥ 0`);
    else out[s] = n;
  }
  return out;
}

/**
 * Checks a parsed (or raw JSON text) verdict file and returns it typed. Throws `VerdictFormatError`
 * listing every problem; `from` names the file in the message.
 */
export function parseVerdict(json: unknown, from = 'the verdict file'): ScanVerdict {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new VerdictFormatError(`${from} is not JSON (${(error as Error).message}); pass the verdict-file output of scan-image.`);
    }
  }
  if (!isObject(data)) throw new VerdictFormatError(`${from} is not a JSON object; pass the verdict-file output of scan-image.`);
  const problems: string[] = [];
  const str = (v: unknown, where: string, optional = false) => {
    if (v === undefined && optional) return;
    if (typeof v !== 'string') problems.push(`${where} must be a string`);
  };
  if (data.schema !== SCAN_VERDICT_SCHEMA) problems.push(`schema must be "${SCAN_VERDICT_SCHEMA}" (found ${JSON.stringify(data.schema)})`);
  if (data.decision !== 'pass' && data.decision !== 'fail') problems.push(`decision must be "pass" or "fail"`);
  str(data.image, 'image', true);
  str(data.digest, 'digest', true);
  if (typeof data.digest === 'string' && !/^sha256:[0-9a-f]{64}$/.test(data.digest)) problems.push('digest must be sha256:<64 hex digits>');
  if (!isObject(data.source)) problems.push('source must be an object {type, target}');
  else {
    str(data.source.type, 'source.type');
    str(data.source.target, 'source.target');
  }
  if (!isObject(data.grype)) problems.push('grype must be an object {version, db?}');
  else {
    str(data.grype.version, 'grype.version');
    if (data.grype.db !== undefined && !isObject(data.grype.db)) problems.push('grype.db must be an object');
  }
  if (!isObject(data.policy)) problems.push('policy must be an object');
  else {
    const p = data.policy;
    if (p.severityCutoff !== 'none' && !(SEVERITIES as readonly unknown[]).includes(p.severityCutoff)) problems.push(`policy.severityCutoff must be one of none, ${SEVERITIES.join(', ')}`);
    if (typeof p.onlyFixed !== 'boolean') problems.push('policy.onlyFixed must be true or false');
    if (!isObject(p.ignoreRules) || typeof p.ignoreRules.active !== 'number' || typeof p.ignoreRules.expired !== 'number') problems.push('policy.ignoreRules must be {active, expired}');
    if (!Array.isArray(p.vex) || p.vex.some((v) => typeof v !== 'string')) problems.push('policy.vex must be a list of paths');
  }
  counts(data.counts, 'counts', problems);
  counts(data.countsFixable, 'countsFixable', problems);
  if (!Array.isArray(data.ignored)) problems.push('ignored must be a list');
  else {
    data.ignored.forEach((m, i) => {
      if (!isObject(m)) return problems.push(`ignored[${i}] must be an object`);
      for (const k of ['id', 'package', 'version', 'reason', 'rule']) str(m[k], `ignored[${i}].${k}`);
    });
  }
  str(data.createdAt, 'createdAt');
  if (typeof data.createdAt === 'string' && Number.isNaN(Date.parse(data.createdAt))) problems.push('createdAt must be an ISO 8601 time');
  if (problems.length > 0) throw new VerdictFormatError(`${from} is not a valid scan verdict:\n- ${problems.join('\n- ')}`);
  return data as unknown as ScanVerdict;
}
