/**
 * The registry of `conveyor` subcommands. Each domain package exports its command from `src/cli.ts`;
 * add one line here per subcommand.
 */
import type { CliCommand } from '@conveyor/kit';

export const commands: readonly CliCommand[] = [];
