/**
 * From a report and a policy to everything the scan produces: the evaluation, the verdict file, the
 * SARIF log and the step outputs. Pure; `action.ts` and the CLI write the results.
 */
import { SCAN_VERDICT_SCHEMA, type ScanVerdict, type SeverityCounts } from './verdict.ts';
import type { GrypeReport } from './report.ts';
import { evaluate, type Evaluation, type Policy } from './policy.ts';
import { renderSarif, type SarifLog } from './sarif.ts';

export interface Outcome {
  evaluation: Evaluation;
  verdict: ScanVerdict;
  sarif: SarifLog;
}

/** The digest an image reference pins (`name@sha256:…`), if any. */
export function pinnedDigest(image: string | undefined): string | undefined {
  return image ? /@(sha256:[0-9a-f]{64})$/.exec(image)?.[1] : undefined;
}

export function decide(report: GrypeReport, policy: Policy, options: { image?: string; now: Date }): Outcome {
  const evaluation = evaluate(report, policy, options.now.getTime());
  const expired = policy.rules.filter((r) => r.expiresAt !== undefined && options.now.getTime() >= r.expiresAt).length;
  const verdict: ScanVerdict = {
    schema: SCAN_VERDICT_SCHEMA,
    decision: evaluation.decision,
    image: options.image || undefined,
    digest: pinnedDigest(options.image) ?? (report.source.type === 'image' ? report.source.digest : undefined),
    source: { type: report.source.type, target: report.source.target },
    grype: { version: report.grype.version, db: report.grype.db },
    policy: {
      severityCutoff: policy.severityCutoff,
      onlyFixed: policy.onlyFixed,
      ignoreRules: { active: policy.rules.length - expired, expired },
      vex: [...policy.vexFiles],
    },
    counts: evaluation.counts,
    countsFixable: evaluation.countsFixable,
    ignored: evaluation.ignored.map(({ id, package: pkg, version, reason, rule }) => ({ id, package: pkg, version, reason, rule })),
    createdAt: options.now.toISOString(),
  };
  if (verdict.image === undefined) delete verdict.image;
  if (verdict.digest === undefined) delete verdict.digest;
  return { evaluation, verdict, sarif: renderSarif(report, evaluation.kept) };
}

/** The step outputs, given where the files were written. */
export function outputsOf(outcome: Outcome, files: { sarif: string; json: string; verdict: string }): Record<string, string | SeverityCounts> {
  return {
    verdict: outcome.verdict.decision,
    counts: outcome.verdict.counts,
    'counts-fixable': outcome.verdict.countsFixable,
    sarif: files.sarif,
    json: files.json,
    'verdict-file': files.verdict,
  };
}
