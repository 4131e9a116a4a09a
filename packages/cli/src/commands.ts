/**
 * The registry of `conveyor` subcommands. Each domain package exports its command from `src/cli.ts`;
 * add one line here per subcommand.
 */
import type { CliCommand } from '@conveyor/kit';
import { imageCommand } from '@conveyor/image/cli';
import { promoteCommand } from '@conveyor/promote/cli';
import { terraformCommand, tflintCommand } from '@conveyor/terraform/cli';
import { releaseCommand } from '@conveyor/release/cli';
import { scanCommand } from '@conveyor/scan/cli';
import { sopsCommand } from '@conveyor/sops/cli';

export const commands: readonly CliCommand[] = [
  imageCommand,
  promoteCommand,
  terraformCommand,
  tflintCommand,
  releaseCommand,
  scanCommand,
  sopsCommand,
];
