import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  actionPlan,
  conclusionProblems,
  csvField,
  emptyRiskDraft,
  heatMap,
  isValidDay,
  overrideProblems,
  redFlagFloorAbove,
  registerLevel,
  removeOverride,
  removeRisk,
  residualAboveInherent,
  restoreRisk,
  riskNumbers,
  riskProblems,
  risksByDomain,
  saveRisk,
  setConclusion,
  setMeasureStatus,
  setOverride,
  sortActions,
  toCsv,
  toRiskDraft,
  toRiskItem,
  type RiskDraft,
} from '../../src/core/register';
import { bandLevel, score } from '../../src/core/scoring/scoring';
import type { Assessment, Measure, RiskItem } from '../../src/core/assessment/assessment-schema';
import { createAssessment } from '../../src/core/assessment/assessment';
import { miniQuestionnaire, opt, questionnaire, risk, section, single } from './core/helpers';

const q = miniQuestionnaire();
const AT = '2026-11-28T12:00:00.000Z';

async function blankAssessment(): Promise<Assessment> {
  return createAssessment(
    q,
    { title: 'T', systemName: 'S', organisation: 'O', owner: 'W', locale: 'nl' },
    { id: 'a1', now: '2026-11-28T10:00:00.000Z', embedQuestionnaire: false },
  );
}

function measure(id: string, extra: Partial<Measure> = {}): Measure {
  return { id, text: `do ${id}`, owner: '', dueDate: '', status: 'planned', ...extra };
}

function draft(extra: Partial<RiskDraft> = {}): RiskDraft {
  return {
    ...emptyRiskDraft('r1', 'privacy'),
    title: 'Profiling by postcode',
    likelihood: 4,
    severity: 4,
    residualLikelihood: 2,
    residualSeverity: 3,
    ...extra,
  };
}

describe('risk validation (docs/scoring.md §7)', () => {
  it('accepts a complete risk whose residual (2 × 3 = 6) is below the inherent (4 × 4 = 16)', () => {
    expect(riskProblems(draft(), q)).toEqual([]);
  });

  it('names every missing part: title, domain, the four ratings', () => {
    const d = emptyRiskDraft('r1', 'nope');
    expect(riskProblems(d, q)).toEqual([
      { path: 'title', code: 'titleRequired' },
      { path: 'domain', code: 'unknownDomain' },
      { path: 'likelihood', code: 'ratingRequired' },
      { path: 'severity', code: 'ratingRequired' },
      { path: 'residualLikelihood', code: 'ratingRequired' },
      { path: 'residualSeverity', code: 'ratingRequired' },
    ]);
    expect(riskProblems(draft({ title: '   ' }), q)).toEqual([
      { path: 'title', code: 'titleRequired' },
    ]);
  });

  it('refuses ratings outside 1–5 and non-integers', () => {
    expect(riskProblems(draft({ likelihood: 0, severity: 6, residualSeverity: 2.5 }), q)).toEqual([
      { path: 'likelihood', code: 'ratingOutOfRange' },
      { path: 'severity', code: 'ratingOutOfRange' },
      { path: 'residualSeverity', code: 'ratingOutOfRange' },
    ]);
  });

  it('allows a residual above the inherent only with a written justification', () => {
    // inherent 2 × 2 = 4, residual 3 × 2 = 6 > 4
    const higher = draft({
      likelihood: 2,
      severity: 2,
      residualLikelihood: 3,
      residualSeverity: 2,
    });
    expect(residualAboveInherent(higher)).toBe(true);
    expect(riskProblems(higher, q)).toEqual([
      { path: 'residualJustification', code: 'residualJustificationRequired' },
    ]);
    expect(riskProblems({ ...higher, residualJustification: '  ' }, q)).toHaveLength(1);
    expect(
      riskProblems({ ...higher, residualJustification: 'The vendor drops support in 2027' }, q),
    ).toEqual([]);
    // Equal products (2 × 3 = 3 × 2 = 6) are not "above": no justification needed.
    expect(
      riskProblems(
        draft({ likelihood: 2, severity: 3, residualLikelihood: 3, residualSeverity: 2 }),
        q,
      ),
    ).toEqual([]);
  });

  it('checks measures: a text, and a due date that exists', () => {
    const d = draft({
      measures: [
        measure('m1', { text: '' }),
        measure('m2', { dueDate: '2026-02-30' }),
        measure('m3', { dueDate: '2028-02-29' }),
      ],
    });
    expect(riskProblems(d, q)).toEqual([
      { path: 'measures.0.text', code: 'measureTextRequired' },
      { path: 'measures.1.dueDate', code: 'dueDateInvalid' },
    ]);
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2027-02-29')).toBe(false);
    expect(isValidDay('2027-13-01')).toBe(false);
  });

  it('stores trimmed texts and drops a justification that is no longer needed', () => {
    const item = toRiskItem(
      draft({
        title: '  Profiling  ',
        residualJustification: 'was higher before',
        measures: [measure('m1', { text: ' Audit ', owner: ' Team B ' })],
      }),
    );
    expect(item.title).toBe('Profiling');
    expect(item.residualJustification).toBeUndefined();
    expect(item.measures[0]).toEqual({
      id: 'm1',
      text: 'Audit',
      owner: 'Team B',
      dueDate: '',
      status: 'planned',
    });
    const kept = toRiskItem(
      draft({
        likelihood: 1,
        severity: 1,
        residualLikelihood: 1,
        residualSeverity: 2,
        residualJustification: ' why ',
      }),
    );
    expect(kept.residualJustification).toBe('why');
  });
});

