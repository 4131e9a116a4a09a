/**
 * The registry of `conveyor` subcommands. Each domain package exports its command from `src/cli.ts`;
 * add one entry here per subcommand: its name (and the action's name as an alias when it differs), the one-line summary `conveyor --help` shows, and a `load`
 * that imports the command module only when that subcommand runs (so `conveyor release` never evaluates
 * the dependencies of `conveyor sops` or `conveyor image`). program.test.ts checks that every entry's
 * name and summary equal those of the command it loads.
 */
import type { CommandEntry } from './program.ts';

export const commands: readonly CommandEntry[] = [
  {
    name: 'image',
    aliases: ['build-image'],
    summary: 'Compute image tags and labels from git (metadata-action rules); build and push with buildah or docker buildx.',
    load: async () => (await import('@conveyor/image/cli')).imageCommand,
  },
  {
    name: 'promote',
    summary: 'Promote an image digest to the next environment by GitOps, in order.',
    load: async () => (await import('@conveyor/promote/cli')).promoteCommand,
  },
  {
    name: 'terraform',
    summary: 'Summarize a terraform plan; run fmt, validate, plan or apply of the reviewed plan over stacks.',
    load: async () => (await import('@conveyor/terraform/cli')).terraformCommand,
  },
  {
    name: 'tflint',
    summary: 'Run tflint over stacks: annotations, one single-run SARIF file, and a verdict by severity.',
    load: async () => (await import('@conveyor/terraform/cli')).tflintCommand,
  },
  {
    name: 'release',
    summary: 'Compute the next version from Conventional Commits; tag and publish the GitHub release.',
    load: async () => (await import('@conveyor/release/cli')).releaseCommand,
  },
  {
    name: 'scan',
    aliases: ['scan-image'],
    summary: 'Scan an image, SBOM or folder with grype, or apply the policy to an existing report.',
    load: async () => (await import('@conveyor/scan/cli')).scanCommand,
  },
  {
    name: 'sops',
    aliases: ['sops-decrypt'],
    summary: 'Decrypt a SOPS file (MAC verified), or run a command with its values in the environment.',
    load: async () => (await import('@conveyor/sops/cli')).sopsCommand,
  },
];
