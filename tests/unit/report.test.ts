import { describe, expect, it } from 'vitest';
import { attachmentFileName, buildReport, type ReportModel } from '../../src/core/report/report';
import { assessmentHash, questionnaireHash } from '../../src/core/assessment/assessment';
import { addSignOff } from '../../src/core/signoff/signoff';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';
import { miniQuestionnaire, sampleAssessment } from './pdf/helpers';

const OPTS = { appVersion: '9.8.7', generatedAt: '2025-03-14T09:00:00.000Z', timeZone: 'UTC' };
const q = miniQuestionnaire();

const questionIds = (m: ReportModel) => m.sections.flatMap((s) => s.questions.map((x) => x.id));
const domain = (m: ReportModel, id: string) => m.summary.domains.find((d) => d.id === id)!;
const question = (m: ReportModel, id: string) =>
  m.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;

async function signedBy(a: Assessment, roles: string[]): Promise<Assessment> {
  let out: Assessment = {
    ...a,
    redFlagResponses: { ...a.redFlagResponses, soloDecision: 'Een medewerker kijkt mee.' },
  };
  for (const [i, role] of roles.entries()) {
    out = await addSignOff(
      out,
      q,
      {
        role,
        name: `Persoon ${i + 1}`,
        function: 'Beleidsadviseur',
        organisation: 'Gemeente Voorbeeld',
        date: '2025-03-13',
        place: 'Utrecht',
        signature: { kind: 'typed', data: `Persoon ${i + 1}` },
      },
      { id: `s${i + 1}`, now: `2025-03-13T1${i}:00:00.000Z` },
    );
  }
  return out;
}

describe('buildReport: what is shown', () => {
  it('shows every visible question in questionnaire order with section numbers, and no hidden one', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'nl', OPTS);
    // groundText is hidden: legalGround is "no", not "yes".
    expect(questionIds(m)).toEqual([
      'purpose',
      'personalData',
      'dataKinds',
      'legalGround',
      'automated',
      'usersPerYear',
      'startDate',
    ]);
    expect(m.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Context',
      '2 Privacy',
      '3 Besluiten',
    ]);
    expect(m.sections.flatMap((s) => s.questions.map((x) => x.number))).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
      '3.3',
    ]);
    // The hidden answer and note appear nowhere in the model.
    const all = JSON.stringify(m);
    expect(all).not.toContain('VERBORGEN-ANTWOORD-42');
    expect(all).not.toContain('VERBORGEN-NOTITIE-42');
    expect(all).not.toContain('Welke grondslag?');
  });

  it('leaves out a whole section whose condition does not hold', async () => {
    const a = await sampleAssessment();
    a.answers = { ...a.answers, personalData: false };
    const m = await buildReport(a, q, 'en', OPTS);
    expect(m.sections.map((s) => s.id)).toEqual(['context', 'decisions']);
    expect(questionIds(m)).not.toContain('dataKinds');
    expect(questionIds(m)).not.toContain('legalGround');
    // The numbering keeps the questionnaire's section numbers.
    expect(m.sections.map((s) => s.number)).toEqual(['1', '3']);
    expect(JSON.stringify(m)).not.toContain('Contact details, Health');
  });

  it('writes answers as a reader expects them in each language', async () => {
    const a = await sampleAssessment();
    const nl = await buildReport(a, q, 'nl', OPTS);
    const en = await buildReport(a, q, 'en', OPTS);
    expect(question(nl, 'personalData').answer).toEqual(['Ja']);
    expect(question(en, 'personalData').answer).toEqual(['Yes']);
    // Multi-choice: one line per option, in the questionnaire's order (contact before health).
    expect(question(en, 'dataKinds').answer).toEqual(['Contact details', 'Health']);
    expect(question(nl, 'usersPerYear').answer).toEqual(['12.345,5']);
    expect(question(en, 'usersPerYear').answer).toEqual(['12,345.5']);
    expect(question(nl, 'startDate').answer).toEqual(['1 juni 2025']);
    expect(question(en, 'startDate').answer).toEqual(['1 June 2025']);
    expect(question(nl, 'purpose').note).toBe(
      'Toelichting bij het doel: afgestemd met de afdeling Inkomen.',
    );
    expect(question(nl, 'personalData').note).toBeNull();
    expect(question(nl, 'purpose').sources).toEqual(['AI Act Art. 27(1)(a)']);
  });

  it('marks open questions, and open required ones as required', async () => {
    const a = await sampleAssessment();
    a.answers = { personalData: true };
    const m = await buildReport(a, q, 'en', OPTS);
    expect(question(m, 'purpose')).toMatchObject({
      answered: false,
      answer: ['Not answered (required)'],
    });
    expect(question(m, 'dataKinds')).toMatchObject({ answered: false, answer: ['Not answered'] });
    expect(m.summary.openRequired.map((x) => x.number)).toEqual(['1.1', '2.2']);
    expect(m.cover.provisional).toContain('2 required questions are still open');
  });
});

