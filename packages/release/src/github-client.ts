/**
 * The GitHub client of the publish path. action.ts loads this module with import() only when it publishes,
 * so a dry run (and `conveyor release --dry-run`) never evaluates Octokit and its HTTP stack.
 */
export { createOctokit } from '@conveyor/kit/octokit';
