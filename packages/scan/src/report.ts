/**
 * The grype JSON report, read into one normalized model. Every grype version we know of is accepted:
 * 0.7-era reports (no `fix` object, `fixedInVersion`, `cvssV2`/`cvssV3`, `matchDetails` as one object,
 * `links` instead of `urls`) up to current ones (`fix.state`, `cvss[]`, `epss[]`, `knownExploited[]`).
 * A missing severity reads as `unknown`; a missing list as empty.
 */
import { SEVERITIES, type Severity } from './verdict.ts';

export type FixState = 'fixed' | 'not-fixed' | 'wont-fix' | 'unknown';

export interface Cvss {
  source?: string;
  version?: string;
  vector?: string;
  baseScore: number;
}

export interface VulnerabilityRecord {
  id: string;
  namespace: string;
  severity: Severity;
  dataSource: string;
  urls: string[];
  description: string;
  cvss: Cvss[];
}

export interface Location {
  /** The real path of the file in the image or folder. */
  path: string;
  /** The path as reached (through a symlink), when grype reports it. */
  accessPath?: string;
  layerID?: string;
}

export interface Artifact {
  id: string;
  name: string;
  version: string;
  type: string;
  language: string;
  purl: string;
  locations: Location[];
  upstreams: string[];
}

export interface Match extends VulnerabilityRecord {
  fix: { state: FixState; versions: string[] };
  related: VulnerabilityRecord[];
  epss?: { score: number; percentile: number };
  knownExploited: boolean;
  details: { type: string; matcher: string }[];
  artifact: Artifact;
  /** Reasons of grype's own ignore rules, for matches grype already put in `ignoredMatches`. */
  ignoredBy?: string[];
}

export interface GrypeReport {
  matches: Match[];
  /** Matches grype itself ignored (its config's ignore rules or VEX); conveyor keeps them ignored. */
  ignoredMatches: Match[];
  source: {
    type: string;
    /** The image reference, folder or file as given to grype. */
    target: string;
    /** `sha256:…` of the image manifest when the report names one. */
    digest?: string;
    architecture: string;
    os: string;
  };
  distro?: { name: string; version: string };
  grype: { version: string; db?: { built?: string; schemaVersion?: string; [key: string]: unknown } };
}

/** A report that is not grype JSON at all. */
export class ReportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFormatError';
  }
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Reads a severity word case-insensitively; anything else (or nothing) is `unknown`. */
export function parseSeverity(value: unknown): Severity {
  const s = str(value).trim().toLowerCase();
  return (SEVERITIES as readonly string[]).includes(s) ? (s as Severity) : 'unknown';
}

function parseFixState(value: unknown): FixState {
  const s = str(value).toLowerCase();
  return s === 'fixed' || s === 'not-fixed' || s === 'wont-fix' ? s : 'unknown';
}

function parseCvss(v: Json): Cvss[] {
  const out: Cvss[] = [];
  for (const c of arr(v.cvss)) {
    const entry = obj(c);
    const score = num(obj(entry.metrics).baseScore);
    if (score === undefined) continue;
    out.push({ source: str(entry.source) || undefined, version: str(entry.version) || undefined, vector: str(entry.vector) || undefined, baseScore: score });
  }
  // grype 0.7–0.1x: one object per CVSS version.
  for (const [key, version] of [['cvssV3', '3'], ['cvssV2', '2']] as const) {
    const entry = obj(v[key]);
    const score = num(entry.baseScore);
    if (score !== undefined) out.push({ version, vector: str(entry.vector) || undefined, baseScore: score });
  }
  return out;
}

function parseRecord(v: Json): VulnerabilityRecord {
  return {
    id: str(v.id),
    namespace: str(v.namespace),
    severity: parseSeverity(v.severity),
    dataSource: str(v.dataSource),
    urls: arr(v.urls ?? v.links).map(str).filter((u) => u !== ''),
    description: str(v.description),
    cvss: parseCvss(v),
  };
}