describe('register changes', () => {
  it('adds a risk at the end, replaces it by id, and refuses an invalid one', async () => {
    const a = await blankAssessment();
    const added = saveRisk(a, q, draft(), AT);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.assessment.register.map((r) => r.title)).toEqual(['Profiling by postcode']);
    expect(added.assessment.history.at(-1)).toEqual({
      at: AT,
      action: 'riskAdded',
      detail: 'Profiling by postcode',
    });
    const edited = saveRisk(added.assessment, q, draft({ title: 'Renamed' }), AT);
    expect(edited.ok && edited.assessment.register.map((r) => r.title)).toEqual(['Renamed']);

    const refused = saveRisk(a, q, draft({ residualSeverity: null }), AT);
    expect(refused).toEqual({
      ok: false,
      problems: [{ path: 'residualSeverity', code: 'ratingRequired' }],
    });
  });

  it('removes a risk with its accepted proposal, and undo puts both back in place', async () => {
    const a: Assessment = {
      ...(await blankAssessment()),
      register: [
        risk('x1', 'privacy', 1, 1),
        { ...risk('x2', 'privacy', 2, 2), proposal: 'redFlag:specialNoGround' },
        risk('x3', 'autonomy', 3, 3),
      ],
      proposals: { 'redFlag:specialNoGround': { status: 'accepted', riskId: 'x2', at: AT } },
    };
    const r = removeRisk(a, 'x2', AT)!;
    expect(r.assessment.register.map((x) => x.id)).toEqual(['x1', 'x3']);
    expect(r.assessment.proposals).toEqual({});
    const back = restoreRisk(r.assessment, r.removed, AT);
    expect(back.register.map((x) => x.id)).toEqual(['x1', 'x2', 'x3']);
    expect(back.proposals).toEqual(a.proposals);
    expect(removeRisk(a, 'nope', AT)).toBeNull();
  });

  it('never reuses a risk number: not after a removal in the middle, nor of the highest', async () => {
    let a = await blankAssessment();
    const add = (id: string) => {
      const r = saveRisk(
        a,
        q,
        {
          ...emptyRiskDraft(id, 'privacy'),
          title: id,
          likelihood: 2,
          severity: 2,
          residualLikelihood: 1,
          residualSeverity: 1,
        },
        AT,
      );
      if (!r.ok) throw new Error('refused');
      a = r.assessment;
    };
    const shown = () => [...riskNumbers(a.register).values()];
    add('x1');
    add('x2');
    add('x3');
    expect(shown()).toEqual(['R1', 'R2', 'R3']);
    a = removeRisk(a, 'x2', AT)!.assessment;
    expect(shown()).toEqual(['R1', 'R3']);
    a = removeRisk(a, 'x3', AT)!.assessment;
    add('x4');
    expect(shown()).toEqual(['R1', 'R4']);
    // Editing keeps the number, also when the draft lost it.
    const edited = saveRisk(
      a,
      q,
      { ...toRiskDraft(a.register[1]!), number: undefined, title: 'renamed' },
      AT,
    );
    expect(edited.ok && [...riskNumbers(edited.assessment.register).values()]).toEqual([
      'R1',
      'R4',
    ]);
    expect(a.lastRiskNumber).toBe(4);
  });

  it('numbers a file written before numbers were kept by place, and keeps those numbers', async () => {
    const a = {
      ...(await blankAssessment()),
      register: [
        risk('x1', 'privacy', 1, 1),
        risk('x2', 'privacy', 1, 1),
        risk('x3', 'privacy', 1, 1),
      ],
    };
    expect([...riskNumbers(a.register).values()]).toEqual(['R1', 'R2', 'R3']);
    const after = removeRisk(a, 'x1', AT)!.assessment;
    expect([...riskNumbers(after.register)]).toEqual([
      ['x2', 'R2'],
      ['x3', 'R3'],
    ]);
  });

  it('numbers risks R1, R2, … in register order and groups them per domain', () => {
    const reg = [
      risk('x1', 'autonomy', 1, 1),
      risk('x2', 'privacy', 1, 1),
      risk('x3', 'gone', 1, 1),
    ];
    expect([...riskNumbers(reg)]).toEqual([
      ['x1', 'R1'],
      ['x2', 'R2'],
      ['x3', 'R3'],
    ]);
    expect(risksByDomain(q, reg).map((g) => [g.domain, g.risks.map((r) => r.id)])).toEqual([
      ['privacy', ['x2']],
      ['autonomy', ['x1']],
      ['inclusion', []],
      ['gone', ['x3']],
    ]);
  });

  it('sets a measure status in place', () => {
    const a = {
      register: [{ ...risk('x1', 'privacy', 1, 1), measures: [measure('m1'), measure('m2')] }],
    } as Assessment;
    const next = setMeasureStatus(a, 'x1', 'm2', 'done');
    expect(next.register[0]!.measures.map((m) => m.status)).toEqual(['planned', 'done']);
    expect(setMeasureStatus(a, 'x1', 'm9', 'done')).toBe(a);
  });
});