describe('buildReport: levels come from score()', () => {
  it('shows computed and final level per domain, with the override beside the computed level', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'en', OPTS);
    // privacy: personalData yes 2/2, dataKinds health+contact 4/7, legalGround no 4/4 → 10/13 = 76.9% → very high.
    expect(domain(m, 'privacy')).toMatchObject({
      scoreText: '10 of 13 (76.9%)',
      computed: { id: 'veryHigh', label: 'Very high', index: 3, count: 4 },
      final: { id: 'veryHigh' },
      override: null,
    });
    // autonomy: automated "alone" 4/4 → 100% → very high.
    expect(domain(m, 'autonomy')).toMatchObject({
      scoreText: '4 of 4 (100%)',
      final: { id: 'veryHigh' },
    });
    // inclusion: ethnicity not chosen 0/2 → low, overridden to medium with a reason.
    const inclusion = domain(m, 'inclusion');
    expect(inclusion.computed?.id).toBe('low');
    expect(inclusion.final?.id).toBe('medium');
    expect(inclusion.override?.text).toBe('From Low to Medium. Reason: De doelgroep is kwetsbaar.');
    expect(m.summary.overall?.id).toBe('veryHigh');
    expect(m.cover.overallText).toBe('Very high');
    expect(m.summary.overallText).toBe('Overall level: Very high');
  });

  it('writes the score in the report language', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'nl', OPTS);
    expect(domain(m, 'privacy').scoreText).toBe('10 van 13 (76,9%)');
    expect(domain(m, 'inclusion').override?.text).toBe(
      'Van Laag naar Middel. Reden: De doelgroep is kwetsbaar.',
    );
  });

  it('explains each level with the scoring trace', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'en', OPTS);
    const why = domain(m, 'privacy').why;
    expect(why).toContain('“Does the system process personal data?”: Yes → 2 of 2 points');
    expect(why).toContain('Total 10 of 13 points = 76.9%');
    expect(
      why.some((l) => l.startsWith('Red flag “Special-category data without a legal basis”')),
    ).toBe(true);
    expect(domain(m, 'inclusion').why.at(-1)).toBe(
      'Overridden from Low to Medium. Reason: De doelgroep is kwetsbaar.',
    );
  });

  it('lists fired red flags with the answers that triggered them and the response', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'en', OPTS);
    expect(m.summary.redFlags.map((f) => f.id)).toEqual(['specialNoGround', 'soloDecision']);
    const [special, solo] = m.summary.redFlags;
    expect(special!.triggers).toEqual([
      { number: '2.1', question: 'Which data?', answer: 'Contact details, Health' },
      { number: '2.2', question: 'Is there a legal basis?', answer: 'No' },
    ]);
    expect(special!.scope).toBe('Domain: Privacy. Raises to at least: Very high.');
    expect(special!.response).toBe('We leggen eerst een grondslag vast.');
    expect(solo!.response).toBeNull();
  });
});

