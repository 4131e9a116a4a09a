export * from './errors.ts';
export { git, streamGit, type GitOptions, type GitResult } from './command.ts';
export * from './records.ts';
export * from './log.ts';
export * from './refs.ts';
export * from './files.ts';
export * from './remote.ts';
export * from './tree.ts';