describe('registerLevel(d) = band of the highest residual product', () => {
  // Bands: 1–4 low, 5–9 medium, 10–16 high, 17–25 very high.
  const reg: RiskItem[] = [
    risk('p1', 'privacy', 2, 2), // 4 → low
    risk('p2', 'privacy', 3, 3), // 9 → medium
    risk('p3', 'privacy', 1, 3), // 3 → low
    risk('a1', 'autonomy', 4, 3), // 12 → high
    risk('a2', 'autonomy', 3, 4), // 12 → high, same product: a1 came first and names it
  ];

  it('picks the highest residual, the first one on a tie, and null without risks', () => {
    expect(registerLevel(q, reg, 'privacy')).toEqual({ level: 'medium', riskId: 'p2', product: 9 });
    expect(registerLevel(q, reg, 'autonomy')).toEqual({ level: 'high', riskId: 'a1', product: 12 });
    expect(registerLevel(q, reg, 'inclusion')).toBeNull();
  });

  it('uses the residual, not the inherent product (inherent 5 × 5 = 25 everywhere here)', () => {
    expect(registerLevel(q, [risk('z', 'privacy', 1, 2)], 'privacy')?.level).toBe('low');
  });

  it('is what scoring uses: computed = max(answer level, register level)', () => {
    const r = score(q, { answers: { personalData: false }, register: reg });
    expect(r.byDomain.autonomy).toMatchObject({
      registerLevel: 'high',
      registerRisk: 'a1',
      computed: 'high',
    });
    // privacy: no visible scoring question answered high (personalData = no gives 0 of 2) → low;
    // register level medium lifts it.
    expect(r.byDomain.privacy).toMatchObject({
      answerLevel: 'low',
      registerLevel: 'medium',
      computed: 'medium',
    });
  });
});

describe('heat map', () => {
  it('puts each risk in its cell before and after measures, with the band of each cell', () => {
    const reg = [risk('x1', 'privacy', 2, 3, [4, 5]), risk('x2', 'autonomy', 2, 3, [4, 5])];
    const cells = heatMap(q, reg);
    expect(cells).toHaveLength(5);
    expect(cells[3]![4]).toMatchObject({
      likelihood: 4,
      severity: 5,
      product: 20,
      level: 'veryHigh',
      inherent: ['x1', 'x2'],
      residual: [],
    });
    expect(cells[1]![2]).toMatchObject({
      product: 6,
      level: 'medium',
      inherent: [],
      residual: ['x1', 'x2'],
    });
    expect(cells[0]![0]).toMatchObject({ product: 1, level: 'low', inherent: [], residual: [] });
    const total = cells.flat().reduce((n, c) => n + c.inherent.length + c.residual.length, 0);
    expect(total).toBe(4);
  });
});

