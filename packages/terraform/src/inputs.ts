/** The inputs of the terraform and tflint actions (the CLI reads the same specs from flags). */
import { boolean, filePath, integer, list, oneOf, secret, string } from '@conveyor/kit';

export const terraformInputs = {
  command: oneOf(['fmt', 'validate', 'plan', 'apply', 'stacks'] as const, { required: true }),
  'working-directory': list({ default: ['.'], commas: false }),
  stacks: oneOf(['listed', 'auto'] as const, { default: 'listed' }),
  'stack-order': list({ commas: false }),
  binary: oneOf(['terraform', 'tofu'] as const, { default: 'terraform' }),
  version: string({ pattern: /^v?\d+\.\d+\.\d+(-[\w.]+)?$/, patternHint: 'an exact version such as 1.9.8 (empty: use the one on PATH)' }),
  'backend-config': list({ commas: false }),
  'var-files': list({ commas: false }),
  variables: list({ commas: false }),
  workspace: string({ default: 'default', pattern: /^[\w.-]+$/, patternHint: 'a workspace name (letters, digits, _ . -)' }),
  'lock-timeout': string({ default: '0s', pattern: /^\d+(ms|s|m|h)$/, patternHint: 'a duration such as 0s, 30s or 5m' }),
  'allow-destroy': boolean({ default: false }),
  'allowed-destroy': list({ commas: false }),
  'github-token': secret(),
  comment: boolean({ default: true }),
  'pull-request': integer({ min: 1 }),
  'merged-pull-request': boolean({ default: true }),
  'plan-path': filePath({ mustExist: 'file' }),
  'expected-fingerprint': string(),
  'plan-dir': filePath(),
};

export const tflintInputs = {
  'working-directory': list({ default: ['.'], commas: false }),
  recursive: boolean({ default: false }),
  version: string({ pattern: /^v?\d+\.\d+\.\d+(-[\w.]+)?$/, patternHint: 'an exact tflint version such as 0.54.0 (empty: use the one on PATH)' }),
  'minimum-failure-severity': oneOf(['error', 'warning', 'notice'] as const, { default: 'warning' }),
  init: boolean({ default: true }),
  'github-token': secret(),
  config: filePath({ mustExist: 'file' }),
  'sarif-path': filePath(),
};
