/**
 * Writing what a scan decided: the SARIF log and the verdict file next to the grype report, and the
 * step outputs. Shared by the action and the CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConveyorError } from '@conveyor/kit';
import type { Outcome } from './outcome.ts';
import { outputsOf } from './outcome.ts';
import type { Evaluation } from './policy.ts';

export interface WrittenFiles {
  sarif: string;
  json: string;
  verdict: string;
}

/** Writes `results.sarif` and `verdict.json` into `outputDir`; `json` is the grype report's path. */
export function writeResults(outcome: Outcome, outputDir: string, json: string): { files: WrittenFiles; outputs: ReturnType<typeof outputsOf> } {
  fs.mkdirSync(outputDir, { recursive: true });
  const files = { sarif: path.join(outputDir, 'results.sarif'), json, verdict: path.join(outputDir, 'verdict.json') };
  fs.writeFileSync(files.sarif, `${JSON.stringify(outcome.sarif, null, 2)}\n`);
  fs.writeFileSync(files.verdict, `${JSON.stringify(outcome.verdict, null, 2)}\n`);
  return { files, outputs: outputsOf(outcome, files) };
}

/** The summary's last line: where each file went. */
export function filesLine(files: WrittenFiles): string {
  return `Files: grype report \`${files.json}\`, SARIF \`${files.sarif}\`, verdict \`${files.verdict}\`\n`;
}

/** The policy said no: the matches at or above the cutoff. Distinct from a grype error. */
export class PolicyFailure extends ConveyorError {}

/** The failure message: how many matches reached the cutoff, the worst few, where the details are. */
export function policyFailure(evaluation: Evaluation, cutoff: string, verdictFile: string): PolicyFailure {
  const n = evaluation.failing.length;
  const worst = evaluation.failing.slice(0, 5).map((m) => `${m.id} (${m.severity}) in ${m.artifact.name} ${m.artifact.version}`).join(', ');
  return new PolicyFailure(`The scan found ${n} match${n === 1 ? '' : 'es'} at or above the severity cutoff (${cutoff}): ${worst}${n > 5 ? ', …' : ''}.`
    + ` Fix or upgrade the packages, or add an ignore rule with a reason (and an until date). Verdict: ${verdictFile}`);
}
