import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  acceptProposal,
  acceptProposals,
  combinedTitle,
  computeProposals,
  DEFAULT_PROPOSAL_SHARE,
  dismissedProposals,
  dismissProposal,
  dismissProposals,
  parseProposalId,
  proposalDraft,
  proposalReason,
  proposalShare,
  proposalTitle,
  proposalViews,
  reopenProposal,
} from '../../src/core/register/proposals';
import { removeRisk, restoreRisk, riskProblems } from '../../src/core/register';
import { score } from '../../src/core/scoring/scoring';
import { createAssessment } from '../../src/core/assessment/assessment';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { problemText } from '../../src/core/files/safe-json';
import {
  miniData,
  miniQuestionnaire,
  opt,
  questionnaire,
  section,
  single,
  yesNo,
} from './core/helpers';

const q = miniQuestionnaire();
const AT = '2026-11-28T12:00:00.000Z';

async function assessment(answers: Assessment['answers']): Promise<Assessment> {
  return {
    ...(await createAssessment(
      q,
      { title: 'T', systemName: 'S', organisation: 'O', owner: 'W', locale: 'nl' },
      { id: 'a1', now: '2026-11-28T10:00:00.000Z', embedQuestionnaire: false },
    )),
    answers,
  };
}

const ids = (qq: Questionnaire, answers: Assessment['answers']) =>
  computeProposals(qq, score(qq, { answers })).map((p) => p.id);

