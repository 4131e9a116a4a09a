/** The severity cutoffs (re-exported by policy.ts), in a module the input specs can load alone. */
import type { Severity } from './verdict.ts';

export type SeverityCutoff = Exclude<Severity, 'unknown'> | 'none';
export const SEVERITY_CUTOFFS: readonly SeverityCutoff[] = ['negligible', 'low', 'medium', 'high', 'critical', 'none'];
