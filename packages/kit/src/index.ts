export * from './errors.ts';
export * from './inputs.ts';
export * from './mask.ts';
export * from './outputs.ts';
export * from './summary.ts';
export * from './annotations.ts';
export * from './log.ts';
export * from './run.ts';
export * from './exec.ts';
export * from './context.ts';
export * from './cli.ts';
export * from './app-credentials.ts';
export { cliWords } from './cli-words.ts';
export * from './folders.ts';
// Octokit, the App token minting and the tool installer pull in an HTTP stack: they are imported from
// '@conveyor/kit/octokit', '@conveyor/kit/app-token' and '@conveyor/kit/installer', so that a bundle (or a CLI
// command) that only loads this index never evaluates them.
export type { CreateOctokitOptions, GitHubClient, OctokitLog } from './octokit.ts';
export type { InstallationToken, InstallationTokenOptions } from './app-token.ts';
export type { InstalledTool, ToolInstall } from './installer.ts';
