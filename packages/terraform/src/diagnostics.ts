/**
 * `terraform validate -json` diagnostics and `terraform fmt -check -diff` output, read into annotations
 * and summary rows.
 */
import * as path from 'node:path';
import { ConveyorError, type Annotation } from '@conveyor/kit';

export interface Diagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail?: string;
  range?: { filename: string; start: { line: number; column: number }; end?: { line: number; column: number } };
}

export interface ValidateReport {
  valid: boolean;
  errorCount: number;
  warningCount: number;
  diagnostics: Diagnostic[];
}

/** Reads `terraform validate -json` output; `source` names where it came from in errors. */
export function parseValidate(text: string, source: string): ValidateReport {
  let doc: { valid?: unknown; error_count?: unknown; warning_count?: unknown; diagnostics?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (error) {
    throw new ConveyorError(`${source} did not print validate JSON (${(error as Error).message}); is the terraform or tofu on PATH older than 0.12?`, { cause: error });
  }
  if (typeof doc?.valid !== 'boolean' || !Array.isArray(doc.diagnostics)) {
    throw new ConveyorError(`${source} printed JSON without "valid" and "diagnostics"; is it \`terraform validate -json\` output?`);
  }
  const diagnostics = (doc.diagnostics as Diagnostic[]).map((d) => ({ ...d, severity: d.severity === 'warning' ? 'warning' as const : 'error' as const }));
  return {
    valid: doc.valid,
    errorCount: typeof doc.error_count === 'number' ? doc.error_count : diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: typeof doc.warning_count === 'number' ? doc.warning_count : diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics,
  };
}

function inRepo(stackDir: string, file: string): string {
  return path.posix.normalize(path.join(stackDir, file).split(path.sep).join('/'));
}

/** Annotations for validate diagnostics; `stackDir` is the stack's folder relative to the repository. */
export function validateAnnotations(report: ValidateReport, stackDir: string): Annotation[] {
  return report.diagnostics.map((d) => ({
    level: d.severity,
    title: `terraform validate: ${d.summary}`,
    message: d.detail ? `${d.summary}: ${d.detail}` : d.summary,
    file: d.range ? inRepo(stackDir, d.range.filename) : undefined,
    startLine: d.range?.start.line,
    endLine: d.range?.end?.line,
    startColumn: d.range?.start.column,
    endColumn: d.range?.end?.column,
  }));
}

/** Rows for the summary table: severity, where, what. */
export function validateRows(report: ValidateReport, stackDir: string): string[][] {
  return report.diagnostics.map((d) => [
    d.severity,
    d.range ? `${inRepo(stackDir, d.range.filename)}:${d.range.start.line}` : stackDir,
    d.detail ? `${d.summary}: ${d.detail}` : d.summary,
  ]);
}

export interface FmtFile {
  file: string;
  /** The unified diff for this file (empty when fmt printed only the name). */
  diff: string;
  /** First changed line in the original file, for the annotation. */
  line?: number;
}

/**
 * Reads `terraform fmt -check -diff -recursive` output: each unformatted file's name, then its unified
 * diff (`--- old/FILE`, `+++ new/FILE`, hunks). Hunk lengths from the `@@` headers say where a diff
 * ends, so file names and diff lines cannot be confused.
 */
export function parseFmtOutput(text: string): FmtFile[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const files: FmtFile[] = [];
  let current: FmtFile | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of lines) {
    if (current && (oldLeft > 0 || newLeft > 0)) {
      current.diff += `${line}\n`;
      if (line.startsWith('-')) oldLeft -= 1;
      else if (line.startsWith('+')) newLeft -= 1;
      else if (!line.startsWith('\\')) { oldLeft -= 1; newLeft -= 1; }
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (current && hunk) {
      current.diff += `${line}\n`;
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      current.line ??= Math.max(1, Number(hunk[1]));
      continue;
    }
    if (current && (line.startsWith('--- ') || line.startsWith('+++ '))) {
      current.diff += `${line}\n`;
      continue;
    }
    if (line.trim() === '') continue;
    current = { file: line.trim(), diff: '' };
    files.push(current);
  }
  return files;
}

export function fmtAnnotations(files: readonly FmtFile[], stackDir: string): Annotation[] {
  return files.map((f) => ({
    level: 'error' as const,
    title: 'terraform fmt',
    message: `${f.file} is not formatted. Run \`terraform fmt\` in ${stackDir} and commit the result.`,
    file: inRepo(stackDir, f.file),
    startLine: f.line ?? 1,
  }));
}
