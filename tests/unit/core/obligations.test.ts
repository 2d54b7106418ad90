/**
 * Obligations per level: a level may say what must happen and which sign-off roles become
 * required. The obligations are those of the final overall level (after overrides), not settled
 * while required questions are open, and the required roles are enforced by the sign-off rules
 * that already decide "signed" (status, missing roles, the report's draft mark).
 */
import { describe, expect, it } from 'vitest';
import { levelObligations } from '../../../src/core/scoring/obligations';
import { score } from '../../../src/core/scoring/scoring';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { problemText } from '../../../src/core/files/safe-json';
import {
  addSignOff,
  missingRoles,
  signOffRoles,
  signOffStatus,
} from '../../../src/core/signoff/signoff';
import { buildReport } from '../../../src/core/report/report';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { scoreJson } from '../../../src/cli/commands/score';
import { miniData } from './helpers';
import { readyAssessment, signer } from '../signing/assessments';

/** The mini questionnaire with an optional reviewer that levels "medium" and "very high" make required. */
function withObligations(): Record<string, unknown> {
  const data = miniData();
  const levels = data.levels as Record<string, unknown>[];
  levels[1]!.obligations = [
    {
      id: 'peerReview',
      kind: 'peerReview',
      text: {
        nl: 'Laat een collega de toets nakijken.',
        en: 'Have a colleague review the assessment.',
      },
    },
  ];
  levels[1]!.requiredRoles = ['reviewer'];
  levels[3]!.obligations = [
    {
      id: 'notice',
      kind: 'notice',
      text: { nl: 'Informeer de mensen om wie het gaat.', en: 'Inform the people affected.' },
    },
  ];
  levels[3]!.requiredRoles = ['reviewer'];
  data.signOff = {
    roles: [
      { id: 'preparer', label: { nl: 'Opsteller', en: 'Preparer' }, required: true },
      { id: 'reviewer', label: { nl: 'Beoordelaar', en: 'Reviewer' }, required: false },
      { id: 'approver', label: { nl: 'Vaststeller', en: 'Approver' }, required: true },
    ],
    declaration: { nl: 'Ik verklaar.', en: 'I declare.' },
  };
  return data;
}

function load(data: unknown): Questionnaire {
  const v = validateQuestionnaire(data);
  if (!v.valid) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return v.questionnaire;
}

const q = load(withObligations());
const opts = (id: string) => ({ id, now: '2026-12-07T10:00:00.000Z' });

/** Ready to sign at level "medium": the system decides, a person checks (2 of 4 points: 0.5). */
async function mediumAssessment(): Promise<Assessment> {
  const a = await readyAssessment();
  return { ...a, answers: { ...a.answers, automated: 'checked' } };
}

describe('obligations per level: validator', () => {
  it('refuses a required role the questionnaire does not declare, located, in nl and en', () => {
    const data = withObligations();
    (data.levels as Record<string, unknown>[])[2]!.requiredRoles = ['dpo'];
    const v = validateQuestionnaire(data);
    expect(v.valid).toBe(false);
    const p = v.problems.find((x) => x.code === 'levelRoleUnknown')!;
    expect(p.path).toBe('levels[2].requiredRoles[0]');
    expect(problemText(p, 'en')).toBe(
      'Level "high" requires the sign-off role "dpo", but signOff.roles has no role with that id.',
    );
    expect(problemText(p, 'nl')).toBe(
      'Niveau "high" vraagt de ondertekenrol "dpo", maar onder signOff.roles staat geen rol met die id.',
    );
  });

  it('refuses required roles when no roles are declared, and untranslated or doubled obligations', () => {
    const data = withObligations();
    delete data.signOff;
    const levels = data.levels as Record<string, unknown>[];
    levels[3]!.obligations = [
      { id: 'notice', text: { nl: 'Informeer de mensen om wie het gaat.' } },
      { id: 'notice', text: { nl: 'Nog eens.', en: 'Again.' } },
    ];
    const v = validateQuestionnaire(data);
    const codes = v.problems.map((p) => `${p.path} ${p.code}`);
    expect(codes).toContain('levels[1].requiredRoles[0] requiredRoleNoRoles');
    expect(codes).toContain('levels[3].obligations[0].text.en missingTranslation');
    expect(codes).toContain('levels[3].obligations[1].id duplicateId');
    const p = v.problems.find((x) => x.code === 'requiredRoleNoRoles')!;
    expect(problemText(p, 'nl')).toContain('de vragenlijst noemt geen ondertekenrollen');
  });

  it('refuses an unknown kind of obligation (schema)', () => {
    const data = withObligations();
    (
      (data.levels as Record<string, unknown>[])[1]!.obligations as Record<string, unknown>[]
    )[0]!.kind = 'prayer';
    const v = validateQuestionnaire(data);
    expect(v.problems.map((p) => p.path)).toContain('levels[1].obligations[0].kind');
  });
});