function parseMatch(raw: unknown, where: string): Match {
  const m = obj(raw);
  const v = obj(m.vulnerability);
  const record = parseRecord(v);
  if (record.id === '') throw new ReportFormatError(`${where} has no vulnerability id`);
  let fix: Match['fix'];
  if (v.fix !== undefined) {
    const f = obj(v.fix);
    fix = { state: parseFixState(f.state), versions: arr(f.versions).map(str).filter((x) => x !== '') };
  } else {
    const old = str(v.fixedInVersion);
    fix = old ? { state: 'fixed', versions: [old] } : { state: 'unknown', versions: [] };
  }
  const epss = arr(v.epss).map(obj).find((e) => num(e.epss) !== undefined);
  const a = obj(m.artifact);
  const details = (Array.isArray(m.matchDetails) ? m.matchDetails : m.matchDetails ? [m.matchDetails] : [])
    .map(obj).map((d) => ({ type: str(d.type), matcher: str(d.matcher) }));
  const match: Match = {
    ...record,
    fix,
    related: arr(m.relatedVulnerabilities).map((r) => parseRecord(obj(r))),
    epss: epss ? { score: num(epss.epss)!, percentile: num(epss.percentile) ?? 0 } : undefined,
    knownExploited: arr(v.knownExploited).length > 0,
    details,
    artifact: {
      id: str(a.id),
      name: str(a.name),
      version: str(a.version),
      type: str(a.type),
      language: str(a.language),
      purl: str(a.purl),
      locations: arr(a.locations).map(obj).map((l) => ({
        path: str(l.path),
        accessPath: str(l.accessPath) || undefined,
        layerID: str(l.layerID) || undefined,
      })),
      upstreams: arr(a.upstreams).map((u) => str(obj(u).name)).filter((n) => n !== ''),
    },
  };
  const applied = arr(m.appliedIgnoreRules);
  if (applied.length > 0 || where.startsWith('ignoredMatches')) {
    match.ignoredBy = applied.map((r) => str(obj(r).reason) || 'ignored by grype').filter((x, i, all) => all.indexOf(x) === i);
    if (match.ignoredBy.length === 0) match.ignoredBy = ['ignored by grype'];
  }
  return match;
}

function digestOf(target: Json, userInput: string): string | undefined {
  const pinned = /@(sha256:[0-9a-f]{64})$/.exec(userInput);
  if (pinned) return pinned[1];
  for (const rd of arr(target.repoDigests)) {
    const d = /@(sha256:[0-9a-f]{64})$/.exec(str(rd));
    if (d) return d[1];
  }
  const manifest = str(target.manifestDigest);
  return /^sha256:[0-9a-f]{64}$/.test(manifest) ? manifest : undefined;
}

function parseDb(d: Json): GrypeReport['grype']['db'] {
  if (Object.keys(d).length === 0) return undefined;
  const status = obj(d.status); // grype ≥ 0.88 (DB schema v6)
  const built = str(status.built ?? d.built) || undefined;
  const schemaVersion = str(status.schemaVersion ?? d.schemaVersion) || undefined;
  const db: NonNullable<GrypeReport['grype']['db']> = { built, schemaVersion };
  const from = str(status.from);
  if (from) db.from = from;
  const checksum = str(d.checksum);
  if (checksum) db.checksum = checksum;
  return db;
}

/** Parses grype's JSON report (text or already parsed). `from` names the file in error messages. */
export function parseReport(input: string | unknown, from = 'the grype report'): GrypeReport {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new ReportFormatError(`${from} is not JSON (${(error as Error).message}); pass the file grype wrote with -o json --file.`);
    }
  }
  const root = obj(data);
  if (!Array.isArray(root.matches)) {
    throw new ReportFormatError(`${from} has no "matches" list, so it is not a grype JSON report; produce it with grype -o json --file.`);
  }
  const matches = root.matches.map((m, i) => parseMatch(m, `${from}: matches[${i}]`));
  const ignoredMatches = arr(root.ignoredMatches).map((m, i) => parseMatch(m, `ignoredMatches[${i}] of ${from}`));
  const src = obj(root.source);
  const rawTarget = src.target;
  const target = obj(rawTarget);
  const userInput = typeof rawTarget === 'string' ? rawTarget : str(target.userInput);
  const descriptor = obj(root.descriptor);
  const distro = obj(root.distro);
  return {
    matches,
    ignoredMatches,
    source: {
      type: str(src.type) || 'unknown',
      target: userInput,
      digest: typeof rawTarget === 'string' ? undefined : digestOf(target, userInput),
      architecture: str(target.architecture),
      os: str(target.os),
    },
    distro: distro.name !== undefined ? { name: str(distro.name), version: str(distro.version) } : undefined,
    grype: { version: str(descriptor.version) || 'unknown', db: parseDb(obj(descriptor.db)) },
  };
}
