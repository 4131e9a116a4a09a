/**
 * tflint's `--format json` report: issues and errors, turned into annotations, a single-run SARIF log and
 * a pass/fail decision by minimum severity.
 */
import * as path from 'node:path';
import { ConveyorError, type Annotation, type AnnotationLevel } from '@conveyor/kit';

export interface TflintPosition { line: number; column: number }
export interface TflintRange { filename: string; start: TflintPosition; end: TflintPosition }

export interface TflintIssue {
  rule: { name: string; severity: string; link?: string };
  message: string;
  range: TflintRange;
  callers?: TflintRange[];
}

export interface TflintError {
  summary?: string;
  message: string;
  severity: string;
  range?: TflintRange;
}

export interface TflintReport {
  issues: TflintIssue[];
  errors: TflintError[];
}

/** tflint's severities, least to most severe; `info` is what tflint calls `notice` on its command line. */
export type TflintSeverity = 'notice' | 'warning' | 'error';

const RANK: Record<TflintSeverity, number> = { notice: 0, warning: 1, error: 2 };

export function severityOf(raw: string): TflintSeverity {
  const s = raw.toLowerCase();
  if (s === 'error') return 'error';
  if (s === 'warning') return 'warning';
  return 'notice';
}

/** Reads tflint's JSON report; `source` names it in errors. */
export function parseTflintReport(text: string, source: string): TflintReport {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ConveyorError(`${source} is not a tflint JSON report (${(error as Error).message}). Run tflint with --format json.`, { cause: error });
  }
  if (doc === null || typeof doc !== 'object' || !Array.isArray((doc as TflintReport).issues) || !Array.isArray((doc as TflintReport).errors)) {
    throw new ConveyorError(`${source} is not a tflint JSON report: it needs "issues" and "errors" lists. Run tflint with --format json.`);
  }
  const report = doc as TflintReport;
  report.issues.forEach((issue, i) => {
    if (!issue?.rule?.name || typeof issue.message !== 'string' || !issue.range?.filename) {
      throw new ConveyorError(`${source}: issues[${i}] lacks rule.name, message or range.filename; is this tflint's --format json output?`);
    }
  });
  return report;
}

/**
 * tflint names files relative to the folder it ran in, except a file given by absolute path (a `--config`
 * outside the stack, whose parse errors it reports with the path as given): those are made relative to that
 * folder too when they are inside the workspace, so every path joins onto the stack's.
 */
export function rebaseAbsolutePaths(report: TflintReport, cwd: string, workspace: string): TflintReport {
  const fix = (range: TflintRange | undefined) => {
    if (!range || !path.isAbsolute(range.filename)) return;
    const fromWorkspace = path.relative(workspace, range.filename);
    if (fromWorkspace.startsWith('..') || path.isAbsolute(fromWorkspace)) return;
    range.filename = path.relative(cwd, range.filename).split(path.sep).join('/');
  };
  for (const issue of report.issues) {
    fix(issue.range);
    for (const c of issue.callers ?? []) fix(c);
  }
  for (const error of report.errors) fix(error.range);
  return report;
}

const LEVEL: Record<TflintSeverity, AnnotationLevel> = { error: 'error', warning: 'warning', notice: 'notice' };

function relative(file: string, baseDir: string): string {
  return path.posix.normalize(path.join(baseDir, file).split(path.sep).join('/'));
}

/**
 * Annotations for the issues and errors, with file paths made relative to the repository (`baseDir` is
 * the folder tflint ran in, relative to the repository root).
 */
export function tflintAnnotations(report: TflintReport, baseDir = '.'): Annotation[] {
  const out: Annotation[] = [];
  for (const issue of report.issues) {
    out.push({
      level: LEVEL[severityOf(issue.rule.severity)],
      title: `tflint: ${issue.rule.name}`,
      message: issue.rule.link ? `${issue.message}\n${issue.rule.link}` : issue.message,
      file: relative(issue.range.filename, baseDir),
      startLine: issue.range.start?.line,
      endLine: issue.range.end?.line,
      startColumn: issue.range.start?.column,
      endColumn: issue.range.end?.column,
    });
  }
  for (const error of report.errors) {
    out.push({
      level: LEVEL[severityOf(error.severity)],
      title: error.summary ? `tflint: ${error.summary}` : 'tflint could not check this configuration',
      message: stripAnsi(error.message),
      file: error.range ? relative(error.range.filename, baseDir) : undefined,
      startLine: error.range?.start?.line,
      endLine: error.range?.end?.line,
      startColumn: error.range?.start?.column,
      endColumn: error.range?.end?.column,
    });
  }
  return out;
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Whether the report fails at `minimum` severity: any error, or any issue at or above it. */
export function tflintFails(report: TflintReport, minimum: TflintSeverity): { failed: boolean; counted: number } {
  const counted = report.issues.filter((i) => RANK[severityOf(i.rule.severity)] >= RANK[minimum]).length;
  return { failed: counted > 0 || report.errors.length > 0, counted };
}

type SarifLevel = 'error' | 'warning' | 'note';
const SARIF_LEVEL: Record<TflintSeverity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };

