import type { CliCommand } from '../io';
import { schemaCommand } from './schema';
import { reportCommand } from './report';
import { signCommand } from './sign';
import { verifyCommand } from './verify';
import { validateCommand } from './validate';
import { scoreCommand } from './score';

/** Every CLI command by name. Each lives in its own file in this folder. */
export const commands: Record<string, CliCommand> = {
  schema: schemaCommand,
  report: reportCommand,
  sign: signCommand,
  verify: verifyCommand,
  validate: validateCommand,
  score: scoreCommand,
};