describe('overrides (docs/scoring.md §8)', () => {
  it('need a known domain, a declared level and a justification that is not blank', () => {
    expect(overrideProblems(q, 'privacy', 'high', 'DPO advice of 3 March')).toEqual([]);
    expect(overrideProblems(q, 'nope', 'extreme', ' \n ')).toEqual([
      { path: 'domain', code: 'unknownDomain' },
      { path: 'level', code: 'unknownLevel' },
      { path: 'justification', code: 'justificationRequired' },
    ]);
  });

  it('set the final level while the computed level stays in the score and its trace', async () => {
    const a = {
      ...(await blankAssessment()),
      answers: { personalData: true, dataKinds: ['health'], legalGround: 'no' },
    };
    const before = score(q, a).byDomain.privacy!;
    expect(before.computed).toBe('veryHigh'); // red flag specialNoGround
    const set = setOverride(
      a,
      q,
      'privacy',
      'high',
      '  Legal basis in preparation  ',
      AT,
      ' A. Jansen, privacy officer ',
    );
    expect(set.ok).toBe(true);
    if (!set.ok) return;
    // Who and when are recorded with it.
    expect(set.assessment.overrides.privacy).toEqual({
      level: 'high',
      justification: 'Legal basis in preparation',
      at: AT,
      by: 'A. Jansen, privacy officer',
    });
    expect(setOverride(a, q, 'privacy', 'high', 'Reason', AT, '  ')).toEqual({
      ok: false,
      problems: [{ path: 'by', code: 'nameRequired' }],
    });
    const after = score(q, set.assessment).byDomain.privacy!;
    expect(after).toMatchObject({ computed: 'veryHigh', final: 'high' });
    expect(after.trace.at(-1)).toEqual({
      kind: 'override',
      from: 'veryHigh',
      to: 'high',
      justification: 'Legal basis in preparation',
    });
    expect(setOverride(a, q, 'privacy', 'high', '', AT, 'A. Jansen').ok).toBe(false);
    const removed = removeOverride(set.assessment, 'privacy', AT);
    expect(removed.overrides).toEqual({});
    expect(score(q, removed).byDomain.privacy!.final).toBe('veryHigh');
  });
});

describe('overrides a file holds but scoring cannot apply', () => {
  const answers = { personalData: true, dataKinds: ['health'], legalGround: 'no' };

  it('are not applied, and are listed with the reason: unknown level, blank reason, unknown domain', async () => {
    const a = {
      ...(await blankAssessment()),
      answers,
      overrides: {
        privacy: { level: 'extreme', justification: 'Edited by hand' },
        autonomy: { level: 'high', justification: ' \n ' },
        fairness: { level: 'low', justification: 'A domain of an older version' },
      },
    };
    const r = score(q, a);
    // privacy: red flag → veryHigh; "extreme" does not exist, so veryHigh stays final.
    expect(r.byDomain.privacy).toMatchObject({
      computed: 'veryHigh',
      final: 'veryHigh',
      override: null,
    });
    expect(r.byDomain.autonomy).toMatchObject({ final: r.byDomain.autonomy!.computed });
    expect(r.byDomain.privacy!.trace.some((e) => e.kind === 'override')).toBe(false);
    expect(r.ignoredOverrides).toEqual([
      { domain: 'privacy', level: 'extreme', reason: 'unknownLevel' },
      { domain: 'autonomy', level: 'high', reason: 'justificationRequired' },
      { domain: 'fairness', level: 'low', reason: 'unknownDomain' },
    ]);
    expect(score(q, { ...a, overrides: {} }).ignoredOverrides).toEqual([]);
  });

  it('never take a domain below its computed level, and a valid one is never listed', () => {
    const levels = q.levels.map((l) => l.id);
    fc.assert(
      fc.property(
        fc.constantFrom('privacy', 'autonomy', 'inclusion', 'fairness', 'toString'),
        fc.constantFrom(...levels, 'extreme', 'constructor', ''),
        fc.constantFrom('DPO advice', ' ', ''),
        fc.record({
          personalData: fc.boolean(),
          automated: fc.constantFrom('advice', 'checked', 'alone'),
        }),
        (domain, level, justification, answers) => {
          const overrides = { [domain]: { level, justification } };
          const without = score(q, { answers });
          const r = score(q, { answers, overrides });
          const valid =
            q.domains.some((d) => d.id === domain) &&
            levels.includes(level) &&
            justification.trim() !== '';
          expect(r.ignoredOverrides).toHaveLength(valid ? 0 : 1);
          for (const d of r.domains) {
            if (valid && d.domain === domain) expect(d.final).toBe(level);
            else expect(d.final).toBe(without.byDomain[d.domain]!.computed);
          }
        },
      ),
    );
  });
});