describe('obligations per level: the final level', () => {
  it('are those of the overall level, after overrides, and null without obligations', async () => {
    const a = await mediumAssessment();
    const medium = levelObligations(q, score(q, a))!;
    expect(medium).toMatchObject({ level: 'medium', requiredRoles: ['reviewer'], settled: true });
    expect(medium.obligations.map((o) => o.id)).toEqual(['peerReview']);

    const overridden = {
      ...a,
      overrides: {
        autonomy: { level: 'veryHigh', justification: 'Grote groep kwetsbare mensen.' },
      },
    };
    expect(levelObligations(q, score(q, overridden))!.obligations.map((o) => o.id)).toEqual([
      'notice',
    ]);
    // Level "low" declares nothing.
    expect(levelObligations(q, score(q, await readyAssessment()))).toBeNull();
    // No answers: no level, no obligations.
    expect(levelObligations(q, score(q, { answers: {} }))).toBeNull();
  });

  it('are not settled while a required question is open', async () => {
    const a = await mediumAssessment();
    const open = { ...a, answers: { ...a.answers, purpose: '' } };
    const r = score(q, open);
    expect(r.complete).toBe(false);
    expect(levelObligations(q, r)).toMatchObject({ level: 'medium', settled: false });
  });
});

describe('obligations per level: required sign-off roles', () => {
  it('an optional role becomes required at the level that lists it', async () => {
    expect(signOffRoles(q).find((r) => r.id === 'reviewer')!.required).toBe(false);
    const a = await mediumAssessment();
    expect(signOffRoles(q, a).find((r) => r.id === 'reviewer')).toMatchObject({
      required: true,
      byLevel: true,
    });
    expect(
      signOffRoles(q, await readyAssessment()).find((r) => r.id === 'reviewer')!.required,
    ).toBe(false);
  });

  it('blocks "signed" and keeps the PDF a draft until that role has signed', async () => {
    let a = await mediumAssessment();
    a = await addSignOff(a, q, signer('preparer', 'Anna'), opts('s1'));
    a = await addSignOff(a, q, signer('approver', 'Wethouder Bos'), opts('s2'));
    expect(missingRoles(a, q).map((r) => r.id)).toEqual(['reviewer']);
    expect(signOffStatus(a, q)).toBe('inReview');
    const OPTS = { appVersion: '1', generatedAt: '2026-12-07T11:00:00.000Z', timeZone: 'UTC' };
    const draft = await buildReport(a, q, 'nl', OPTS);
    expect(draft.status.signed).toBe(false);
    expect(draft.running.draftMark).toBe('CONCEPT');
    expect(draft.signOff.roles.find((r) => r.label === 'Beoordelaar')!.required).toBe(true);

    a = await addSignOff(a, q, signer('reviewer', 'Carla'), opts('s3'));
    expect(signOffStatus(a, q)).toBe('signed');
    const final = await buildReport(a, q, 'nl', OPTS);
    expect(final.status.signed).toBe(true);
    expect(final.running.draftMark).toBeNull();
  });

  it('at a level without required roles, the optional role stays optional', async () => {
    let a = await readyAssessment();
    a = await addSignOff(a, q, signer('preparer', 'Anna'), opts('s1'));
    a = await addSignOff(a, q, signer('approver', 'Wethouder Bos'), opts('s2'));
    expect(signOffStatus(a, q)).toBe('signed');
  });
});

