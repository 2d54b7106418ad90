/**
 * The words of "why this level?" (explain.ts), one table per language with the same keys (a test
 * checks); `{name}` placeholders are filled by texts/template.ts.
 */
export const explainTexts = {
  en: {
    notAssessed: 'not assessed',
    yes: 'Yes',
    no: 'No',
    answer: '{question}: {options} → {got} of {max} points',
    unanswered: '{question}: not answered yet → 0 of {max} points (provisional)',
    ratio: 'Total {raw} of {max} points = {ratio}',
    mitigationApplied:
      'Credit for measures: {raw} of {max} points{share}, at least the {threshold} needed → score {reduction} lower (× {factor}): {ratio}',
    mitigationNotApplied:
      'Credit for measures: {raw} of {max} points{share}, less than the {threshold} needed → no credit',
    thresholds: '{ratio} compared with the thresholds {thresholds} → {level}',
    redFlag: 'Red flag “{name}” (from {by}): at least {level}{raised}',
    redFlagRaised: ' → level raised',
    register: 'Risk register: highest residual risk {product} ({risk}) → {level}',
    override: 'Overridden from {from} to {to}. Reason: {justification}',
  },
  nl: {
    notAssessed: 'niet beoordeeld',
    yes: 'Ja',
    no: 'Nee',
    answer: '{question}: {options} → {got} van {max} punten',
    unanswered: '{question}: nog niet beantwoord → 0 van {max} punten (voorlopig)',
    ratio: 'Totaal {raw} van {max} punten = {ratio}',
    mitigationApplied:
      'Korting voor maatregelen: {raw} van {max} punten{share}, minstens de nodige {threshold} → score {reduction} lager (× {factor}): {ratio}',
    mitigationNotApplied:
      'Korting voor maatregelen: {raw} van {max} punten{share}, minder dan de nodige {threshold} → geen korting',
    thresholds: '{ratio} vergeleken met de drempels {thresholds} → {level}',
    redFlag: 'Rode vlag “{name}” (door {by}): minstens {level}{raised}',
    redFlagRaised: ' → niveau verhoogd',
    register: 'Risicoregister: hoogste restrisico {product} ({risk}) → {level}',
    override: 'Aangepast van {from} naar {to}. Reden: {justification}',
  },
} as const;

export type ExplainTextKey = keyof (typeof explainTexts)['en'];