describe('conclusion', () => {
  it('needs a decision, reasoning, and a condition when proceeding with conditions', () => {
    expect(conclusionProblems(undefined).map((p) => p.code)).toEqual([
      'decisionRequired',
      'reasoningRequired',
    ]);
    expect(
      conclusionProblems({ decision: 'proceedWithConditions', reasoning: 'ok', conditions: [' '] }),
    ).toEqual([{ path: 'conditions', code: 'conditionsRequired' }]);
    expect(
      conclusionProblems({ decision: 'proceedWithConditions', reasoning: 'ok', conditions: ['x'] }),
    ).toEqual([]);
    expect(
      conclusionProblems({ decision: 'doNotProceed', reasoning: 'no', conditions: [] }),
    ).toEqual([]);
  });

  it('keeps conditions only with "proceed with conditions" and drops empty lines', async () => {
    const a = await blankAssessment();
    const c1 = setConclusion(a, {
      decision: 'proceedWithConditions',
      reasoning: 'r',
      conditions: ['Audit yearly', '', '  '],
    });
    expect(c1.conclusion).toEqual({
      decision: 'proceedWithConditions',
      reasoning: 'r',
      conditions: ['Audit yearly'],
    });
    const c2 = setConclusion(c1, { decision: 'proceed', reasoning: 'r', conditions: ['Audit'] });
    expect(c2.conclusion).toEqual({ decision: 'proceed', reasoning: 'r', conditions: [] });
    // An unchanged conclusion returns the same object: no save, no history noise.
    expect(setConclusion(c2, { decision: 'proceed', reasoning: 'r', conditions: [] })).toBe(c2);
  });
});

describe('action plan', () => {
  const a = {
    register: [
      {
        ...risk('x1', 'privacy', 1, 1),
        title: 'First',
        measures: [
          measure('m1', { owner: 'Zoë', dueDate: '2027-03-01' }),
          measure('m2', { owner: '', dueDate: '2026-12-01' }),
        ],
      },
      {
        ...risk('x2', 'autonomy', 1, 1),
        title: 'Second',
        measures: [
          measure('m3', { owner: 'anna', dueDate: '' }),
          measure('m4', { owner: 'Bram', dueDate: '2027-03-01' }),
        ],
      },
    ],
  } as Assessment;
  const ids = (rows: { measureId: string }[]) => rows.map((r) => r.measureId);

  it('lists every measure with its risk number and title, in register order', () => {
    const rows = actionPlan(a);
    expect(ids(rows)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(rows[2]).toMatchObject({ riskNumber: 'R2', riskTitle: 'Second', domain: 'autonomy' });
  });

  it('sorts by due date or owner, blanks last either way, ties in register order', () => {
    const rows = actionPlan(a);
    expect(ids(sortActions(rows, 'dueDate', 'ascending', 'nl'))).toEqual(['m2', 'm1', 'm4', 'm3']);
    expect(ids(sortActions(rows, 'dueDate', 'descending', 'nl'))).toEqual(['m1', 'm4', 'm2', 'm3']);
    // Owners compared as people read them: "anna" before "Bram" before "Zoë", whatever the case.
    expect(ids(sortActions(rows, 'owner', 'ascending', 'nl'))).toEqual(['m3', 'm4', 'm1', 'm2']);
    expect(ids(sortActions(rows, 'owner', 'descending', 'nl'))).toEqual(['m1', 'm4', 'm3', 'm2']);
  });
});

describe('CSV', () => {
  it('has a BOM, a header, CRLF line ends, and quotes only where needed', () => {
    const csv = toCsv(
      ['Risk', 'Measure', 'Owner'],
      [
        ['R1', 'Say "no"; then stop', 'Team A'],
        ['R2', 'Line one\nline two', 'Łódź, İstanbul'],
      ],
      ';',
    );
    expect(csv).toBe(
      '\uFEFFRisk;Measure;Owner\r\n' +
        'R1;"Say ""no""; then stop";Team A\r\n' +
        'R2;"Line one\nline two";Łódź, İstanbul\r\n',
    );
    expect(toCsv(['a'], [['x,y']], ',')).toBe('\uFEFFa\r\n"x,y"\r\n');
  });

  it('keeps a formula-like text as text', () => {
    expect(csvField('=HYPERLINK("http://x")', ',')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('-1', ',')).toBe("'-1");
    expect(csvField('@SUM(A1)', ';')).toBe("'@SUM(A1)");
    expect(csvField('2027-03-01', ',')).toBe('2027-03-01');
  });
});

// ——— Properties ———

const rating = fc.integer({ min: 1, max: 5 });
const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 20 }));
const arbDraft: fc.Arbitrary<RiskDraft> = fc.record({
  id: fc.constant('r1'),
  domain: fc.constantFrom('privacy', 'autonomy', 'inclusion'),
  title: fc.constant('t'),
  description: fc.constant(''),
  affectedGroups: fc.constant(''),
  likelihood: rating,
  severity: rating,
  residualLikelihood: rating,
  residualSeverity: rating,
  residualJustification: fc.option(text, { nil: undefined }),
  measures: fc.constant([]),
});
const arbRisk = (id: string): fc.Arbitrary<RiskItem> =>
  fc.record({
    id: fc.constant(id),
    domain: fc.constantFrom('privacy', 'autonomy', 'inclusion'),
    title: fc.constant(id),
    description: fc.constant(''),
    affectedGroups: fc.constant(''),
    likelihood: rating,
    severity: rating,
    residualLikelihood: rating,
    residualSeverity: rating,
    measures: fc.constant<Measure[]>([]),
  });
