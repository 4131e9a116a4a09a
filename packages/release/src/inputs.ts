/** The release action's inputs, shared by the action and `conveyor release`. */
import { boolean, filePath, integer, list, secret, string, type Inputs } from '@conveyor/kit';

export const releaseInputs = {
  'github-token': secret(),
  'app-id': string(),
  'app-private-key': secret(),
  'app-installation-id': integer({ min: 1 }),
  'tag-format': string({ default: 'v${version}' }),
  'release-branches': list({ default: ['main', 'master'] }),
  'prerelease-branches': list({ default: ['next', 'beta', 'alpha'] }),
  prerelease: string({ pattern: /^[0-9A-Za-z-]*$/, patternHint: 'a prerelease identifier such as rc or beta (letters, digits, dashes)' }),
  branch: string(),
  'zero-major': boolean({ default: false }),
  'release-rules': list({ commas: false }),
  path: list(),
  'changelog-file': filePath(),
  'floating-tags': boolean({ default: false }),
  'dry-run': boolean({ default: false }),
  'fetch-history': boolean({ default: true }),
  'working-directory': filePath({ mustExist: 'directory' }),
  repository: string({ pattern: /^[\w.-]+\/[\w.-]+$/, patternHint: 'owner/name' }),
};

export type ReleaseInputs = Inputs<typeof releaseInputs>;

/** One line per input, for action.yml, the README and `--help`. */
export const releaseInputDescriptions: Record<keyof typeof releaseInputs, string> = {
  'github-token': 'Token that creates the tag and the release (contents: write); default the workflow\'s GITHUB_TOKEN. Tags made with GITHUB_TOKEN start no other workflow: pass a personal token here, or app-id and app-private-key instead.',
  'app-id': 'A GitHub App\'s ID (or client ID): with app-private-key, the action mints an installation token of the App for this repository (contents: write), uses it for every call and revokes it at the end. Not with github-token.',
  'app-private-key': 'The GitHub App\'s private key (the whole .pem file), from a secret.',
  'app-installation-id': 'The App\'s installation to mint the token of (default: the installation on this repository, looked up).',
  'tag-format': 'Tag name with ${version} in it, e.g. v${version}, or api-v${version} for one package of a monorepo.',
  'release-branches': 'Branches that release stable versions.',
  'prerelease-branches': 'Branches that release prereleases: `beta` (identifier = branch name) or `develop=next`.',
  prerelease: 'Release-candidate mode: make every version of this run a prerelease with this identifier (e.g. rc → v1.2.0-rc.1).',
  branch: 'The branch being released (default: the branch of the workflow run, else the checked-out branch).',
  'zero-major': 'Stay on 0.x: the first release is 0.1.0, a breaking change bumps the minor and a feature the patch while the major is 0.',
  'release-rules': 'Extra rules, one per line: `type: bump` or `type(scope): bump` with bump none, patch, minor or major.',
  path: 'Only commits touching these paths count (monorepo); use with tag-format to keep packages apart.',
  'changelog-file': 'A Markdown changelog to prepend the notes to (written in the workspace; commit it in a later step if wanted).',
  'floating-tags': 'Move v<major> and v<major>.<minor> to the released commit (stable versions only, when they are the highest of their line).',
  'dry-run': 'Compute the version and notes and call no write endpoint (released stays false).',
  'fetch-history': 'On a shallow clone, fetch the whole history and the tags before reading them (else fail with the fix).',
  'working-directory': 'The repository folder.',
  repository: 'owner/name of the repository (default: the workflow run\'s repository).',
};
