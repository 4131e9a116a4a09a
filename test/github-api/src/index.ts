export { startGitHubApi } from './server.ts';
export type { Fault, FaultSpec, GitHubApi, RequestLogEntry, StartOptions, Violation } from './server.ts';
export { GitHubState } from './state.ts';
export type * from './state.ts';
export type { SchemaProblem } from './openapi.ts';
export { importGitRepository } from './git-import.ts';
