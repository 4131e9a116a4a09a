/**
 * The scan-image input specs (re-exported by inputs.ts). A module of their own, without the policy's parsers
 * (YAML, VEX, CSAF): the action's entry checks its inputs with these before it loads the rest.
 */
import { boolean, filePath, list, oneOf, string, text, type Inputs } from '@conveyor/kit';
import { SEVERITY_CUTOFFS } from './severity.ts';

export const policyInputs = {
  'severity-cutoff': oneOf(SEVERITY_CUTOFFS),
  'only-fixed': boolean({ default: false }),
  ignore: text(),
  config: filePath({ mustExist: 'file' }),
  vex: list({ commas: false }),
  'fail-build': boolean({ default: true }),
  'output-dir': filePath(),
};

export const scanInputs = {
  image: string(),
  sbom: filePath({ mustExist: 'file' }),
  path: filePath({ mustExist: 'any' }),
  ...policyInputs,
  'grype-version': string({ pattern: /^v?\d+\.\d+\.\d+$/, patternHint: 'an exact grype version such as 0.96.0 (empty: grype on PATH, else 0.96.0)' }),
  'download-base-url': string({ pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/, patternHint: 'an http(s) URL of a mirror laid out as <url>/grype/<version>/<file>' }),
  'db-cache-dir': filePath(),
};

export type PolicyInputs = Inputs<typeof policyInputs>;
export type ScanInputs = Inputs<typeof scanInputs>;
