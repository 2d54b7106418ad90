/**
 * Carry-over: the quick scan's answers that fill the full FRIA, the checks of such a mapping, and
 * what a carried answer is until the user confirms it (marked, listed, blocking the sign-off).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { carryOverProblems } from '../../../src/core/questionnaire/carry-over';
import { problemText } from '../../../src/core/files/safe-json';
import {
  applyCarry,
  carriedState,
  carry,
  confirmCarried,
  unconfirmedCarried,
} from '../../../src/core/assessment/carry';
import { createAssessment, parseAssessment } from '../../../src/core/assessment/assessment';
import { signingBlockers, blockerText } from '../../../src/core/signoff/signoff';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { fixtureDir, loadQuestionnaire, readJson } from '../questionnaires/builtin';
import { buildReport } from '../../../src/core/report/report';
import { renderReportPdf } from '../../../src/pdf/render';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { multi, opt, plain, questionnaire, section, single, yesNo } from './helpers';

const quickScan = loadQuestionnaire('quick-scan');
const friaCore = loadQuestionnaire('fria-core');

function youthScan(): Assessment {
  const r = parseAssessment(
    readJson(join(fixtureDir('quick-scan'), 'youth-risk-signals.fria.json')),
  );
  if (!r.ok) throw new Error('fixture does not parse');
  return r.value;
}

const label = (id: string) =>
  friaCore.sections.flatMap((s) => s.questions).find((x) => x.id === id)!.label.nl;
const META = { title: 'FRIA', systemName: '', organisation: '', owner: '', locale: 'en' };

describe('the built-in carry-over (quick scan → fria-core)', () => {
  it('every mapped question and answer exists in fria-core (fails when a mapped id disappears)', () => {
    expect(quickScan.carryOver?.map((b) => b.target)).toEqual(['fria-core']);
    expect(carryOverProblems(quickScan, friaCore)).toEqual([]);
  });

  it('names a mapped question that fria-core no longer has, and an option it lost', () => {
    const raw = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../../questionnaires/fria-core/questionnaire.json'),
        'utf8',
      ),
    ) as Questionnaire;
    for (const s of raw.sections) {
      s.questions = s.questions.filter((x) => x.id !== 'explainability');
      for (const x of s.questions)
        if (x.id === 'harmSeverity' && 'options' in x)
          x.options = x.options.filter((o) => o.id !== 'severe');
    }
    const problems = carryOverProblems(quickScan, raw);
    expect(problems.map((p) => p.message)).toEqual([
      'Carry-over: questionnaire "fria-core" has no question "explainability".',
      'Carry-over: the answer "severe" of question "harmSeverity" has no answer of the same id in question "harmSeverity" of "fria-core". Map it under "options", or map it to null to leave it out.',
    ]);
    expect(problemText(problems[0]!, 'nl')).toBe(
      'Overnemen: vragenlijst "fria-core" heeft geen vraag "explainability".',
    );
  });

  it('carries what the youth-care quick scan established, and leaves out what it did not', () => {
    const scan = youthScan();
    const r = carry(scan, quickScan, friaCore);
    expect(r.answers).toEqual({
      purpose: scan.answers.systemDescription,
      systemKind: 'ml',
      personalData: 'aboutPeople',
      decisionRole: 'recommends',
      legalEffect: 'significant', // yes: "large effects on money, a permit, care …"
      vulnerableGroups: ['children', 'lowIncome', 'migrationBackground'],
      directUse: 'indirect',
      groupDifferences: 'possible',
      accessibility: 'partly',
      harmSeverity: 'severe',
      securityBaseline: 'partly',
    });
    // "None of these" in the quick scan lists four technologies, fria-core's lists seven: not
    // carried. "Yes, such traits" can be proxies or direct; "no opt-out", "cannot explain", "no
    // complaint route" can each be two of fria-core's answers; "little, or only delay" too.
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { from: 'emergingTech', to: 'emergingTech', reason: 'leftOut' },
        { from: 'sensitiveIndicators', to: 'sensitiveIndicators', reason: 'leftOut' },
        { from: 'optOut', to: 'optOut', reason: 'leftOut' },
        { from: 'explainable', to: 'explainability', reason: 'leftOut' },
        { from: 'failureImpact', to: 'failureImpact', reason: 'leftOut' },
      ]),
    );
    expect(r.carried.legalEffect).toEqual({ from: 'legalEffect', value: 'significant' });
    expect(r.carriedFrom).toEqual({
      assessmentId: scan.id,
      questionnaireId: 'quick-scan',
      questionnaireVersion: quickScan.version,
      questionnaireTitle: quickScan.title,
      title: 'Quick scan early signals for youth support',
      at: scan.updatedAt,
    });
    // Pure: the source is untouched.
    expect(scan).toEqual(youthScan());
  });
});

describe('carry(): only what the source established', () => {
  const source = questionnaire(
    [
      section('s', [
        yesNo('people', { a: 1 }),
        multi(
          'kinds',
          [opt('x', { a: 1 }), opt('y', { a: 1 }), { ...opt('none'), exclusive: true }],
          {
            condition: { op: 'equals', question: 'people', value: true },
          },
        ),
        single('role', [opt('low'), opt('high', { a: 2 })], { notApplicable: true }),
        plain('count', 'number'),
        plain('story', 'longText'),
      ]),
    ],
    {
      domainIds: ['a'],
      carryOver: [
        {
          target: 'full',
          questions: [
            { from: 'people', to: 'hasPeople' },
            { from: 'kinds', to: 'kinds', options: { y: 'z', none: null } },
            { from: 'role', to: 'role' },
            { from: 'count', to: 'count' },
            { from: 'story', to: 'note' },
          ],
        },
      ],
    },
  );
  const target = questionnaire(
    [
      section('s', [
        yesNo('hasPeople', { a: 1 }),
        multi('kinds', [opt('x', { a: 1 }), opt('z', { a: 1 })]),
        single('role', [opt('low'), opt('high', { a: 2 })]),
        plain('count', 'number', { max: 100 }),
        plain('note', 'shortText', { maxLength: 10 }),
      ]),
    ],
    { id: 'full', domainIds: ['a'] },
  );
  const assessment = (answers: Assessment['answers'], notApplicable?: Record<string, string>) =>
    ({
      id: 'scan-1',
      updatedAt: '2026-01-05T10:00:00.000Z',
      meta: { title: 'Scan' },
      answers,
      ...(notApplicable ? { notApplicable } : {}),
    }) as unknown as Assessment;

  it('the mapping checks out against its target', () => {
    expect(carryOverProblems(source, target)).toEqual([]);
  });

  it('maps option ids, drops null ones, and keeps the rest as it is', () => {
    const r = carry(
      assessment({ people: true, kinds: ['x', 'y'], role: 'high', count: 7, story: 'short' }),
      source,
      target,
    );
    expect(r.answers).toEqual({
      hasPeople: true,
      kinds: ['x', 'z'],
      role: 'high',
      count: 7,
      note: 'short',
    });
    expect(r.skipped).toEqual([]);
  });

  it('a hidden answer, "not applicable", a null mapping and a value the target refuses stay behind', () => {
    const r = carry(
      assessment(
        { people: false, kinds: ['x'], role: 'high', count: 700, story: 'far too long for ten' },
        { role: 'no roles here' },
      ),
      source,
      target,
    );
    expect(r.answers).toEqual({ hasPeople: false });
    expect(r.skipped).toEqual([
      { from: 'kinds', to: 'kinds', reason: 'hidden' },
      { from: 'role', to: 'role', reason: 'notApplicable' },
      { from: 'count', to: 'count', reason: 'doesNotFit' },
      { from: 'story', to: 'note', reason: 'doesNotFit' },
    ]);
    const none = carry(assessment({ people: true, kinds: ['none'] }), source, target);
    expect(none.answers).toEqual({ hasPeople: true });
    expect(none.skipped[0]).toEqual({ from: 'kinds', to: 'kinds', reason: 'leftOut' });
  });

  it('no block for the target: nothing is carried', () => {
    const other = { ...target, id: 'other' };
    expect(carry(assessment({ people: true }), source, other).answers).toEqual({});
  });
});

describe('the validator checks a carry-over mapping (nl/en)', () => {
  const base = (carryOver: unknown, id = 'scan') => ({
    ...questionnaire(
      [section('s', [yesNo('p', { a: 1 }), single('c', [opt('u', { a: 1 }), opt('v')])])],
      {
        domainIds: ['a'],
      },
    ),
    id,
    carryOver,
  });
  const messages = (data: unknown, locale = 'en') => {
    const r = validateQuestionnaire(data);
    return r.valid ? [] : r.problems.map((p) => `${p.path}: ${problemText(p, locale)}`);
  };

  it('names an unknown question, an unknown answer, a question filled twice, and itself as target', () => {
    const bad = base([
      {
        target: 'full',
        questions: [
          { from: 'q9', to: 'x' },
          { from: 'c', to: 'x', options: { w: 'y' } },
        ],
      },
      { target: 'scan', questions: [{ from: 'p', to: 'p' }] },
    ]);
    expect(messages(bad)).toEqual([
      'carryOver[0].questions[0].from: The condition refers to question "q9", which does not exist.',
      'carryOver[0].questions[1].to: Carry-over: question "x" of "full" is filled twice. Each question there is filled from one question here.',
      'carryOver[0].questions[1].options.w: Question "c" has no option "w".',
      'carryOver[1].target: Carry-over into "scan": a questionnaire carries answers into another questionnaire, not into itself.',
    ]);
    expect(messages(bad, 'nl')[1]).toBe(
      'carryOver[0].questions[1].to: Overnemen: vraag "x" van "full" wordt twee keer gevuld. Elke vraag daar krijgt het antwoord van één vraag hier.',
    );
  });

  it('against the target: kinds that cannot fill each other, answers the target lacks', () => {
    const scan = validateQuestionnaire(
      base([
        {
          target: 'full',
          questions: [
            { from: 'p', to: 'text' },
            { from: 'c', to: 'choice', options: { v: 'nope' } },
            { from: 'p', to: 'choice2' },
          ],
        },
      ]),
    );
    if (!scan.valid) throw new Error(JSON.stringify(scan.problems));
    const full = questionnaire(
      [
        section('s', [
          plain('text', 'shortText'),
          single('choice', [opt('u', { a: 1 }), opt('w')]),
          single('choice2', [opt('yes', { a: 1 }), opt('no')]),
        ]),
      ],
      { id: 'full', domainIds: ['a'] },
    );
    const ps = carryOverProblems(scan.questionnaire, full);
    expect(ps.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'carryOver[0].questions[0]: Carry-over: question "p" (type yesNo) cannot fill question "text" (type shortText). Text fills text, a choice or yes/no fills a choice or yes/no, multiple choice fills multiple choice, a number a number, a date a date.',
      'carryOver[0].questions[1].options.v: Carry-over: question "choice" of "full" has no answer "nope".',
      'carryOver[0].questions[2].options: Carry-over: the answer "true" of question "p" has no answer of the same id in question "choice2" of "full". Map it under "options", or map it to null to leave it out.',
      'carryOver[0].questions[2].options: Carry-over: the answer "false" of question "p" has no answer of the same id in question "choice2" of "full". Map it under "options", or map it to null to leave it out.',
    ]);
    expect(problemText(ps[1]!, 'nl')).toBe(
      'Overnemen: vraag "choice" van "full" heeft geen antwoord "nope".',
    );
  });
});

describe('a carried answer until it is confirmed', () => {
  async function started(): Promise<Assessment> {
    const fresh = await createAssessment(friaCore, META, {
      id: 'full-1',
      now: '2026-02-01T09:00:00.000Z',
      embedQuestionnaire: false,
    });
    return applyCarry(fresh, carry(youthScan(), quickScan, friaCore), '2026-02-01T09:00:00.000Z');
  }

  it('is marked, listed and blocks the sign-off like an open question', async () => {
    const a = await started();
    expect(carriedState(a, 'systemKind')).toBe('unconfirmed');
    expect(a.history.at(-1)?.action).toBe('carriedOver');
    const open = unconfirmedCarried(a, friaCore);
    expect(open).toContain('legalEffect');
    expect(open).toHaveLength(11);
    const blockers = signingBlockers(a, friaCore).filter((b) => b.code === 'unconfirmedCarried');
    expect(blockers.map((b) => b.questionId)).toEqual(open);
    const legal = blockers.find((b) => b.questionId === 'legalEffect')!;
    expect(blockerText(legal, 'nl')).toBe(
      `Antwoord overgenomen uit een andere beoordeling en nog niet bevestigd: "${label('legalEffect')}". Controleer en bevestig het, of pas het aan.`,
    );
    // The file with carried answers reads back (the schema knows the fields).
    expect(parseAssessment(JSON.parse(JSON.stringify(a))).ok).toBe(true);
  });

  it('confirming removes it from the list and the blockers, and keeps the trace', async () => {
    const a = confirmCarried(
      await started(),
      ['legalEffect', 'systemKind'],
      '2026-02-02T10:00:00.000Z',
    );
    expect(carriedState(a, 'legalEffect')).toBe('confirmed');
    expect(a.carried!.legalEffect).toEqual({
      from: 'legalEffect',
      value: 'significant',
      confirmedAt: '2026-02-02T10:00:00.000Z',
    });
    expect(unconfirmedCarried(a, friaCore)).not.toContain('legalEffect');
    expect(unconfirmedCarried(a, friaCore)).toHaveLength(9);
    expect(a.history.at(-1)).toEqual({
      at: '2026-02-02T10:00:00.000Z',
      action: 'carriedConfirmed',
      detail: 'legalEffect, systemKind',
    });
  });

  it("an answer the user changed is the user's own; a hidden one does not block", async () => {
    const a = await started();
    const changed = { ...a, answers: { ...a.answers, legalEffect: 'limited' } };
    expect(carriedState(changed, 'legalEffect')).toBeNull();
    expect(unconfirmedCarried(changed, friaCore)).not.toContain('legalEffect');
    // decisionRole "none" hides legalEffect in fria-core.
    const hidden = { ...a, answers: { ...a.answers, decisionRole: 'none' } };
    expect(unconfirmedCarried(hidden, friaCore)).not.toContain('legalEffect');
  });
});

describe('the report and the PDF mark carried answers', () => {
  it('unconfirmed ones are listed and marked, a confirmed one says when (nl and en)', async () => {
    const fresh = await createAssessment(
      friaCore,
      { ...META, locale: 'nl' },
      {
        id: 'full-2',
        now: '2026-02-01T09:00:00.000Z',
        embedQuestionnaire: false,
      },
    );
    const started = applyCarry(
      fresh,
      carry(youthScan(), quickScan, friaCore),
      '2026-02-01T09:00:00.000Z',
    );
    const confirmed = confirmCarried(started, ['systemKind'], '2026-02-03T08:00:00.000Z');
    const a = { ...confirmed, answers: { ...confirmed.answers, period: 'pilot' } };
    const opts = { appVersion: 't', generatedAt: '2026-02-04T10:00:00.000Z', timeZone: 'UTC' };
    const nl = await buildReport(a, friaCore, 'nl', opts);
    const question = (id: string) =>
      nl.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;
    const from =
      'Quickscan grondrechten “Quick scan early signals for youth support” van 2 oktober 2025';
    expect(youthScan().updatedAt.slice(0, 10)).toBe('2025-10-02');
    expect(question('legalEffect').answer.at(-1)).toBe(
      `[Overgenomen uit ${from}; niet bevestigd.]`,
    );
    expect(question('systemKind').answer.at(-1)).toBe(
      `[Overgenomen uit ${from}; bevestigd op 3 februari 2026.]`,
    );
    // An answer nobody carried has no mark.
    expect(question('period').answer).toHaveLength(1);
    expect(nl.summary.unconfirmedCarried.map((x) => x.question)).toContain(label('legalEffect'));
    expect(nl.summary.unconfirmedCarried).toHaveLength(10);
    expect(nl.summary.carriedIntro).toContain(`uit ${from} en niemand heeft ze`);
    const en = await buildReport(a, friaCore, 'en', opts);
    expect(
      en.sections
        .flatMap((s) => s.questions)
        .find((x) => x.id === 'legalEffect')!
        .answer.at(-1),
    ).toBe(
      '[Taken over from Fundamental-rights quick scan “Quick scan early signals for youth support” of 2 October 2025; not confirmed.]',
    );

    const bytes = await renderReportPdf(a, friaCore, 'nl', { appVersion: 't' });
    const file = join(mkdtempSync(join(tmpdir(), 'fria-carry-')), 'r.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Overgenomen antwoorden die niet zijn bevestigd');
    expect(text).toContain('niet bevestigd.]');
    expect(text).toContain('bevestigd op 3 februari 2026.]');
  });
});
