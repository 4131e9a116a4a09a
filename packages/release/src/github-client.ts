/**
 * The GitHub client of the publish path, and the GitHub App token minting. action.ts loads this module with
 * import() only when it publishes, so a dry run (and `conveyor release --dry-run`) never evaluates Octokit,
 * `@octokit/auth-app` and their HTTP stack.
 */
export { createOctokit } from '@conveyor/kit/octokit';
export { createInstallationToken } from '@conveyor/kit/app-token';
