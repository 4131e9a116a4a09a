export * from './rules.ts';
export * from './commits.ts';
export * from './version.ts';
export * from './notes.ts';
export * from './plan.ts';
export * from './publish.ts';
export * from './inputs.ts';
export { runRelease, releaseOutputs, ensureFullHistory, type ReleaseRunResult } from './action.ts';
