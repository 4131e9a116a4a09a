/** The build-image inputs, read once by the action and as flags by `conveyor image`. */
import { boolean, filePath, list, oneOf, secret, string, text } from '@conveyor/kit';
import { BUILDER_CHOICES } from './builders/index.ts';

const lines = () => list({ commas: false });

export const imageInputs = {
  // metadata-action's inputs, same syntax
  images: lines(),
  tags: lines(),
  flavor: lines(),
  labels: lines(),
  annotations: lines(),
  'sep-tags': text({ default: '\n' }),
  'sep-labels': text({ default: '\n' }),
  'sep-annotations': text({ default: '\n' }),
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
