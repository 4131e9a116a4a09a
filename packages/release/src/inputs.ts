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