const arbRegister = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbRisk(`r${i}`))));

describe('properties', () => {
  it('a stored risk never has its residual above its inherent product unless justified', async () => {
    const a = await blankAssessment();
    fc.assert(
      fc.property(arbDraft, (d) => {
        const r = saveRisk(a, q, d, AT);
        if (!r.ok) {
          // Refused only for the missing justification of a higher residual.
          expect(residualAboveInherent(d)).toBe(true);
          return;
        }
        const item = r.assessment.register[0]!;
        const above =
          item.residualLikelihood * item.residualSeverity > item.likelihood * item.severity;
        if (above) expect(item.residualJustification?.trim()).toBeTruthy();
        else expect(item.residualJustification).toBeUndefined();
      }),
    );
  });

  it('registerLevel equals the band of the highest residual, and scoring agrees', () => {
    fc.assert(
      fc.property(arbRegister, (register) => {
        for (const d of q.domains) {
          const mine = register.filter((r) => r.domain === d.id);
          const got = registerLevel(q, register, d.id);
          const sc = score(q, { answers: {}, register }).byDomain[d.id]!;
          if (mine.length === 0) {
            expect(got).toBeNull();
            expect(sc.registerLevel).toBeNull();
            continue;
          }
          const maxResidual = Math.max(
            ...mine.map((r) => r.residualLikelihood * r.residualSeverity),
          );
          expect(got?.product).toBe(maxResidual);
          expect(got?.level).toBe(bandLevel(q, maxResidual));
          expect(sc.registerLevel).toBe(got?.level);
        }
      }),
    );
  });

  it('an override never hides the computed level', () => {
    const levels = q.levels.map((l) => l.id);
    fc.assert(
      fc.property(
        arbRegister,
        fc.constantFrom('privacy', 'autonomy', 'inclusion'),
        fc.constantFrom(...levels),
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
        fc.record({
          personalData: fc.boolean(),
          automated: fc.constantFrom('advice', 'checked', 'alone'),
        }),
        (register, domain, level, justification, answers) => {
          const base = { answers, register, overrides: {}, history: [] } as unknown as Assessment;
          const set = setOverride(base, q, domain, level, justification, AT, 'A. Jansen');
          expect(set.ok).toBe(true);
          if (!set.ok) return;
          const without = score(q, base).byDomain[domain]!;
          const withIt = score(q, set.assessment).byDomain[domain]!;
          expect(withIt.computed).toBe(without.computed);
          expect(withIt.final).toBe(level);
          expect(withIt.override).toEqual({ level, justification: justification.trim() });
          expect(withIt.trace).toContainEqual({
            kind: 'override',
            from: without.computed,
            to: level,
            justification: justification.trim(),
          });
        },
      ),
    );
  });

  it('sorting the action plan keeps every row, blanks last, dates in order', () => {
    const arbMeasure = (id: string) =>
      fc.record({
        id: fc.constant(id),
        text: fc.constant(id),
        owner: fc.constantFrom('', 'anna', 'Bram', 'Zoë', 'émile'),
        dueDate: fc.constantFrom('', '2026-01-01', '2026-06-30', '2027-12-31'),
        status: fc.constantFrom('planned' as const, 'inProgress' as const, 'done' as const),
      });
    fc.assert(
      fc.property(
        fc.array(arbMeasure('m'), { maxLength: 12 }),
        fc.constantFrom('ascending' as const, 'descending' as const),
        (ms, dir) => {
          const a = {
            register: [
              {
                ...risk('x', 'privacy', 1, 1),
                measures: ms.map((m, i) => ({ ...m, id: `m${i}` })),
              },
            ],
          } as Assessment;
          const rows = actionPlan(a);
          const sorted = sortActions(rows, 'dueDate', dir, 'en');
          expect(sorted.map((r) => r.measureId).sort()).toEqual(
            rows.map((r) => r.measureId).sort(),
          );
          const dates = sorted.map((r) => r.dueDate);
          const firstBlank = dates.indexOf('');
          if (firstBlank >= 0) expect(dates.slice(firstBlank).every((d) => d === '')).toBe(true);
          const filled = dates.filter((d) => d !== '');
          const expected = [...filled].sort();
          expect(filled).toEqual(dir === 'ascending' ? expected : expected.reverse());
        },
      ),
    );
  });

  it('CSV round-trips every text through a standard reader', () => {
    // A minimal RFC 4180 reader, written for this test.
    function parse(csv: string, sep: string): string[][] {
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const s = csv.slice(1);
      const rows: string[][] = [];
      let row: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < s.length; i++) {
        const c = s[i]!;
        if (quoted) {
          if (c === '"' && s[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (c === '"') quoted = false;
          else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === sep) {
          row.push(cell);
          cell = '';
        } else if (c === '\r' && s[i + 1] === '\n') {
          row.push(cell);
          rows.push(row);
          row = [];
          cell = '';
          i++;
        } else cell += c;
      }
      return rows;
    }
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 2 }), {
          maxLength: 6,
        }),
        fc.constantFrom(',' as const, ';' as const),
        (rows, sep) => {
          const back = parse(toCsv(['h1', 'h2'], rows, sep), sep);
          const unformula = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
          expect(back).toEqual([['h1', 'h2'], ...rows.map((r) => r.map(unformula))]);
        },
      ),
    );
  });
});

