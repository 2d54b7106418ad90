import { questionnaireJsonSchema } from '../../core/questionnaire';
import type { CliCommand } from '../io';

export const schemaCommand: CliCommand = {
  usage: 'schema — print the questionnaire JSON Schema',
  async run(_args, io) {
    io.out(`${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
