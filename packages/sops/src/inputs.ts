/** The sops-decrypt action's inputs (the CLI reads the same spec from flags). */
import { boolean, filePath, list, secret, string } from '@conveyor/kit';

export const EXPORT_KINDS = ['env', 'outputs', 'files'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const sopsInputs = {
  files: list({ required: true }),
  'age-key': secret(),
  'age-key-file': filePath({ mustExist: 'file' }),
  'pgp-key': secret(),
  'pgp-passphrase': secret(),
  export: list({ default: ['env'] }),
  'env-prefix': string({ default: '', pattern: /^[A-Za-z_][A-Za-z0-9_]*$|^$/, patternHint: 'letters, digits and _ (not starting with a digit)' }),
  'output-dir': filePath(),
  'keep-files': boolean({ default: false }),
  'ignore-mac': boolean({ default: false }),
};