// The mini questionnaire: personalData yes = privacy 2 of 2; dataKinds contact 1 / health 3 /
// ethnicity 3 (+ inclusion 2), max privacy 7; legalGround yes 0 / unsure 2 / no 4; automated
// advice 0 / checked 2 / alone 4 (autonomy). Red flags: health + no ground (privacy, veryHigh),
// decision without a human (autonomy, high). Suggested measure "minimise" for privacy.
describe('the proposal rule', () => {
  it('proposes from answers giving ≥ 75 % of a question’s points, and from red flags', () => {
    expect(
      ids(q, {
        personalData: true, // 2 of 2 = 100 % → proposed
        dataKinds: ['health'], // 3 of 7 = 43 % → not proposed
        legalGround: 'no', // 4 of 4, but the red flag below names it → covered by the flag
        automated: 'alone', // 4 of 4, named by the red flag soloDecision → covered
      }),
    ).toEqual(['redFlag:specialNoGround', 'answer:personalData:privacy', 'redFlag:soloDecision']);
  });

  it('proposes per domain: one answer can propose in two domains', () => {
    expect(ids(q, { personalData: true, dataKinds: ['health', 'ethnicity'], legalGround: 'yes' }))
      // privacy: personalData 2/2; dataKinds 6/7 = 86 % → proposed; inclusion: ethnicity 2/2.
      .toEqual([
        'answer:personalData:privacy',
        'answer:dataKinds:privacy',
        'answer:dataKinds:inclusion',
      ]);
  });

  it('draws the line at exactly 75 %, and never for 0 points', () => {
    const three = questionnaire([
      section('s', [
        single('x', [opt('none', { a: 0 }), opt('three', { a: 3 }), opt('four', { a: 4 })]),
        single('y', [opt('none', { a: 0 }), opt('two', { a: 2 }), opt('three', { a: 3 })]),
        yesNo('z', { a: 0 }, { a: 0 }),
      ]),
    ]);
    expect(ids(three, { x: 'three', y: 'two', z: true })).toEqual(['answer:x:a']); // 3/4 = 75 %; 2/3 = 67 %
    expect(ids(three, { x: 'none', y: 'three' })).toEqual(['answer:y:a']);
    expect(ids(three, {})).toEqual([]);
  });

  it('uses the questionnaire’s proposalShare instead of 75 % when it sets one', () => {
    const sections = [
      section('s', [
        single('x', [opt('none', { a: 0 }), opt('two', { a: 2 }), opt('four', { a: 4 })]),
        single('y', [opt('none', { a: 0 }), opt('one', { a: 1 }), opt('three', { a: 3 })]),
      ]),
    ];
    const answers = { x: 'two', y: 'one' }; // x: 2 of 4 = 50 %; y: 1 of 3 = 33 %
    // Default 75 %: neither is proposed.
    expect(ids(questionnaire(sections), answers)).toEqual([]);
    // 0.5: x is exactly at the line (in), y below it (out).
    expect(ids(questionnaire(sections, { proposalShare: 0.5 }), answers)).toEqual(['answer:x:a']);
    // 1: only an answer with all of a question's points.
    const all = questionnaire(sections, { proposalShare: 1 });
    expect(ids(all, { x: 'four', y: 'one' })).toEqual(['answer:x:a']);
    expect(ids(all, { x: 'two', y: 'three' })).toEqual(['answer:y:a']);
    // A tiny share still never proposes an answer with 0 points.
    expect(ids(questionnaire(sections, { proposalShare: 0.01 }), { x: 'none', y: 'one' })).toEqual([
      'answer:y:a',
    ]);
    expect(proposalShare(questionnaire(sections))).toBe(DEFAULT_PROPOSAL_SHARE);
    expect(DEFAULT_PROPOSAL_SHARE).toBe(0.75);
  });

  it('accepts a proposalShare above 0 up to 1, and explains any other value in nl and en', () => {
    const check = (value: unknown) => {
      const data = miniData();
      data.proposalShare = value;
      const r = validateQuestionnaire(data);
      return r.problems.map((p) => [p.path, problemText(p, 'en'), problemText(p, 'nl')]);
    };
    expect(check(1)).toEqual([]);
    expect(check(0.6)).toEqual([]);
    expect(check(0)).toEqual([
      ['proposalShare', 'Too small: it must be above 0.', 'Te klein: het moet meer zijn dan 0.'],
    ]);
    expect(check(1.5)).toEqual([
      ['proposalShare', 'Too large: at most 1 allowed.', 'Te groot: hoogstens 1 toegestaan.'],
    ]);
    expect(check('0.5')[0]?.[0]).toBe('proposalShare');
  });

  it('ignores hidden questions: their kept answers propose nothing', () => {
    // The privacy section shows only when personalData = yes.
    expect(ids(q, { personalData: false, dataKinds: ['ethnicity'], legalGround: 'no' })).toEqual(
      [],
    );
  });

  it('carries the suggested measures of the domain', () => {
    const ps = computeProposals(
      q,
      score(q, { answers: { personalData: true, automated: 'alone' } }),
    );
    expect(ps.map((p) => [p.id, p.suggestedMeasures])).toEqual([
      ['answer:personalData:privacy', ['minimise']],
      ['redFlag:soloDecision', []],
    ]);
  });

  it('gives a red flag on "overall" a proposal without a domain', () => {
    const withOverall = {
      ...q,
      redFlags: [
        ...(q.redFlags ?? []),
        {
          id: 'noComplaint',
          when: { op: 'equals' as const, question: 'automated', value: 'checked' },
          domain: 'overall',
          minLevel: 'high',
          text: { nl: 'Geen klachtroute', en: 'No complaint route' },
        },
      ],
    };
    const ps = computeProposals(
      withOverall,
      score(withOverall, { answers: { automated: 'checked' } }),
    );
    expect(ps.map((p) => [p.id, p.domain])).toEqual([['redFlag:noComplaint', null]]);
    // Its draft has no domain yet, and the form asks for one.
    const d = proposalDraft(withOverall, [ps[0]!], 'en', {
      riskId: 'r1',
      measureId: (n) => `m${n}`,
    });
    expect(d.domain).toBe('');
    expect(riskProblems(d, withOverall).map((p) => p.code)).toContain('unknownDomain');
  });
});