describe('obligations per level: report and command line', () => {
  const OPTS = { appVersion: '1', generatedAt: '2026-12-07T11:00:00.000Z', timeZone: 'UTC' };

  it('the report says what the final level requires, in nl and en', async () => {
    const a = await mediumAssessment();
    const nl = (await buildReport(a, q, 'nl', OPTS)).summary.obligations!;
    expect(nl).toEqual({
      title: 'Wat er moet gebeuren bij niveau Middel',
      provisional: null,
      items: [{ kind: 'Collegiale toetsing', text: 'Laat een collega de toets nakijken.' }],
      roles: 'Bij dit niveau moeten deze rollen ondertekenen: Beoordelaar.',
    });
    const en = (await buildReport(a, q, 'en', OPTS)).summary.obligations!;
    expect(en.items).toEqual([
      { kind: 'Peer review', text: 'Have a colleague review the assessment.' },
    ]);
  });

  it('the report never prints them as settled while a required question is open', async () => {
    const a = await mediumAssessment();
    const open = { ...a, answers: { ...a.answers, purpose: '' } };
    const m = (await buildReport(open, q, 'en', OPTS)).summary.obligations!;
    expect(m.provisional).toMatch(/^Not final yet: the level can still change/);
    expect(m.roles).toBe('At this level these roles would have to sign: Reviewer.');
  });

  it('fria score prints them with the roles still missing', async () => {
    const a = await mediumAssessment();
    const out = scoreJson(a, q, score(q, a), { from: 'builtin', hash: 'x' }, 'nl') as Record<
      string,
      unknown
    >;
    expect(out.obligations).toEqual({
      level: 'medium',
      settled: true,
      items: [
        {
          id: 'peerReview',
          kind: 'peerReview',
          kindText: 'Collegiale toetsing',
          text: 'Laat een collega de toets nakijken.',
        },
      ],
      requiredRoles: ['reviewer'],
    });
    expect(out.missingRoles).toEqual(['preparer', 'reviewer', 'approver']);
    const open = { ...a, answers: { ...a.answers, purpose: '' } };
    const o = scoreJson(open, q, score(q, open), { from: 'builtin', hash: 'x' }, 'en') as {
      obligations: { settled: boolean; note: string };
    };
    expect(o.obligations.settled).toBe(false);
    expect(o.obligations.note).toMatch(/^Not final yet/);
  });
});

describe('legal references: a Dutch text that cites in English', () => {
  it('is a warning with its place, in nl and en; the file is still valid', () => {
    const data = miniData();
    const sections = data.sections as { questions: Record<string, unknown>[] }[];
    sections[0]!.questions[0]!.help = {
      nl: 'Zie GDPR Art. 6(1)(e) en het ECHR.',
      en: 'See GDPR Art. 6(1)(e) and the ECHR.',
    };
    const v = validateQuestionnaire(data);
    expect(v.valid).toBe(true);
    const w = v.warnings!.filter((x) => x.code === 'englishCitation');
    expect(w.map((x) => x.path)).toEqual(['sections[0].questions[0].help.nl']);
    expect(problemText(w[0]!, 'nl')).toBe(
      'Deze Nederlandse tekst verwijst in het Engels ("GDPR"). Gebruik de Nederlandse vorm, zoals AVG art. 6 lid 1 onder e, EVRM, Handvest of AI-verordening.',
    );
    expect(problemText(w[0]!, 'en')).toMatch(/^This Dutch text cites in English \("GDPR"\)/);
  });

  it('says nothing about Dutch citations or English texts', () => {
    const data = miniData();
    const sections = data.sections as { questions: Record<string, unknown>[] }[];
    sections[0]!.questions[0]!.help = {
      nl: 'Zie AVG art. 6 lid 1 onder e en het EVRM.',
      en: 'See GDPR Art. 6(1)(e) and the ECHR.',
    };
    const v = validateQuestionnaire(data);
    expect(v.warnings!.filter((x) => x.code === 'englishCitation')).toEqual([]);
  });
});