function region(range: TflintRange) {
  return {
    startLine: Math.max(1, range.start?.line ?? 1),
    startColumn: Math.max(1, range.start?.column ?? 1),
    endLine: Math.max(1, range.end?.line ?? range.start?.line ?? 1),
    endColumn: Math.max(1, range.end?.column ?? range.start?.column ?? 1),
  };
}

/**
 * One SARIF 2.1.0 log with ONE run holding every stack's issues and errors (tflint's own SARIF writes
 * two runs, which GitHub code scanning refuses to take in one upload for one category).
 */
export function tflintSarif(reports: readonly { report: TflintReport; baseDir: string }[], options: { version?: string; category?: string } = {}) {
  const rules = new Map<string, { id: string; name: string; helpUri?: string; defaultConfiguration: { level: SarifLevel }; shortDescription: { text: string } }>();
  const results: unknown[] = [];
  for (const { report, baseDir } of reports) {
    for (const issue of report.issues) {
      const severity = severityOf(issue.rule.severity);
      if (!rules.has(issue.rule.name)) {
        rules.set(issue.rule.name, {
          id: issue.rule.name,
          name: issue.rule.name,
          ...(issue.rule.link ? { helpUri: issue.rule.link } : {}),
          defaultConfiguration: { level: SARIF_LEVEL[severity] },
          shortDescription: { text: issue.rule.name },
        });
      }
      // An issue inside a module lists the module calls that lead to it (tflint's `callers`).
      const callers = (issue.callers ?? []).filter((c) => c.filename !== issue.range.filename || c.start?.line !== issue.range.start?.line);
      results.push({
        ruleId: issue.rule.name,
        level: SARIF_LEVEL[severity],
        message: { text: issue.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: relative(issue.range.filename, baseDir) }, region: region(issue.range) } }],
        ...(callers.length > 0 ? {
          relatedLocations: callers.map((c, id) => ({ id, message: { text: 'in the module call chain' }, physicalLocation: { artifactLocation: { uri: relative(c.filename, baseDir) }, region: region(c) } })),
        } : {}),
      });
    }
    for (const error of report.errors) {
      if (!rules.has('tflint-error')) {
        rules.set('tflint-error', { id: 'tflint-error', name: 'tflint-error', defaultConfiguration: { level: 'error' }, shortDescription: { text: 'tflint could not check the configuration' } });
      }
      const location = error.range
        ? [{ physicalLocation: { artifactLocation: { uri: relative(error.range.filename, baseDir) }, region: region(error.range) } }]
        : [{ physicalLocation: { artifactLocation: { uri: relative('.', baseDir) } } }];
      results.push({ ruleId: 'tflint-error', level: SARIF_LEVEL[severityOf(error.severity)], message: { text: stripAnsi(error.message) }, locations: location });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'tflint', informationUri: 'https://github.com/terraform-linters/tflint', ...(options.version ? { version: options.version } : {}), rules: [...rules.values()] } },
      ...(options.category ? { automationDetails: { id: `${options.category}/` } } : {}),
      results,
    }],
  };
}

/** Merges the runs of a SARIF log (tflint `--format sarif` writes two) into one run of the first run's tool. */
export function mergeSarifRuns(log: { version?: string; runs?: { tool?: { driver?: { rules?: { id: string }[] } }; results?: unknown[] }[] }) {
  const runs = log.runs ?? [];
  if (runs.length <= 1) return log;
  const rules = new Map<string, { id: string }>();
  const results: unknown[] = [];
  for (const run of runs) {
    for (const rule of run.tool?.driver?.rules ?? []) if (!rules.has(rule.id)) rules.set(rule.id, rule);
    results.push(...(run.results ?? []));
  }
  const first = runs[0]!;
  return { ...log, runs: [{ ...first, tool: { ...first.tool, driver: { ...first.tool?.driver, rules: [...rules.values()] } }, results }] };
}