describe('buildReport: register, heat map, action plan, conclusion', () => {
  it('counts risks in the heat map by likelihood and severity, before and after measures', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'en', OPTS);
    const { inherent, residual, bands, total } = m.summary.heatMap;
    expect(total).toBe(2);
    // r1: 4×5 before, 2×4 after; r2: 3×4 before, 1×4 after ([likelihood-1][severity-1]).
    expect(inherent[3]![4]).toBe(1);
    expect(inherent[2]![3]).toBe(1);
    expect(residual[1]![3]).toBe(1);
    expect(residual[0]![3]).toBe(1);
    expect(inherent.flat().reduce((x, y) => x + y, 0)).toBe(2);
    // Bands of the mini questionnaire: 1–4 low, 5–9 medium, 10–16 high, 17–25 very high.
    expect(bands[0]![0]?.id).toBe('low');
    expect(bands[1]![3]?.id).toBe('medium');
    expect(bands[3]![3]?.id).toBe('high');
    expect(bands[4]![4]?.id).toBe('veryHigh');
    expect(m.register.risks.map((r) => [r.number, r.inherent.text, r.residual.text])).toEqual([
      ['R1', 'L 4 × S 5 = 20, Very high', 'L 2 × S 4 = 8, Medium'],
      ['R2', 'L 3 × S 4 = 12, High', 'L 1 × S 4 = 4, Low'],
    ]);
  });

  it('orders the action plan by due date, undated measures last', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'nl', OPTS);
    expect(m.actionPlan.measures.map((x) => [x.riskNumber, x.due, x.owner, x.statusLabel])).toEqual(
      [
        ['R2', '15 januari 2025', 'Teamleider', 'Klaar'],
        ['R1', '1 mei 2025', 'Team Juridisch', 'Gepland'],
        ['R1', 'Geen datum', 'Geen eigenaar', 'Bezig'],
      ],
    );
  });

  it('shows the recorded conclusion, or says it is missing', async () => {
    const a = await sampleAssessment();
    const m = await buildReport(a, q, 'en', OPTS);
    expect(m.conclusion).toEqual({
      recorded: true,
      decision: 'Proceed with conditions',
      reasoning: 'Doorgaan kan alleen als de grondslag vaststaat.',
      conditions: ['Grondslag vastgelegd', 'Menselijke controle op elke afwijzing'],
    });
    const { conclusion: _c, ...without } = a;
    const m2 = await buildReport(without as Assessment, q, 'nl', OPTS);
    expect(m2.conclusion).toMatchObject({
      recorded: false,
      decision: 'Er is nog geen conclusie vastgelegd.',
    });
  });
});

describe('buildReport: framework coverage', () => {
  function tagged(tags: Record<string, string[]>): Questionnaire {
    const copy = structuredClone(q);
    for (const s of copy.sections) for (const x of s.questions) if (tags[x.id]) x.tags = tags[x.id];
    return copy;
  }

  it('lists every AI Act, GDPR and IAMA element with where it is answered', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'en', OPTS);
    expect(m.coverage.rows.map((r) => r.tag)).toEqual([
      'ai-act-27-a',
      'ai-act-27-b',
      'ai-act-27-c',
      'ai-act-27-d',
      'ai-act-27-e',
      'ai-act-27-f',
      'gdpr-35-7-a',
      'gdpr-35-7-b',
      'gdpr-35-7-c',
      'gdpr-35-7-d',
      'iama-1',
      'iama-2',
      'iama-3',
      'iama-4',
    ]);
    const row = (tag: string) => m.coverage.rows.find((r) => r.tag === tag)!;
    // The mini questionnaire tags only "purpose" (1.1) with ai-act-27-a and iama-1.
    expect(row('ai-act-27-a')).toMatchObject({
      where: ['1.1'],
      status: 'answered',
      statusLabel: 'Answered',
    });
    expect(row('iama-1')).toMatchObject({ where: ['1.1'], status: 'answered' });
    expect(row('ai-act-27-b')).toMatchObject({ where: [], status: 'notCovered' });
    // Risks and measures count towards the elements about risks and measures.
    expect(row('ai-act-27-d').where).toEqual(['risk register (2)']);
    expect(row('gdpr-35-7-d').where).toEqual(['measures (3)']);
  });

  it('tells answered, partly answered, open and not applicable apart', async () => {
    const tq = tagged({
      dataKinds: ['ai-act-27-c'],
      usersPerYear: ['ai-act-27-c'],
      groundText: ['gdpr-35-7-b'],
      startDate: ['ai-act-27-b'],
    });
    const a = await sampleAssessment(tq);
    a.answers = { ...a.answers, usersPerYear: undefined as never, startDate: '' };
    delete a.answers.usersPerYear;
    const m = await buildReport(a, tq, 'nl', OPTS);
    const row = (tag: string) => m.coverage.rows.find((r) => r.tag === tag)!;
    expect(row('ai-act-27-c')).toMatchObject({
      where: ['2.1', '3.2'],
      status: 'partly',
      statusLabel: 'Deels beantwoord',
    });
    expect(row('ai-act-27-b')).toMatchObject({ where: ['3.3'], status: 'open' });
    // groundText is hidden: the element does not apply to this system.
    expect(row('gdpr-35-7-b')).toMatchObject({ where: [], status: 'notApplicable' });
  });
});

