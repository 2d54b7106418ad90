/**
 * Every red flag of fria-core and quick-scan declares its kind, and its level and wording follow
 * the rule written in docs/authoring-questionnaires.md ("Which level a red flag sets"):
 * - prohibited: the answers show a practice the law forbids, outright or unless a narrow exception
 *   applies that the answers do not show: the highest level, and the text says it is prohibited;
 * - conditional: lawful only if a condition is met (a legal basis, an exception, a DPIA, oversight,
 *   a justification) that the answers show missing or unclear: at least the level below the
 *   highest; if the text speaks of a prohibition it also names the condition (unless / if / may);
 * - risk: no rule is broken by the answers alone, but the risk is serious: any level, and the text
 *   never calls it prohibited.
 */
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from './builtin';
import { questionnaireSource } from '../../../src/core/questionnaire/questionnaire-format';

type Kind = 'prohibited' | 'conditional' | 'risk';

const KINDS: Record<'fria-core' | 'quick-scan', Record<string, Kind>> = {
  'fria-core': {
    // Art. 9(1) GDPR without any exception the answers name.
    specialDataNoGround: 'prohibited',
    // Art. 22(1) GDPR; no Art. 22(2) exception left (no law, UAVG art. 40 excludes profiling).
    automatedDecisionNoException: 'prohibited',
    // Direct distinction on nationality or ethnic origin: allowed only in very exceptional cases.
    nationalityProfiling: 'prohibited',
    // AI Act Art. 5(1)(g) and 5(1)(f).
    biometricCategorisation: 'prohibited',
    emotionRecognitionWorkEducation: 'prohibited',
    // AI Act Art. 5(1)(d) and 5(1)(e).
    crimePredictionProfiling: 'prohibited',
    faceScraping: 'prohibited',
    noLegalBasis: 'conditional',
    providerDuties: 'conditional',
    selectionWithoutSpecificLaw: 'conditional',
    specialDataConsent: 'conditional',
    solelyAutomated: 'conditional',
    scoreDecidesInPractice: 'conditional',
    noHumanReview: 'conditional',
    protectedGroundUnjustified: 'conditional',
    socialScoring: 'conditional',
    biometricIdPublic: 'conditional',
    manipulationVulnerable: 'conditional',
    darkPatterns: 'conditional',
    emotionRecognitionHighRisk: 'conditional',
    noComplaintRoute: 'conditional',
    unexplainableSignificant: 'conditional',
    hiddenProfiling: 'conditional',
    dpiaMissing: 'conditional',
    lessIntrusiveAvailable: 'conditional',
    benefitNotOutweigh: 'conditional',
    severeHarmWeakOversight: 'risk',
    originDataInScoring: 'risk',
    proxiesUntested: 'risk',
    selfReinforcingBias: 'risk',
    biometricChildren: 'risk',
    biometricUntestedGroups: 'risk',
    sycophancyVulnerable: 'risk',
    severeHarmPossible: 'risk',
    childrenNotConsidered: 'risk',
    socialAIVulnerable: 'risk',
    noCrisisHandling: 'risk',
    noAlternativeForVulnerable: 'risk',
    childrenProfiling: 'risk',
    foreignAccessUnmitigated: 'risk',
    lockInCritical: 'risk',
    genaiUnchecked: 'risk',
    unprovenSerious: 'risk',
  },
  'quick-scan': {
    fullFriaRequired: 'conditional',
    dpiaLikelyRequired: 'conditional',
    automatedSignificant: 'conditional',
    noLegalBasis: 'conditional',
    selectionWithoutSpecificLaw: 'conditional',
    noHumanReview: 'conditional',
    originIndicators: 'risk',
    noAlternativeVulnerable: 'risk',
    intimateTechVulnerable: 'risk',
  },
};

const PROHIBITION = { nl: /verbod|verbied|verboden/i, en: /prohibit/i };
const CONDITION = { nl: /tenzij|\bkan\b|mogelijk|\bals\b/i, en: /unless|\bmay\b|\bif\b/i };

describe.each(['fria-core', 'quick-scan'] as const)('red flags of %s', (id) => {
  const q = loadQuestionnaire(id);
  const levels = q.levels.map((l) => l.id);
  const top = levels.length - 1;
  // The flags as written: a flag on the roadmap fires per right (flag@right) with the same kind.
  const flags = questionnaireSource(q).redFlags ?? [];

  it('each declare a kind (add new flags to the table above)', () => {
    expect(flags.map((f) => f.id).sort()).toEqual(Object.keys(KINDS[id]).sort());
  });

  it.each(flags.map((f) => [f.id, f] as const))('%s: level and wording follow its kind', (_, f) => {
    const kind = KINDS[id][f.id];
    const at = levels.indexOf(f.minLevel);
    for (const locale of ['nl', 'en'] as const) {
      const text = f.text[locale] ?? '';
      if (kind === 'prohibited') expect(text, locale).toMatch(PROHIBITION[locale]);
      if (kind === 'conditional' && PROHIBITION[locale].test(text)) {
        expect(text, locale).toMatch(CONDITION[locale]);
      }
      if (kind === 'risk') expect(text, locale).not.toMatch(PROHIBITION[locale]);
    }
    if (kind === 'prohibited') expect(at).toBe(top);
    if (kind === 'conditional') expect(at).toBeGreaterThanOrEqual(top - 1);
  });
});
