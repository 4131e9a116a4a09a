/**
 * Where pinned releases of terraform, tofu and tflint come from, for the kit's installer (which checks
 * each archive's sha256 against the publisher's checksums file before anything is put on PATH).
 */
import type { ToolInstall } from '@conveyor/kit';

export type ToolName = 'terraform' | 'tofu' | 'tflint';

const SOURCES: Record<ToolName, Omit<ToolInstall, 'version' | 'name'>> = {
  terraform: {
    urlTemplate: 'https://releases.hashicorp.com/terraform/{version}/terraform_{version}_{os}_{arch}.zip',
    checksumsUrlTemplate: 'https://releases.hashicorp.com/terraform/{version}/terraform_{version}_SHA256SUMS',
    binary: 'terraform',
  },
  tofu: {
    urlTemplate: 'https://github.com/opentofu/opentofu/releases/download/v{version}/tofu_{version}_{os}_{arch}.zip',
    checksumsUrlTemplate: 'https://github.com/opentofu/opentofu/releases/download/v{version}/tofu_{version}_SHA256SUMS',
    binary: 'tofu',
  },
  tflint: {
    urlTemplate: 'https://github.com/terraform-linters/tflint/releases/download/v{version}/tflint_{os}_{arch}.zip',
    checksumsUrlTemplate: 'https://github.com/terraform-linters/tflint/releases/download/v{version}/checksums.txt',
    binary: 'tflint',
  },
};

/** The install spec of a pinned tool version; `sha256` pins the archive's hash instead of the checksums file. */
export function toolInstall(name: ToolName, version: string, sha256?: string): ToolInstall {
  const source = SOURCES[name];
  return { name, version, ...source, ...(sha256 ? { sha256 } : {}) };
}
