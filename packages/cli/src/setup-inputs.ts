/** The root action's inputs. */
import { secret, string } from '@conveyor/kit';

const version = () => string({
  pattern: /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/,
  patternHint: 'an exact version such as 1.2.3, or empty to skip the tool',
});

export const setupInputs = {
  'grype-version': version(),
  'tflint-version': version(),
  'terraform-version': version(),
  'tofu-version': version(),
  'download-base-url': string({ pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/, patternHint: 'an http(s) URL of a mirror, or empty for the publishers\' sites' }),
  'github-token': secret(),
};
