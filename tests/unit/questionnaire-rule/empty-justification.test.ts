/**
 * An override whose justification is empty ("") is read like one of only spaces: the file opens,
 * and the override is reported as not counting. Before, the empty one made the whole file
 * unreadable for the CLI and the library's import.
 */
import { describe, expect, it } from 'vitest';
import { createAssessment, serializeAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { readAssessmentFile } from '../../../src/core/assessment/backup';
import { cli, tempFile } from '../cli/helpers';
import { miniQuestionnaire } from '../core/helpers';

async function withOverrides(justification: string): Promise<Assessment> {
  const a = await createAssessment(
    miniQuestionnaire(),
    { title: 'Benefits', systemName: 'Model', organisation: 'City', owner: 'Team', locale: 'en' },
    { id: 'a1', now: '2025-01-01T00:00:00.000Z' },
  );
  return {
    ...a,
    answers: { personalData: true, automated: 'checked' },
    overrides: { autonomy: { level: 'low', justification } },
  };
}

describe.each([
  ['empty', ''],
  ['only spaces', '   '],
])('an override with a justification that is %s', (_, justification) => {
  it('the CLI reads the file and says the override does not count', async () => {
    const r = await cli('score', tempFile(serializeAssessment(await withOverrides(justification))));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.domains.autonomy.override).toBeNull();
    expect(j.ignoredOverrides).toEqual([
      expect.objectContaining({ domain: 'autonomy', reason: 'justificationRequired' }),
    ]);
    expect(r.err).toContain('is not used: it has no written justification');
  });

  it('the library import reads the file', async () => {
    const a = await withOverrides(justification);
    const r = readAssessmentFile(serializeAssessment(a));
    expect(r.ok && r.value.assessments).toEqual([a]);
  });
});
