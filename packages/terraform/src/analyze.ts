/**
 * Reading a plan document in one pass: summary, fingerprint and digests together. `analyzePlanText`
 * reads the text one resource change at a time and passes over the sections it does not use, so memory
 * stays near the size of the text itself even for very large plans.
 */
import { FingerprintBuilder, type ResourceDigest } from './fingerprint.ts';
import { JsonScanError, JsonScanner } from './jsonscan.ts';
import { checkPlanMeta, checkResourceChange, PlanFormatError, SummaryBuilder, type PlanSummary, type RawChange, type RawPlan, type SummarizeOptions } from './plan.ts';

export interface PlanAnalysis {
  summary: PlanSummary;
  fingerprint: string;
  digests: Record<string, ResourceDigest>;
  /** The values the plan marks sensitive, to register as secrets before terraform's output is shown. Never render these. */
  sensitiveValues: string[];
}

/** Analyzes a plan document already parsed and checked (`parsePlan`). */
export function analyzePlan(plan: RawPlan, options: SummarizeOptions = {}): PlanAnalysis {
  const summary = new SummaryBuilder(options);
  const fingerprint = new FingerprintBuilder();
  for (const raw of plan.resource_changes ?? []) {
    summary.resource(raw);
    fingerprint.resource(raw);
  }
  for (const raw of plan.resource_drift ?? []) summary.driftResource(raw);
  summary.outputChanges(plan.output_changes ?? {});
  fingerprint.outputChanges(plan.output_changes ?? {});
  const { fingerprint: sha, digests } = fingerprint.finish();
  const finished = summary.finish(plan);
  return { summary: finished, fingerprint: sha, digests, sensitiveValues: [...summary.sensitive] };
}

const META = new Set(['format_version', 'terraform_version', 'errored', 'complete', 'applyable', 'variables']);

/** Reads and analyzes the text of `terraform show -json PLANFILE`; `source` names it in errors. */
export function analyzePlanText(text: string, source: string, options: SummarizeOptions = {}): PlanAnalysis {
  const scan = new JsonScanner(text, source);
  const summary = new SummaryBuilder(options);
  const fingerprint = new FingerprintBuilder();
  const meta: RawPlan & Record<string, unknown> = {};
  try {
    const start = scan.skipSpace(0);
    if (text.charCodeAt(start) !== 123) scan.fail(start, 'the top level is not a JSON object');
    const end = scan.forEachMember(start, (key, at) => {
      if (key === 'resource_changes' || key === 'resource_drift') {
        if (text.charCodeAt(at) !== 91) throw new PlanFormatError(`${source} is not a terraform plan document: "${key}" is not a list. Produce it with \`terraform show -json PLANFILE\`.`);
        return scan.forEachElement(at, (s, e, i) => {
          const raw = checkResourceChange(scan.parse(s, e), key, i, source);
          if (key === 'resource_drift') summary.driftResource(raw);
          else {
            summary.resource(raw);
            fingerprint.resource(raw);
          }
        });
      }
      if (key === 'output_changes' || META.has(key)) {
        const e = scan.skipValue(at);
        meta[key] = scan.parse(at, e);
        return e;
      }
      if (key === 'configuration') {
        // Only the root module's variable declarations are read (which variables are sensitive).
        const e = scan.skipValue(at);
        if (text.charCodeAt(at) === 123) {
          scan.forEachMember(at, (k, a) => {
            if (k !== 'root_module' || text.charCodeAt(a) !== 123) return undefined;
            return scan.forEachMember(a, (k2, a2) => {
              if (k2 !== 'variables') return undefined;
              const e2 = scan.skipValue(a2);
              meta.configuration = { root_module: { variables: scan.parse(a2, e2) } };
              return e2;
            });
          });
        }
        return e;
      }
      return undefined;
    });
    scan.expectEnd(end);
  } catch (error) {
    if (error instanceof JsonScanError) {
      throw new PlanFormatError(
        `${source} is not a JSON plan document (${error.message}). Produce it with \`terraform show -json PLANFILE > ${source}\`; the plan file itself and \`terraform plan -json\` log lines are different formats.`,
        { cause: error },
      );
    }
    throw error;
  }
  checkPlanMeta(meta, source);
  const outputs = (meta.output_changes ?? {}) as Record<string, RawChange>;
  summary.outputChanges(outputs);
  fingerprint.outputChanges(outputs);
  const { fingerprint: sha, digests } = fingerprint.finish();
  const finished = summary.finish(meta);
  return { summary: finished, fingerprint: sha, digests, sensitiveValues: [...summary.sensitive] };
}
