/**
 * The external tools the root action can install, and where each publisher puts its archives and
 * checksums. A new tool is one entry in TOOLS.
 */
import type { ToolInstall } from '@conveyor/kit';

export interface ToolDefinition {
  name: 'grype' | 'tflint' | 'terraform' | 'tofu';
  /** The folder holding a version's files on the publisher's site (`{version}` placeholder). */
  home: string;
  /** The archive's file name (`{version}`, `{os}`, `{arch}` placeholders). */
  archive: string;
  /** The archive's file name on Windows, when the format differs there. */
  windowsArchive?: string;
  /** The sha256sum-style checksums file's name, in the same folder. */
  checksums: string;
}

export const TOOLS: readonly ToolDefinition[] = [
  {
    name: 'grype',
    home: 'https://github.com/anchore/grype/releases/download/v{version}',
    archive: 'grype_{version}_{os}_{arch}.tar.gz',
    windowsArchive: 'grype_{version}_{os}_{arch}.zip',
    checksums: 'grype_{version}_checksums.txt',
  },
  {
    name: 'tflint',
    home: 'https://github.com/terraform-linters/tflint/releases/download/v{version}',
    archive: 'tflint_{os}_{arch}.zip',
    checksums: 'checksums.txt',
  },
  {
    name: 'terraform',
    home: 'https://releases.hashicorp.com/terraform/{version}',
    archive: 'terraform_{version}_{os}_{arch}.zip',
    checksums: 'terraform_{version}_SHA256SUMS',
  },
  {
    name: 'tofu',
    home: 'https://github.com/opentofu/opentofu/releases/download/v{version}',
    archive: 'tofu_{version}_{os}_{arch}.tar.gz',
    windowsArchive: 'tofu_{version}_{os}_{arch}.zip',
    checksums: 'tofu_{version}_SHA256SUMS',
  },
];

export interface InstallContext {
  /** A mirror: files are then fetched from `<mirror>/<tool>/<version>/<file>`. */
  mirror?: string;
  /** The platform the archives are for (`{os}` words: linux, darwin, windows). */
  os: string;
  /** A token sent only to these hosts (github.com and the GitHub server's host). */
  token?: string;
  tokenHosts?: readonly string[];
}

/** What `installTool` needs to install `tool` at `version`. */
export function toolInstall(tool: ToolDefinition, version: string, context: InstallContext): ToolInstall {
  const folder = context.mirror ? `${context.mirror.replace(/\/+$/, '')}/${tool.name}/{version}` : tool.home;
  const archive = context.os === 'windows' && tool.windowsArchive ? tool.windowsArchive : tool.archive;
  const urlTemplate = `${folder}/${archive}`;
  const host = new URL(urlTemplate.replace(/\{[^}]*\}/g, 'x')).host;
  const auth = context.token && (context.tokenHosts ?? []).includes(host) ? `token ${context.token}` : undefined;
  return {
    name: tool.name,
    version,
    urlTemplate,
    checksumsUrlTemplate: `${folder}/${tool.checksums}`,
    binary: context.os === 'windows' ? `${tool.name}.exe` : tool.name,
    ...(auth ? { auth } : {}),
  };
}
