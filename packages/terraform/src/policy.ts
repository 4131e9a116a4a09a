/**
 * The destroy policy: a plan that deletes or replaces a resource fails the gate unless destroying is
 * allowed for the whole stack (`allow-destroy`) or the resource's address matches an allowed pattern.
 */
import { ConveyorError } from '@conveyor/kit';
import { isReplace, type PlanSummary } from './plan.ts';

export interface DestroyPolicy {
  allowDestroy: boolean;
  /** Address patterns: `*` matches any run of characters (dots and brackets too), `?` one character. */
  allowedPatterns: readonly string[];
}

export interface DestroyVerdict {
  /** Resources the plan destroys (deleted or replaced), with whether the policy allows it. */
  destroys: { address: string; kind: 'delete' | 'replace'; allowedBy?: string }[];
  refused: string[];
  ok: boolean;
}

/** `module.db.*` → a regular expression; every character but `*` and `?` is literal. */
export function addressPattern(pattern: string): RegExp {
  if (pattern.trim() === '') throw new ConveyorError('An allowed-destroy pattern is empty; give resource addresses such as module.cache.* or aws_instance.tmp[*].');
  const body = Array.from(pattern.trim(), (ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

export function evaluateDestroyPolicy(summary: PlanSummary, policy: DestroyPolicy): DestroyVerdict {
  const patterns = policy.allowedPatterns.map((p) => ({ text: p, re: addressPattern(p) }));
  const destroys: DestroyVerdict['destroys'] = [];
  for (const r of summary.resources) {
    if (r.mode !== 'managed') continue;
    if (r.kind !== 'delete' && !isReplace(r.kind)) continue;
    const allowedBy = policy.allowDestroy ? 'allow-destroy' : patterns.find((p) => p.re.test(r.address))?.text;
    destroys.push({ address: r.address, kind: r.kind === 'delete' ? 'delete' : 'replace', allowedBy });
  }
  const refused = destroys.filter((d) => !d.allowedBy).map((d) => d.address);
  return { destroys, refused, ok: refused.length === 0 };
}

/** The sentence a refused plan fails with. */
export function describeRefusal(verdict: DestroyVerdict, stack: string): string {
  const listed = verdict.refused.slice(0, 20).map((a) => `  - ${a}`).join('\n');
  const more = verdict.refused.length > 20 ? `\n  … and ${verdict.refused.length - 20} more` : '';
  return `The plan for ${stack} destroys or replaces ${verdict.refused.length} resource(s) that no rule allows:\n${listed}${more}\n`
    + 'If that is intended, set allow-destroy: true, or list the addresses (patterns with *) in allowed-destroy.';
}
