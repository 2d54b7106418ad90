/**
 * One questionnaire rule for the app, import, Verify and the CLI: a copy the validator refuses is
 * never used to score, and says so in the user's language.
 */
import { describe, expect, it } from 'vitest';
import { serializeAssessment } from '../../../src/core/assessment/assessment';
import {
  createBackup,
  readAssessmentFile,
  serializeBackup,
} from '../../../src/core/assessment/backup';
import { resolveQuestionnaire } from '../../../src/core/questionnaire/resolve';
import { problemText } from '../../../src/core/files/safe-json';
import { verifyAssessmentFile } from '../../../src/signing/verify';
import { reportLines } from '../../../src/signing/verify-text';
import { cli, tempFile } from '../cli/helpers';
import { miniQuestionnaire } from '../core/helpers';
import { brokenEmbedded } from './broken-embedded';

describe('the questionnaire rule', () => {
  it('refuses an embedded copy the validator refuses, and does not fall back to another copy', async () => {
    const a = await brokenEmbedded();
    const r = await resolveQuestionnaire(a, { byId: () => [{ data: miniQuestionnaire() }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.from).toBe('embedded');
    expect(problemText(r.problems[0]!, 'nl')).toMatch(/klopt niet.*niets mee berekend/);
    expect(r.problems.map((p) => p.path)).toContain('questionnaireSnapshot.redFlags[0].minLevel');
    expect(problemText(r.problems[1]!, 'en')).toBe('Unknown level "veryHihg".');
  });

  it('takes the embedded copy when it is valid, and says whether it is the recorded one', async () => {
    const a = await brokenEmbedded();
    const valid = { ...a, questionnaireSnapshot: miniQuestionnaire() };
    const r = await resolveQuestionnaire(valid);
    expect(r.ok && r.from).toBe('embedded');
    expect(r.ok && r.hashMatches).toBe(true);
  });

  it('takes a known copy by id only with the recorded content, unless the caller accepts another', async () => {
    const { questionnaireSnapshot: _s, ...a } = await brokenEmbedded();
    const other = { ...miniQuestionnaire(), version: '2.0.0' };
    expect((await resolveQuestionnaire(a, { byId: () => [{ data: other }] })).ok).toBe(false);
    const r = await resolveQuestionnaire(a, {
      byId: () => [{ data: other }],
      acceptOtherContent: true,
    });
    expect(r.ok && r.hashMatches).toBe(false);
    const exact = await resolveQuestionnaire(a, {
      byId: () => [{ data: other }, { data: miniQuestionnaire() }],
    });
    expect(exact.ok && exact.questionnaire.version).toBe('1.0.0');
  });

  it('an explicitly chosen copy comes first, and is checked in full too', async () => {
    const a = await brokenEmbedded();
    const r = await resolveQuestionnaire(a, { chosen: { data: miniQuestionnaire() } });
    expect(r.ok && r.from).toBe('chosen');
    const bad = await resolveQuestionnaire(a, { chosen: { data: a.questionnaireSnapshot } });
    expect(!bad.ok && bad.from).toBe('chosen');
  });
});

describe('an assessment file with a broken embedded questionnaire', () => {
  it('import refuses it (a single file), and skips it in a backup', async () => {
    const a = await brokenEmbedded();
    const one = readAssessmentFile(serializeAssessment(a));
    expect(one.ok).toBe(false);
    expect(!one.ok && problemText(one.problems[0]!, 'en')).toMatch(
      /embedded in this assessment .* is not valid, so it is not used/,
    );
    const backup = readAssessmentFile(
      serializeBackup(createBackup([a], { now: '2025-01-02T00:00:00.000Z' })),
    );
    expect(backup.ok && backup.value.assessments).toEqual([]);
    expect(backup.ok && backup.value.skipped[0]?.problems[1]?.path).toBe(
      'assessments[0].questionnaireSnapshot.redFlags[0].minLevel',
    );
  });

  it('the CLI exits 1 and says why, for score and report', async () => {
    const file = tempFile(serializeAssessment(await brokenEmbedded()), 'broken.fria.json');
    const score = await cli('score', file);
    expect(score.code).toBe(1);
    expect(score.out).toBe('');
    expect(score.err).toContain('Unknown level "veryHihg"');
    const report = await cli('report', file, '-o', tempFile('', 'r.pdf'));
    expect(report.code).toBe(1);
    expect(report.err).toContain('is not valid');
  });

  it('Verify reports it, in Dutch and English', async () => {
    const text = serializeAssessment(await brokenEmbedded());
    const report = await verifyAssessmentFile(text);
    const nl = reportLines(report, 'nl').map((l) => l.text);
    expect(nl.join('\n')).toMatch(/De vragenlijst in deze beoordeling .* klopt niet/);
    expect(nl.join('\n')).toContain('Onbekend niveau "veryHihg"');
    const en = reportLines(report, 'en').filter((l) => l.tone === 'error');
    expect(en.map((l) => l.text).join('\n')).toContain('is not valid, so it is not used');
  });
});
