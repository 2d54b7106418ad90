/**
 * The words of "why this level?" (explain.ts), one table per language with the same keys (a test
 * checks); `{name}` placeholders are filled by texts/template.ts.
 */
export const explainTexts = {
  en: {
    notAssessed: 'not assessed',
    yes: 'Yes',
    no: 'No',
    answer: '{question}: {options} → {got} of {max} {max|point|points}',
    unanswered: '{question}: not answered yet → 0 of {max} {max|point|points} (provisional)',
    hidden:
      '{question}: not shown → 0 of {max} {max|point|points} (this questionnaire counts every question in the maximum)',
    rounded: '{from} rounded to {decimals} decimals: {to}',
    notApplicable:
      '{question}: not applicable → left out of the maximum ({max} {max|point|points} fewer possible). Reason: {reason}',
    ratio: 'Total {raw} of {max} {max|point|points} = {ratio}',
    mitigationApplied:
      'Credit for measures: {raw} of {max} {max|point|points}{share}, at least the {threshold} needed → score {reduction} lower (× {factor}): {ratio}',
    mitigationNotApplied:
      'Credit for measures: {raw} of {max} {max|point|points}{share}, less than the {threshold} needed → no credit',
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
    answer: '{question}: {options} → {got} van {max} {max|punt|punten}',
    unanswered: '{question}: nog niet beantwoord → 0 van {max} {max|punt|punten} (voorlopig)',
    hidden:
      '{question}: niet getoond → 0 van {max} {max|punt|punten} (deze vragenlijst telt elke vraag mee in het maximum)',
    rounded: '{from} afgerond op {decimals} decimalen: {to}',
    notApplicable:
      '{question}: niet van toepassing → telt niet mee in het maximum ({max} {max|punt|punten} minder mogelijk). Reden: {reason}',
    ratio: 'Totaal {raw} van {max} {max|punt|punten} = {ratio}',
    mitigationApplied:
      'Korting voor maatregelen: {raw} van {max} {max|punt|punten}{share}, minstens de nodige {threshold} → score {reduction} lager (× {factor}): {ratio}',
    mitigationNotApplied:
      'Korting voor maatregelen: {raw} van {max} {max|punt|punten}{share}, minder dan de nodige {threshold} → geen korting',
    thresholds: '{ratio} vergeleken met de drempels {thresholds} → {level}',
    redFlag: 'Rode vlag “{name}” (door {by}): minstens {level}{raised}',
    redFlagRaised: ' → niveau verhoogd',
    register: 'Risicoregister: hoogste restrisico {product} ({risk}) → {level}',
    override: 'Aangepast van {from} naar {to}. Reden: {justification}',
  },
} as const;

export type ExplainTextKey = keyof (typeof explainTexts)['en'];
