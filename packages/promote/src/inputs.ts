/** The promote action's inputs, shared by the action and `conveyor promote`. */
import { boolean, filePath, requireThat, secret, string, type Inputs } from '@conveyor/kit';
import { InvalidReferenceError, parseReference } from '@conveyor/oci';

/** Where the environments file is by default, under the workspace. (Defined here, not in environments.ts, so that
 * the action's input check does not load the YAML parser and the schema validator.) */
export const DEFAULT_ENVIRONMENTS_FILE = '.github/conveyor/environments.yml';

export const promoteInputs = {
  environment: string({ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, patternHint: 'an environment name from the environments file' }),
  image: string({ required: true, pattern: /^[a-z0-9][a-z0-9._:/-]*$/, patternHint: 'an image name without tag or digest, e.g. ghcr.io/acme/web' }),
  digest: string({ pattern: /^(sha256:[a-f0-9]{64}|[A-Za-z0-9_][A-Za-z0-9._-]{0,127})$/, patternHint: 'sha256:<64 hex digits>, or a tag to resolve through the registry' }),
  version: string({ pattern: /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,127}$/, patternHint: 'a version or tag, e.g. 1.4.0' }),
  'verdict-file': filePath({ mustExist: 'file' }),
  'dry-run': boolean({ default: false }),
  rollback: boolean({ default: false }),
  'environments-file': filePath(),
  'github-token': secret(),
  'gitops-token': secret(),
  'registry-username': string(),
  'registry-password': secret(),
};

export type PromoteInputs = Inputs<typeof promoteInputs>;

/** Checks across inputs, before anything runs. */
export function checkPromoteInputs(inputs: PromoteInputs): void {
  requireThat(!(inputs.rollback && inputs.digest), "Inputs 'rollback' and 'digest' exclude each other: a rollback puts back the digest the environment ran before. Remove one.");
  requireThat(inputs.rollback || inputs.digest !== '' || inputs.version !== '', "Input 'digest' is required (a sha256 digest, or a tag to resolve); or give 'version' to resolve it as a tag, or set 'rollback: true'.");
  requireThat(!inputs['digest'].includes('@') && !inputs.image.includes('@'), "Input 'image' is the name only; pass the digest in 'digest'.");
  let tag: string | undefined;
  try {
    tag = parseReference(inputs.image).tag;
  } catch (error) {
    if (!(error instanceof InvalidReferenceError)) throw error;
    requireThat(false, `Input 'image': ${error.message} Give the image name without tag or digest, e.g. ghcr.io/acme/web.`);
  }
  requireThat(tag === undefined, `Input 'image' is the name only (${inputs.image} ends in the tag '${tag}'); pass the tag in 'version' or 'digest'.`);
}

/** Where the environments file is: the input, or the default under the workspace. */
export function environmentsFilePath(inputs: PromoteInputs, workspace: string): string {
  return inputs['environments-file'] ?? `${workspace.replace(/\/$/, '')}/${DEFAULT_ENVIRONMENTS_FILE}`;
}
