/**
 * Starting the assessment a questionnaire carries its answers into (the full FRIA from a quick
 * scan): a new assessment with the target built-in questionnaire, the answers the source
 * established filled in and marked as carried until the user confirms them
 * (core/assessment/carry.ts). The source assessment stays as it is. Used by the summary and the
 * library.
 */
import type { Assessment } from '../../core/assessment';
import { applyCarry, carry, createAssessment, summarize } from '../../core/assessment';
import type { Questionnaire } from '../../core/questionnaire';
import { builtinQuestionnairesWithIds, carryTarget } from '../questionnaires';
import type { Services } from '../services';

export interface CarryStarted {
  assessment: Assessment;
  /** How many answers were carried. */
  carried: number;
  target: Questionnaire;
}

export async function startCarried(
  s: Services,
  id: string,
  sourceQ: Questionnaire,
): Promise<CarryStarted | 'notFound' | 'noTarget'> {
  const source = await s.repository.get(id);
  if (!source) return 'notFound';
  const targetId = carryTarget(sourceQ);
  const [target] = targetId ? await builtinQuestionnairesWithIds([targetId]) : [];
  if (!target) return 'noTarget';
  const now = s.now();
  const fresh = await createAssessment(
    target,
    { ...source.meta, title: source.meta.systemName || source.meta.title },
    { id: s.newId(), now },
  );
  const result = carry(source, sourceQ, target);
  const assessment = applyCarry(fresh, result, now);
  await s.repository.put(assessment, summarize(assessment, target));
  return { assessment, carried: Object.keys(result.answers).length, target };
}
