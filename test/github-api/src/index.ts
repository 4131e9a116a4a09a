export { startGitHubApi } from './server.ts';
export type { Fault, FaultSpec, GitHubApi, RequestLogEntry, StartOptions, Violation } from './server.ts';
export { GitHubState } from './state.ts';
export type * from './state.ts';
export type { SchemaProblem } from './openapi.ts';
export { importGitRepository } from './git-import.ts';
export { JWT_MAX_LIFETIME, JWT_MESSAGES, verifyAppJwt } from './auth.ts';
export type { Credential } from './auth.ts';
export { INSTALLATION_TOKEN_LIFETIME_MS } from './endpoints/apps.ts';
