import type { CliCommand } from '../io';
import { schemaCommand } from './schema';

/** Every CLI command by name. Each lives in its own file in this folder. */
export const commands: Record<string, CliCommand> = {
  schema: schemaCommand,
};