describe('buildReport: sign-off and status', () => {
  it('is a draft, "not signed", until sign-offs exist', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'en', OPTS);
    expect(m.status).toEqual({ code: 'draft', label: 'Draft, not signed', signed: false });
    expect(m.running.draftMark).toBe('DRAFT');
    expect(m.signOff.signed).toBe(false);
    expect(m.signOff.statusText).toBe('This assessment has not been signed.');
    // Without roles in the questionnaire: preparer and approver, both required, nobody signed.
    expect(m.signOff.roles).toEqual([
      { label: 'preparer', required: true, entries: [] },
      { label: 'approver', required: true, entries: [] },
    ]);
    const nl = await buildReport(await sampleAssessment(), q, 'nl', OPTS);
    expect(nl.running.draftMark).toBe('CONCEPT');
    expect(nl.labels.signOffNotSigned).toBe('Niet ondertekend');
  });

  it('stays a draft in review after the preparer alone has signed', async () => {
    const a = await signedBy(await sampleAssessment(), ['preparer']);
    const m = await buildReport(a, q, 'en', OPTS);
    expect(m.status.code).toBe('inReview');
    expect(m.running.draftMark).toBe('DRAFT');
    expect(m.signOff.roles[0]!.entries.map((e) => e.name)).toEqual(['Persoon 1']);
    expect(m.signOff.roles[1]!.entries).toEqual([]);
  });

  it('is signed, without a draft mark, when every required role signed this content', async () => {
    const a = await signedBy(await sampleAssessment(), ['preparer', 'approver']);
    const m = await buildReport(a, q, 'en', OPTS);
    expect(m.status).toEqual({ code: 'signed', label: 'Signed', signed: true });
    expect(m.running.draftMark).toBeNull();
    expect(m.cover.note).toBeNull();
    const approver = m.signOff.roles[1]!.entries[0]!;
    expect(approver).toMatchObject({
      role: 'approver',
      name: 'Persoon 2',
      date: '13 March 2025',
      place: 'Utrecht',
      seal: 'valid',
      sealText: 'matches this version',
      signature: { kind: 'typed', text: 'Typed name: Persoon 2' },
    });
    expect(approver.contentHash).toBe(await assessmentHash(a));
  });

  it('shows the draft mark again when the content changed after signing', async () => {
    const a = await signedBy(await sampleAssessment(), ['preparer', 'approver']);
    const changed = { ...a, answers: { ...a.answers, purpose: 'Iets anders.' } };
    const m = await buildReport(changed, q, 'en', OPTS);
    expect(m.status.signed).toBe(false);
    expect(m.running.draftMark).toBe('DRAFT');
    expect(m.signOff.statusText).toBe(
      'The content or the sign-off records no longer match the hashes recorded when they were signed: something was changed afterwards.',
    );
    expect(m.signOff.roles[0]!.entries[0]!.seal).toBe('changed');
  });
});

