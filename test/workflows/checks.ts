/**
 * A small check runner for the workflow runs: each scenario is a list of named checks run in order; a check
 * fails by throwing (node:assert). The totals end in one line, `workflows: N passed, M failed`.
 */
import { AssertionError } from 'node:assert';

export interface Tally {
  passed: number;
  failed: number;
  failures: string[];
}

export const tally: Tally = { passed: 0, failed: 0, failures: [] };

/** Runs one check and reports it as `  ok …` or `  FAIL …` with the reason. Returns whether it passed. */
export async function check(scope: string, name: string, fn: () => unknown | Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    tally.passed++;
    console.log(`  ok    ${scope}: ${name}`);
    return true;
  } catch (error) {
    tally.failed++;
    const reason = error instanceof AssertionError ? error.message : (error as Error).stack ?? String(error);
    tally.failures.push(`${scope}: ${name}`);
    console.log(`  FAIL  ${scope}: ${name}\n${reason.split('\n').map((l) => `        ${l}`).join('\n')}`);
    return false;
  }
}
