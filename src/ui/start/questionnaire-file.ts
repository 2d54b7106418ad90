import type { Questionnaire } from '../../core/questionnaire';
import { validateQuestionnaireText } from '../../core/questionnaire';
import { problemText, type FileProblem } from '../../core/files';

export const MAX_QUESTIONNAIRE_BYTES = 5 * 1024 * 1024;

export type LoadedQuestionnaire =
  | { ok: true; questionnaire: Questionnaire }
  | { ok: false; problems: { path: string; text: string }[] };

/** Reads and validates a questionnaire file the user picked; problems come in the user's language. */
export async function readQuestionnaireFile(
  file: File,
  locale: string,
): Promise<LoadedQuestionnaire> {
  const fail = (problems: FileProblem[]) => ({
    ok: false as const,
    problems: problems.map((p) => ({ path: p.path, text: problemText(p, locale) })),
  });
  if (file.size > MAX_QUESTIONNAIRE_BYTES) {
    return fail([
      {
        path: '',
        code: 'tooLarge',
        params: { size: file.size, limit: MAX_QUESTIONNAIRE_BYTES },
        message: '',
      },
    ]);
  }
  const result = validateQuestionnaireText(await file.text());
  return result.valid ? { ok: true, questionnaire: result.questionnaire } : fail(result.problems);
}