describe('proposal texts', () => {
  const ps = computeProposals(
    q,
    score(q, { answers: { personalData: true, dataKinds: ['health'], legalGround: 'no' } }),
  );
  const flag = ps.find((p) => p.id === 'redFlag:specialNoGround')!;
  const answer = ps.find((p) => p.id === 'answer:personalData:privacy')!;

  it('titles are written as risks, never as the question with its answer', () => {
    expect(proposalTitle(q, flag, 'nl')).toBe('Bijzondere gegevens zonder grondslag');
    // A yes/no answer says nothing on its own: the domain it puts at risk.
    expect(proposalTitle(q, answer, 'nl')).toBe('Mogelijk risico voor Privacy');
    expect(proposalTitle(q, answer, 'en')).toBe('Possible risk to Privacy');
    const kinds = computeProposals(
      q,
      score(q, {
        answers: { personalData: true, dataKinds: ['health', 'ethnicity'], legalGround: 'yes' },
      }),
    ).find((p) => p.id === 'answer:dataKinds:privacy')!;
    expect(proposalTitle(q, kinds, 'en')).toBe('Possible risk to Privacy from “Health, Ethnicity”');
    expect(proposalTitle(q, kinds, 'nl')).not.toContain('?');
  });

  it('a red flag without a risk text gives its first sentence; with one, that text', () => {
    const long = {
      ...q,
      redFlags: q.redFlags!.map((f) =>
        f.id === 'specialNoGround'
          ? {
              ...f,
              text: {
                nl: 'Gevoelige gegevens zonder grondslag (AVG art. 9). Zoek eerst de grondslag uit.',
                en: 'Sensitive data without a legal basis (GDPR Art. 9). Establish the basis first.',
              },
            }
          : f,
      ),
    };
    expect(proposalTitle(long, flag, 'en')).toBe(
      'Sensitive data without a legal basis (GDPR Art. 9).',
    );
    const withRisk = {
      ...long,
      redFlags: long.redFlags.map((f) => ({
        ...f,
        risk: { nl: 'Verboden verwerking', en: 'Prohibited processing' },
      })),
    };
    expect(proposalTitle(withRisk, flag, 'nl')).toBe('Verboden verwerking');
  });

  it('uses the questionnaire’s risk text: the option’s first, then the question’s', () => {
    const sections = q.sections.map((s) => ({
      ...s,
      questions: s.questions.map((x) =>
        x.id === 'personalData'
          ? { ...x, risk: { nl: 'Te veel gegevens over mensen', en: 'Too much data on people' } }
          : x.id === 'dataKinds' && 'options' in x
            ? {
                ...x,
                risk: { nl: 'Gevoelige gegevens', en: 'Sensitive data' },
                options: x.options.map((o) =>
                  o.id === 'ethnicity'
                    ? {
                        ...o,
                        risk: { nl: 'Onderscheid naar afkomst', en: 'Distinction by origin' },
                      }
                    : o,
                ),
              }
            : x,
      ),
    }));
    const qr = { ...q, sections } as Questionnaire;
    expect(validateQuestionnaire(qr).valid).toBe(true);
    const ps2 = computeProposals(
      qr,
      score(qr, {
        answers: { personalData: true, dataKinds: ['health', 'ethnicity'], legalGround: 'yes' },
      }),
    );
    const title = (id: string, l = 'en') =>
      proposalTitle(
        qr,
        ps2.find((p) => p.id === id)!,
        l,
      );
    expect(title('answer:personalData:privacy')).toBe('Too much data on people');
    expect(title('answer:dataKinds:privacy', 'nl')).toBe('Onderscheid naar afkomst');
    // Without the option's risk, the question's.
    const qq = {
      ...qr,
      sections: qr.sections.map((x) => ({
        ...x,
        questions: x.questions.map((y) =>
          'options' in y ? { ...y, options: y.options.map(({ risk: _r, ...o }) => o) } : y,
        ),
      })),
    } as Questionnaire;
    const ps3 = computeProposals(
      qq,
      score(qq, {
        answers: { personalData: true, dataKinds: ['health', 'ethnicity'], legalGround: 'yes' },
      }),
    );
    expect(
      proposalTitle(
        qq,
        ps3.find((p) => p.id === 'answer:dataKinds:privacy')!,
        'nl',
      ),
    ).toBe('Gevoelige gegevens');
  });

  it('combines the titles of proposals taken together, without empty titles or ".:"', () => {
    expect(combinedTitle(['A risk.', 'Another risk', 'A risk'], 'en')).toBe('A risk; Another risk');
    expect(combinedTitle(['One'], 'nl')).toBe('One');
    const many = ['First risk', 'Second', 'Third', 'Fourth'];
    expect(combinedTitle(many, 'nl')).toBe('First risk (en 3 andere)');
    expect(combinedTitle(many, 'en')).toBe('First risk (and 3 more)');
  });

  it('reasons: the points, or the red flag with the answers that raised it', () => {
    expect(proposalReason(q, answer, 'nl')).toBe(
      'Voorgesteld door het antwoord “ja” op “Verwerkt het systeem persoonsgegevens?”: 2 van 2 punten voor Privacy.',
    );
    expect(proposalReason(q, flag, 'en')).toBe(
      'Proposed because of the red flag “Special-category data without a legal basis”, raised by the answers to “Which data?”, “Is there a legal basis?”.',
    );
  });
});

