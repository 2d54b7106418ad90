/**
 * What-if answer sets for the legal substance of fria-core and quick-scan: a realistic example
 * assessment with a few answers changed, scored by the engine, must reach the conclusion the law
 * supports (which red flag fires, which level, what its text cites). Each block names the rule.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseAssessment } from '../../../src/core/assessment/assessment';
import { score } from '../../../src/core/scoring/scoring';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import type { AnswerValue } from '../../../src/core/scoring/answers';
import { allQuestions, fixtureDir, loadQuestionnaire, readJson } from './builtin';

const core = loadQuestionnaire('fria-core');
const quick = loadQuestionnaire('quick-scan');

function fixture(id: string, name: string): Assessment {
  const parsed = parseAssessment(readJson(join(fixtureDir(id), name)));
  if (!parsed.ok) throw new Error(`${id}/${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** Scores the fixture with some answers replaced. */
function whatIf(q: Questionnaire, base: Assessment, patch: Record<string, AnswerValue>) {
  const result = score(q, { ...base, answers: { ...base.answers, ...patch } });
  const flags = result.redFlags.map((f) => f.id);
  const level = (domain: string) => result.domains.find((d) => d.domain === domain)?.final;
  return { result, flags, level };
}

function flagText(q: Questionnaire, id: string, locale: 'nl' | 'en'): string {
  const flag = (q.redFlags ?? []).find((f) => f.id === id);
  if (!flag) throw new Error(`no red flag ${id}`);
  return flag.text[locale] ?? '';
}