describe('a questionnaire with its own bands', () => {
  it('maps products with those bands', () => {
    const own = questionnaire([section('s', [single('x', [opt('a', { a: 1 }), opt('b')])])], {
      riskBands: [
        { min: 1, max: 12, level: 'low' },
        { min: 13, max: 25, level: 'veryHigh' },
      ],
    });
    expect(registerLevel(own, [risk('z', 'a', 3, 4)], 'a')?.level).toBe('low');
    expect(registerLevel(own, [risk('z', 'a', 3, 5)], 'a')?.level).toBe('veryHigh');
  });
});

describe('redFlagFloorAbove', () => {
  const levels = q.levels.map((l) => l.id);
  const top = levels[levels.length - 1]!;
  const domainWith = (minLevels: string[]) =>
    ({
      trace: minLevels.map((minLevel, i) => ({
        kind: 'redFlag',
        flagId: `f${i}`,
        minLevel,
        questions: [],
        raised: true,
      })),
    }) as unknown as Parameters<typeof redFlagFloorAbove>[1];

  it('names the highest red-flag level when the chosen level is below it, else nothing', () => {
    const d = domainWith([levels[1]!, top]);
    expect(redFlagFloorAbove(q, d, levels[0]!)).toBe(top);
    expect(redFlagFloorAbove(q, d, top)).toBeNull();
    expect(redFlagFloorAbove(q, domainWith([]), levels[0]!)).toBeNull();
    // No level chosen yet (or one the questionnaire lacks): nothing to warn about.
    expect(redFlagFloorAbove(q, d, '')).toBeNull();
  });
});