describe('accept, dismiss, reopen', () => {
  const answers = { personalData: true, dataKinds: ['health'], legalGround: 'no' };
  const idsFor = { riskId: 'r-1', measureId: (n: number) => `m-${n}` };

  it('a draft starts from the proposal, with suggested measures and no ratings', async () => {
    const a = await assessment(answers);
    const p = proposalViews(q, a).find((x) => x.id === 'redFlag:specialNoGround')!;
    const d = proposalDraft(q, [p], 'nl', idsFor);
    expect(d).toMatchObject({
      id: 'r-1',
      domain: 'privacy',
      title: 'Bijzondere gegevens zonder grondslag',
      likelihood: null,
      severity: null,
      residualLikelihood: null,
      residualSeverity: null,
      proposal: 'redFlag:specialNoGround',
      measures: [
        {
          id: 'm-0',
          text: 'Gebruik minder gegevens',
          owner: '',
          dueDate: '',
          status: 'planned',
          suggestedMeasure: 'minimise',
        },
      ],
    });
  });

  it('accepting stores a linked risk and records the decision; it needs ratings first', async () => {
    const a = await assessment(answers);
    const p = proposalViews(q, a).find((x) => x.id === 'redFlag:specialNoGround')!;
    const d = proposalDraft(q, [p], 'nl', idsFor);
    const refused = acceptProposal(a, q, p.id, d, AT);
    expect(refused.ok).toBe(false);

    const rated = { ...d, likelihood: 4, severity: 5, residualLikelihood: 2, residualSeverity: 4 };
    const r = acceptProposal(a, q, p.id, rated, AT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.assessment.register).toHaveLength(1);
    expect(r.assessment.register[0]).toMatchObject({
      id: 'r-1',
      proposal: 'redFlag:specialNoGround',
      likelihood: 4,
      severity: 5,
    });
    expect(r.assessment.proposals['redFlag:specialNoGround']).toEqual({
      status: 'accepted',
      riskId: 'r-1',
      at: AT,
    });
    const views = proposalViews(q, r.assessment);
    expect(views.map((v) => [v.id, v.status])).toEqual([
      ['redFlag:specialNoGround', 'accepted'],
      ['answer:personalData:privacy', 'open'],
    ]);
    // Removing the accepted risk opens the proposal again; undo accepts it again.
    const removed = removeRisk(r.assessment, 'r-1', AT)!;
    expect(proposalViews(q, removed.assessment)[0]!.status).toBe('open');
    const back = restoreRisk(removed.assessment, removed.removed, AT);
    expect(proposalViews(q, back)[0]!.status).toBe('accepted');
  });

  it('dismissing needs a reason, which is kept and listed', async () => {
    const a = await assessment(answers);
    expect(dismissProposal(a, 'answer:personalData:privacy', '  ', AT)).toEqual({
      ok: false,
      problems: [{ path: 'reason', code: 'reasonRequired' }],
    });
    const r = dismissProposal(
      a,
      'answer:personalData:privacy',
      ' Only staff e-mail addresses ',
      AT,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = proposalViews(q, r.assessment).find((x) => x.id === 'answer:personalData:privacy')!;
    expect(v).toMatchObject({ status: 'dismissed', reason: 'Only staff e-mail addresses' });
    expect(dismissedProposals(q, r.assessment, 'en')).toEqual([
      {
        id: 'answer:personalData:privacy',
        title: 'Possible risk to Privacy',
        domain: 'privacy',
        reason: 'Only staff e-mail addresses',
        at: AT,
        current: true,
      },
    ]);
    expect(r.assessment.history.at(-1)).toMatchObject({ action: 'proposalDismissed' });

    // The answer changes so the proposal is no longer made: the dismissal and its reason stay.
    const changed = { ...r.assessment, answers: { ...r.assessment.answers, personalData: false } };
    expect(dismissedProposals(q, changed, 'en')).toEqual([
      {
        id: 'answer:personalData:privacy',
        title: 'Possible risk to Privacy',
        domain: 'privacy',
        reason: 'Only staff e-mail addresses',
        at: AT,
        current: false,
      },
    ]);

    const reopened = reopenProposal(r.assessment, 'answer:personalData:privacy', AT);
    expect(reopened.proposals).toEqual({});
    expect(proposalViews(q, reopened).every((x) => x.status === 'open')).toBe(true);
  });

  it('takes several proposals together as one risk; removing it opens all of them again', async () => {
    // ethnicity: privacy 3+... and inclusion; personalData: privacy. Three answer proposals.
    const a = await assessment({
      personalData: true,
      dataKinds: ['health', 'ethnicity'],
      legalGround: 'yes',
    });
    const open = proposalViews(q, a).filter((p) => p.domain === 'privacy');
    expect(open.map((p) => p.id)).toEqual([
      'answer:personalData:privacy',
      'answer:dataKinds:privacy',
    ]);
    const d = proposalDraft(q, open, 'en', idsFor);
    // The titles combined; no meta text in the description (the sources are shown beside the
    // form); the domain's measure once.
    expect(d.title).toBe(
      'Possible risk to Privacy; Possible risk to Privacy from “Health, Ethnicity”',
    );
    expect(d.domain).toBe('privacy');
    expect(d.description).toBe('');
    expect(d.measures.map((m) => m.suggestedMeasure)).toEqual(['minimise']);
    const rated = {
      ...d,
      title: 'Sensitive data in the model',
      likelihood: 3,
      severity: 4,
      residualLikelihood: 2,
      residualSeverity: 4,
    };
    const r = acceptProposals(
      a,
      q,
      open.map((p) => p.id),
      rated,
      AT,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.assessment.register.map((x) => [x.id, x.proposal])).toEqual([
      ['r-1', 'answer:personalData:privacy'],
    ]);
    expect(proposalViews(q, r.assessment).map((v) => [v.id, v.status, v.riskId])).toEqual([
      ['answer:personalData:privacy', 'accepted', 'r-1'],
      ['answer:dataKinds:privacy', 'accepted', 'r-1'],
      ['answer:dataKinds:inclusion', 'open', null],
    ]);
    const removed = removeRisk(r.assessment, 'r-1', AT)!;
    expect(proposalViews(q, removed.assessment).every((v) => v.status === 'open')).toBe(true);
    const back = restoreRisk(removed.assessment, removed.removed, AT);
    expect(back.proposals).toEqual(r.assessment.proposals);
  });

  it('dismisses several proposals with one reason, kept with each', async () => {
    const a = await assessment({
      personalData: true,
      dataKinds: ['ethnicity'],
      legalGround: 'yes',
    });
    const r = dismissProposals(
      a,
      ['answer:personalData:privacy', 'answer:dataKinds:inclusion'],
      'Synthetic test data only',
      AT,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(dismissedProposals(q, r.assessment, 'en').map((d) => [d.id, d.reason])).toEqual([
      ['answer:personalData:privacy', 'Synthetic test data only'],
      ['answer:dataKinds:inclusion', 'Synthetic test data only'],
    ]);
    expect(dismissProposals(a, [], 'x', AT).ok).toBe(false);
    expect(dismissProposals(a, ['answer:personalData:privacy'], ' ', AT).ok).toBe(false);
  });

  it('refuses decisions on ids that are not proposal ids', async () => {
    const a = await assessment(answers);
    expect(dismissProposal(a, 'whatever', 'reason', AT).ok).toBe(false);
    expect(parseProposalId('answer:q1:privacy')).toEqual({
      kind: 'answer',
      questionId: 'q1',
      domain: 'privacy',
    });
    expect(parseProposalId('redFlag:f')).toEqual({ kind: 'redFlag', flagId: 'f' });
    expect(parseProposalId('answer:q1')).toBeNull();
  });
});

describe('properties', () => {
  it('every proposal is backed by a high answer or a fired red flag, ids unique', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            personalData: fc.boolean(),
            dataKinds: fc.subarray(['contact', 'health', 'ethnicity']),
            legalGround: fc.constantFrom('yes', 'unsure', 'no'),
            automated: fc.constantFrom('advice', 'checked', 'alone'),
          },
          { requiredKeys: [] },
        ),
        (answers) => {
          const result = score(q, { answers });
          const ps = computeProposals(q, result);
          expect(new Set(ps.map((p) => p.id)).size).toBe(ps.length);
          for (const p of ps) {
            if (p.source.kind === 'redFlag') {
              const id = p.source.flagId;
              expect(result.redFlags.some((f) => f.id === id)).toBe(true);
            } else {
              expect(result.visibility.questions.has(p.source.questionId)).toBe(true);
              expect(p.source.got).toBeGreaterThan(0);
              expect(p.source.got / p.source.max).toBeGreaterThanOrEqual(0.75 - 1e-9);
            }
          }
        },
      ),
    );
  });
});