function question(q: Questionnaire, id: string) {
  const found = allQuestions(q).find((x) => x.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

const fraud = fixture('fria-core', 'fraud-risk-scoring.fria.json');
const planning = fixture('fria-core', 'planning-tool.fria.json');
const youth = fixture('quick-scan', 'youth-risk-signals.fria.json');

describe('legal basis for profiling and automated selection (ECHR 8(2), GDPR 6(3), SyRI)', () => {
  it('fria-core: a risk model on a general public task without rules on this way of working raises a flag; a specific law does not', () => {
    const general = whatIf(core, fraud, { legalBasis: 'publicTask' });
    expect(general.flags).toContain('selectionWithoutSpecificLaw');
    expect(general.level('privacy')).toMatch(/^(high|veryHigh)$/);
    const specific = whatIf(core, fraud, { legalBasis: 'specificLaw' });
    expect(specific.flags).not.toContain('selectionWithoutSpecificLaw');
  });

  it('fria-core: a general task is not scored like a specific law', () => {
    const lb = question(core, 'legalBasis');
    if (lb.type !== 'singleChoice') throw new Error('legalBasis is not single choice');
    const points = (id: string) =>
      Object.values(lb.options.find((o) => o.id === id)?.points ?? {}).reduce((a, b) => a + b, 0);
    expect(points('publicTask')).toBeGreaterThan(points('specificLaw'));
  });

  it('fria-core: a general task is fine for a tool that profiles and selects nobody', () => {
    expect(whatIf(core, planning, { legalBasis: 'publicTask' }).flags).not.toContain(
      'selectionWithoutSpecificLaw',
    );
  });

  it('fria-core: profiling that informs staff on a general task also raises it', () => {
    const r = whatIf(core, fraud, {
      legalBasis: 'publicTask',
      decisionRole: 'informs',
      profiling: true,
    });
    expect(r.flags).toContain('selectionWithoutSpecificLaw');
  });

  it('cites the foreseeability rule and the SyRI judgment in the citation form of each language', () => {
    const nl = flagText(core, 'selectionWithoutSpecificLaw', 'nl');
    const en = flagText(core, 'selectionWithoutSpecificLaw', 'en');
    expect(nl).toContain('EVRM art. 8 lid 2');
    expect(nl).toContain('AVG art. 6 lid 3');
    expect(nl).toContain('ECLI:NL:RBDHA:2020:865');
    expect(en).toContain('ECHR Art. 8(2)');
    expect(en).toContain('GDPR Art. 6(3)');
    expect(en).toContain('ECLI:NL:RBDHA:2020:865');
  });

  it('quick-scan asks for the legal basis when the system scores or selects people', () => {
    expect(youth.answers['decisionRole']).toBe('recommends');
    const r = whatIf(quick, youth, {});
    expect(r.result.visibility.questions.has('legalBasis')).toBe(true);
  });

  it('quick-scan: a general task raises a priority flag, a specific law does not, an unclear basis raises its own', () => {
    const general = whatIf(quick, youth, { legalBasis: 'publicTask' });
    expect(general.flags).toContain('selectionWithoutSpecificLaw');
    expect(general.level('privacy')).toBe('priority');
    const specific = whatIf(quick, youth, { legalBasis: 'specificLaw' });
    expect(specific.flags).not.toContain('selectionWithoutSpecificLaw');
    expect(specific.flags).not.toContain('noLegalBasis');
    const unclear = whatIf(quick, youth, { legalBasis: 'unclear' });
    expect(unclear.flags).toContain('noLegalBasis');
    expect(unclear.level('transparency')).toBe('priority');
  });
});

describe('GDPR Art. 22 as a prohibition unless an Art. 22(2) exception applies (UAVG 40, SCHUFA)', () => {
  it('a "recommendation" staff never depart from, with large effects, raises a flag (SCHUFA)', () => {
    const followed = whatIf(core, fraud, { decisionRole: 'recommends', automationBias: 'no' });
    expect(followed.flags).toContain('scoreDecidesInPractice');
    const weighed = whatIf(core, fraud, {
      decisionRole: 'recommends',
      automationBias: 'canDeviate',
    });
    expect(weighed.flags).not.toContain('scoreDecidesInPractice');
    expect(flagText(core, 'scoreDecidesInPractice', 'nl')).toContain('C-634/21');
    expect(flagText(core, 'scoreDecidesInPractice', 'nl')).toContain('AVG art. 22 lid 1');
    expect(flagText(core, 'scoreDecidesInPractice', 'en')).toContain('GDPR Art. 22(1)');
  });

  it('profiling that in effect decides, on a general task, is prohibited: very high', () => {
    const patches: Record<string, AnswerValue>[] = [
      { decisionRole: 'decides', humanOversight: 'adverse' },
      { decisionRole: 'recommends', automationBias: 'no' },
    ];
    for (const patch of patches) {
      const r = whatIf(core, fraud, { ...patch, legalBasis: 'publicTask', profiling: true });
      expect(r.flags, JSON.stringify(patch)).toContain('automatedDecisionNoException');
      expect(r.level('autonomy')).toBe('veryHigh');
      expect(r.result.overall.level).toBe('veryHigh');
    }
    expect(flagText(core, 'automatedDecisionNoException', 'nl')).toContain('UAVG art. 40');
    expect(flagText(core, 'automatedDecisionNoException', 'nl')).toContain('profilering');
  });

  it('a law that authorises it (Art. 22(2)(b)) or a decision without profiling (UAVG art. 40) is not called prohibited', () => {
    const withLaw = whatIf(core, fraud, {
      decisionRole: 'decides',
      humanOversight: 'adverse',
      legalBasis: 'specificLaw',
    });
    expect(withLaw.flags).toContain('solelyAutomated');
    expect(withLaw.flags).not.toContain('automatedDecisionNoException');
    const noProfiling = whatIf(core, fraud, {
      decisionRole: 'decides',
      humanOversight: 'adverse',
      legalBasis: 'publicTask',
      profiling: false,
    });
    expect(noProfiling.flags).toContain('solelyAutomated');
    expect(noProfiling.flags).not.toContain('automatedDecisionNoException');
  });

  it('says Art. 22(1) prohibits, names the exceptions and what UAVG art. 40 does not cover', () => {
    const nl = flagText(core, 'solelyAutomated', 'nl');
    const en = flagText(core, 'solelyAutomated', 'en');
    expect(nl).toContain('AVG art. 22 lid 1 verbiedt');
    expect(nl).toContain('UAVG art. 40');
    expect(nl).toContain('profilering');
    expect(en).toContain('GDPR Art. 22(1) prohibits');
    expect(en).toContain('profiling');
    expect(flagText(quick, 'automatedSignificant', 'nl')).toContain('AVG art. 22 lid 1 verbiedt');
  });

  it('no help or flag text says such decisions are merely allowed with extra safeguards', () => {
    const texts = [core, quick].flatMap((q) => [
      ...allQuestions(q).flatMap((x) => [x.help?.nl ?? '', x.help?.en ?? '']),
      ...(q.redFlags ?? []).flatMap((f) => [f.text.nl ?? '', f.text.en ?? '']),
    ]);
    const understated = texts.filter(
      (t) =>
        /mag volgens de AVG alleen met extra waarborgen|needs extra safeguards/.test(t) ||
        /Dat mag alleen met een wettelijke basis en (extra )?waarborgen/.test(t) ||
        /only allowed with a legal basis and (extra )?safeguards/.test(t),
    );
    expect(understated).toEqual([]);
  });
});

const school = fixture('fria-core', 'school-biometrics.fria.json');

describe('AI Act Art. 27 scope, Art. 6(3), Annex III 5(b)/(c), provider or deployer', () => {
  it('critical infrastructure alone (Annex III point 2) does not ask for the Art. 27(3) notification; other areas and 5(b)/(c) do', () => {
    const visible = (areas: string[]) =>
      whatIf(core, school, { highRiskArea: areas }).result.visibility.questions.has(
        'authorityNotification',
      );
    expect(visible(['infrastructure'])).toBe(false);
    expect(visible(['benefits'])).toBe(true);
    expect(visible(['creditworthiness'])).toBe(true);
    expect(visible(['lifeHealthInsurance'])).toBe(true);
    expect(visible(['infrastructure', 'education'])).toBe(true);
  });

  it('quick-scan: a critical-infrastructure system is not told a FRIA is required', () => {
    expect(whatIf(quick, youth, { onlyInfrastructure: true }).flags).not.toContain(
      'fullFriaRequired',
    );
    expect(whatIf(quick, youth, { onlyInfrastructure: false }).flags).toContain('fullFriaRequired');
  });

  it('names the Art. 6(3) exception and its profiling limit in the help', () => {
    const help = question(core, 'highRiskArea').help;
    expect(help?.nl).toContain('art. 6 lid 3');
    expect(help?.nl).toContain('profileert');
    expect(help?.en).toContain('Art. 6(3)');
  });

  it('a municipality that has a model built and uses it under its own name is its provider', () => {
    expect(whatIf(core, fraud, {}).flags).toContain('providerDuties');
    expect(whatIf(core, fraud, { aiActRole: 'deployer' }).flags).not.toContain('providerDuties');
    expect(flagText(core, 'providerDuties', 'nl')).toContain('aanbieder');
    expect(flagText(core, 'providerDuties', 'nl')).toContain('gebruiksverantwoordelijke');
  });
});

describe('UAVG art. 29: biometrics for authentication or security, not identification', () => {
  it('says authentication in both languages', () => {
    const help = question(core, 'specialCategoryGround').help;
    expect(help?.nl).toContain('authenticatie');
    expect(help?.nl).not.toContain('identificatie of beveiliging');
    expect(help?.en).toContain('authentication');
    expect(help?.en).not.toContain('identification or security');
  });
});

describe('nationality is not special-category data; sex or disability are judged on the reason', () => {
  it('nationality alone does not ask for an Art. 9 exception; ethnic origin does', () => {
    const asks = (cats: string[]) =>
      whatIf(core, fraud, { dataCategories: cats }).result.visibility.questions.has(
        'specialCategoryGround',
      );
    expect(asks(['contact', 'nationality'])).toBe(false);
    expect(asks(['contact', 'origin'])).toBe(true);
    expect(whatIf(core, fraud, { dataCategories: ['contact', 'nationality'] }).flags).toContain(
      'originDataInScoring',
    );
  });

  it('direct use of nationality or ethnic origin is very high; of sex, disability, religion or age it asks for a justification', () => {
    const origin = whatIf(core, fraud, { sensitiveIndicators: 'direct' });
    expect(origin.flags).toContain('nationalityProfiling');
    expect(origin.level('nonDiscrimination')).toBe('veryHigh');
    const other = whatIf(core, fraud, { sensitiveIndicators: 'directOtherGround' });
    expect(other.flags).toContain('protectedGroundUnjustified');
    expect(other.flags).not.toContain('nationalityProfiling');
    expect(flagText(core, 'protectedGroundUnjustified', 'nl')).toContain('niet altijd verboden');
    expect(flagText(core, 'nationalityProfiling', 'nl')).not.toMatch(/geslacht|handicap/);
  });
});

describe('Dutch citation forms in Dutch texts', () => {
  it('no Dutch text cites a paragraph the English way (art. 22(3))', () => {
    const english: string[] = [];
    for (const q of [core, quick]) {
      const texts = [
        ...allQuestions(q).flatMap((x) => [x.label.nl ?? '', x.help?.nl ?? '']),
        ...(q.redFlags ?? []).map((f) => f.text.nl ?? ''),
      ];
      for (const t of texts)
        for (const m of t.match(/art\. \d+[a-z]?\(\d+\)/g) ?? []) english.push(m);
    }
    expect(english).toEqual([]);
  });
});

const companion = fixture('fria-core', 'companion-chatbot.fria.json');

describe('AI Act Art. 5 screening', () => {
  it('crime prediction from profiling alone and untargeted face scraping are prohibited: very high', () => {
    const crime = whatIf(core, fraud, { prohibitedPractices: ['crimePrediction'] });
    expect(crime.flags).toContain('crimePredictionProfiling');
    expect(crime.result.overall.level).toBe('veryHigh');
    const scraping = whatIf(core, fraud, { prohibitedPractices: ['faceScraping'] });
    expect(scraping.flags).toContain('faceScraping');
    expect(scraping.level('privacy')).toBe('veryHigh');
    expect(whatIf(core, fraud, { prohibitedPractices: ['none'] }).flags).not.toContain(
      'crimePredictionProfiling',
    );
  });

  it('dark patterns raise a flag without a vulnerable group too', () => {
    const r = whatIf(core, companion, {
      influence: 'darkPatterns',
      vulnerableGroups: ['none'],
    });
    expect(r.flags).toContain('darkPatterns');
    expect(r.level('autonomy')).toMatch(/^(high|veryHigh)$/);
  });

  it('exploiting vulnerability is called prohibited only with its conditions', () => {
    expect(flagText(core, 'manipulationVulnerable', 'nl')).toContain('wezenlijk verstoort');
    expect(flagText(core, 'manipulationVulnerable', 'en')).toContain('materially distorts');
  });

  it('emotion recognition outside work or school points to Annex III 1(c) and Art. 50(3)', () => {
    const r = whatIf(core, companion, { emotionInference: 'otherContext' });
    expect(r.flags).toContain('emotionRecognitionHighRisk');
    expect(flagText(core, 'emotionRecognitionHighRisk', 'nl')).toContain('art. 50 lid 3');
    expect(flagText(core, 'emotionRecognitionHighRisk', 'en')).toContain('Art. 50(3)');
  });

  it('the companion chatbot that detects low mood by voice ticks emotion recognition', () => {
    expect(companion.answers['emergingTech']).toContain('emotionRecognition');
    expect(whatIf(core, companion, {}).flags).toContain('emotionRecognitionHighRisk');
  });
});

describe('plain Dutch (B1) for the hardest texts, and jargon explained', () => {
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  it.each(['highRiskArea', 'specialCategoryGround', 'dpiaStatus', 'jurisdiction'])(
    '%s: sentences of 14 words or fewer on average',
    (id) => {
      const x = question(core, id);
      const text = `${x.label.nl ?? ''} ${x.help?.nl ?? ''}`.replace(/\*\*/g, '');
      const sentences = text.split(/(?<=[.?!])\s+|\n\n/).filter((s) => s.trim());
      const mean = sentences.reduce((n, s) => n + words(s), 0) / sentences.length;
      expect(mean).toBeLessThanOrEqual(14);
    },
  );

  it('uses markttoezichtautoriteit, not markttoezichthouder, and explains it', () => {
    const nl = allQuestions(core)
      .flatMap((x) => [x.label.nl ?? '', x.help?.nl ?? ''])
      .join('\n');
    expect(nl).not.toContain('markttoezichthouder');
    expect(question(core, 'authorityNotification').help?.nl).toContain(
      'markttoezichtautoriteit: de toezichthouder',
    );
  });

  it('explains rechtsmiddel, UAVG, DPIA and FRIA where a reader meets them', () => {
    expect(flagText(core, 'noComplaintRoute', 'nl')).toContain('rechtsmiddel: een manier');
    expect(question(core, 'specialCategoryGround').help?.nl).toContain(
      'Nederlandse uitvoeringswet van de AVG (UAVG',
    );
    expect(question(core, 'dpiaStatus').label.nl).toContain('Een DPIA is een onderzoek');
    expect(question(core, 'highRiskArea').help?.nl).toContain(
      'FRIA doen: een toets op grondrechten',
    );
  });
});
