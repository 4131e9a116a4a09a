/** The build-image inputs, read once by the action and as flags by `conveyor image`. */
import { boolean, filePath, InputError, list, oneOf, secret, string, type InputSpec } from '@conveyor/kit';
import { DEFAULT_BAKE_TARGET } from './bake.ts';
import { BUILDER_CHOICES } from './builders/index.ts';
import { splitRuleList, splitValueList } from './csv.ts';

const lines = () => list({ commas: false });

/**
 * A metadata-action list input, read as metadata-action reads it (CSV entries, `#` comment lines, quoted
 * fields that may hold commas or newlines): `rules` keep each entry's fields for the rule parser, `values`
 * join them back into one `key=value` text.
 */
function csvList(kind: 'rules' | 'values'): InputSpec<string[]> {
  const accepted = kind === 'rules' ? 'one entry per line, comma-separated attributes (CSV; quote a field that holds a comma)' : 'one key=value per line';
  return {
    kind: 'list',
    required: false,
    accepted,
    parse(raw, name) {
      if (raw === undefined || raw.trim() === '') return [];
      try {
        return kind === 'rules' ? splitRuleList(raw) : splitValueList(raw);
      } catch (error) {
        throw new InputError([`Input '${name}': ${(error as Error).message}.`]);
      }
    },
  };
}

/** A separator as metadata-action reads it: kept exactly as given (a space is a space), a newline when empty. */
function separator(): InputSpec<string> {
  return {
    kind: 'text',
    required: false,
    accepted: 'any text (default a newline)',
    parse: (raw) => (raw === undefined || raw === '' ? '\n' : raw),
  };
}

export const imageInputs = {
  // metadata-action's inputs, same syntax (its `context` is `metadata-context` here: `context` is the build's)
  'metadata-context': oneOf(['workflow', 'git'], { default: 'workflow' }),
  images: csvList('rules'),
  tags: csvList('rules'),
  flavor: csvList('rules'),
  labels: csvList('values'),
  annotations: csvList('values'),
  'sep-tags': separator(),
  'sep-labels': separator(),
  'sep-annotations': separator(),
  'bake-target': string({ default: DEFAULT_BAKE_TARGET }),
  // the build
  context: filePath({ mustExist: 'directory' }),
  file: filePath({ mustExist: 'file' }),
  platforms: list(),
  push: boolean({ default: false }),
  'build-args': lines(),
  secrets: secret(),
  'secret-files': lines(),
  target: string(),
  'no-cache': boolean({ default: false }),
  'cache-from': lines(),
  'cache-to': lines(),
  provenance: string(),
  sbom: string(),
  builder: oneOf(BUILDER_CHOICES, { default: 'auto' }),
  'buildah-options': string(),
  // registries
  registry: string(),
  username: string(),
  password: secret(),
  'registry-auth': secret(),
  'insecure-registries': list(),
  verify: boolean({ default: true }),
  'dry-run': boolean({ default: false }),
};
