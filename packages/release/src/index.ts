export * from './rules.ts';
export * from './commits.ts';
export * from './version.ts';
export * from './notes.ts';
export * from './plan.ts';