describe('buildReport: overrides that cannot be applied', () => {
  it('says so beside the domain and lists those of unknown domains, in nl and en', async () => {
    const a = await sampleAssessment();
    a.overrides = {
      privacy: { level: 'extreme', justification: 'Edited by hand' },
      fairness: { level: 'low', justification: 'Older version' },
    };
    const en = await buildReport(a, q, 'en', OPTS);
    const privacy = domain(en, 'privacy');
    expect(privacy.final).toEqual(privacy.computed);
    expect(privacy.override).toBeNull();
    expect(privacy.ignoredOverride).toBe(
      `The change of Privacy to level "extreme" is not used: this questionnaire has no such level. The computed level counts: ${privacy.computed!.label}.`,
    );
    expect(domain(en, 'autonomy').ignoredOverride).toBeNull();
    expect(en.summary.strayOverrides).toEqual([
      'A change to level "low" for "fairness" is not used: this questionnaire has no domain "fairness".',
    ]);
    const nl = await buildReport(a, q, 'nl', OPTS);
    expect(domain(nl, 'privacy').ignoredOverride).toMatch(
      /^De aanpassing van Privacy naar niveau "extreme" telt niet: deze vragenlijst heeft dat niveau niet\. Het berekende niveau telt: /,
    );
  });
});

describe('buildReport: integrity and document data', () => {
  it('carries the assessment hash, the questionnaire id, version and hash, and the app version', async () => {
    const a = await sampleAssessment();
    const m = await buildReport(a, q, 'en', OPTS);
    const hash = await assessmentHash(a);
    expect(m.integrity).toMatchObject({
      assessmentHash: hash,
      questionnaireId: 'mini',
      questionnaireVersion: '1.0.0',
      questionnaireHash: await questionnaireHash(q),
      questionnaireHashDiffers: null,
      appVersion: '9.8.7',
    });
    expect(m.running.shortHash).toBe(hash.slice(0, 12));
    expect(m.document).toMatchObject({
      // Titled after the questionnaire ("Mini questionnaire"), not a fixed "FRIA" title.
      title: 'Mini questionnaire — Risicoscan Toeslagen',
      subject: 'Mini questionnaire for Risicoscan Toeslagen',
      author: 'Jan Jansen, Gemeente Voorbeeld',
      creator: 'FRIA Wizard 9.8.7',
      language: 'en-GB',
      attachmentName: 'Risicoscan Toeslagen.fria.json',
    });
  });

  it('says so when the questionnaire differs from the one the assessment was made with', async () => {
    const a = await sampleAssessment();
    const other = { ...structuredClone(q), version: '1.0.1' };
    const m = await buildReport(a, other, 'en', OPTS);
    expect(m.integrity.questionnaireHashDiffers).toContain(await questionnaireHash(other));
    expect(m.integrity.questionnaireHashDiffers).toContain(a.questionnaire.hash);
  });

  it('falls back to English for other languages, and names every part in order', async () => {
    const m = await buildReport(await sampleAssessment(), q, 'de', OPTS);
    expect(m.locale).toBe('en');
    expect(m.parts.map((p) => p.title)).toEqual([
      'Cover',
      'Summary',
      'Context',
      'Answers by section',
      'Risk register',
      'Action plan',
      'Conclusion',
      'Framework coverage',
      'Sign-off',
      'Integrity',
    ]);
  });

  it('makes a safe attachment file name from the system name', () => {
    expect(attachmentFileName('Risicoscan Toeslagen')).toBe('Risicoscan Toeslagen.fria.json');
    expect(attachmentFileName('a/b\\c:d*e?"f"<g>|h')).toBe('a b c d e f g h.fria.json');
    expect(attachmentFileName('Σύστημα ελέγχου')).toBe('Σύστημα ελέγχου.fria.json');
    expect(attachmentFileName('  \u0000 ')).toBe('assessment.fria.json');
    // Bidi overrides and other invisible format characters are dropped, not turned into names.
    expect(attachmentFileName('Signaal\u202Elatigid\u202C check')).toBe(
      'Signaallatigid check.fria.json',
    );
    expect(attachmentFileName('a\u200Bb\u2066c\u2069')).toBe('abc.fria.json');
  });
});
