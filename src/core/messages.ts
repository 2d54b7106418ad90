/**
 * Plain-language messages for problems the core finds in files, in every UI language. They live
 * in the core (not in i18next) because the CLI and the PDF need them too.
 */
export type MessageParams = Record<string, string | number>;

const templates = {
  en: {
    notJson: 'The file is not valid JSON: {detail}',
    tooLarge: 'The file is too large ({size}); the limit is {limit}.',
    tooDeep: 'The file is nested too deeply (more than {limit} levels).',
    wrongType: 'Expected {expected} here, but found {received}.',
    missing: 'This field is required but missing.',
    unknownField: 'Unknown field "{key}". Check the spelling.',
    tooShort: 'Too short or too few: at least {minimum} expected.',
    tooLong: 'Too long or too many: at most {maximum} allowed.',
    tooSmall: 'Too small: at least {minimum} expected.',
    tooBig: 'Too large: at most {maximum} allowed.',
    badFormat: 'This value does not have the right form ({format}).',
    badChoice: 'This value is not allowed. Allowed: {allowed}.',
    unknownType: 'Unknown kind "{value}". Allowed: {allowed}.',
    invalid: 'This value is not valid.',
    duplicateId: 'The id "{id}" is used more than once ({kind}).',
    missingTranslation: 'The text in language "{locale}" is missing.',
    extraTranslation: 'Text in language "{locale}", which the questionnaire does not declare.',
    thresholdCount: 'There are {count} thresholds, but {levels} levels need exactly {expected}.',
    thresholdOrder:
      'The thresholds must go up step by step: {value} does not come after {previous}.',
    unknownLevel: 'Unknown level "{id}".',
    unknownDomain: 'Unknown domain "{id}".',
    bandRange: 'A risk band runs from low to high: min {min} is above max {max}.',
    bandOverlap: 'The risk bands overlap at {value}.',
    bandGap: 'No risk band covers the value {value}; together the bands must cover 1 to 25.',
    unknownQuestion: 'The condition refers to question "{id}", which does not exist.',
    forwardReference:
      'The condition refers to question "{id}", which comes later. A condition may only use earlier questions.',
    selfReference: 'The condition of question "{id}" refers to the question itself.',
    conditionType: 'Operator "{op}" cannot be used with question "{id}" of type {type}.',
    conditionValue: 'Question "{id}" has no option "{value}".',
    conditionValueType: 'Question "{id}" expects a {expected} value in this condition.',
    pointsDomain: 'Points for "{id}", which is not a domain of this questionnaire.',
    mitigationPoints: 'A mitigation question gives points only under "mitigation", not "{id}".',
    mitigationConfig:
      'There are mitigation questions, but no "mitigation" settings (or the other way round).',
    minAboveMax: 'The minimum {min} is above the maximum {max}.',
    newerFormat:
      'This file was made by a newer version of FRIA Wizard (format {found}; this app reads up to {supported}). Open it in the newer version. The file was not changed.',
    notAssessment: 'This is not a FRIA Wizard assessment file.',
    questionnaireMismatch:
      'The assessment belongs to questionnaire "{id}" version {version}, which is not available here and not embedded in the file.',
  },
  nl: {
    notJson: 'Het bestand is geen geldige JSON: {detail}',
    tooLarge: 'Het bestand is te groot ({size}); de grens is {limit}.',
    tooDeep: 'Het bestand is te diep genest (meer dan {limit} niveaus).',
    wrongType: 'Hier hoort {expected}, maar er staat {received}.',
    missing: 'Dit veld is verplicht, maar ontbreekt.',
    unknownField: 'Onbekend veld "{key}". Controleer de spelling.',
    tooShort: 'Te kort of te weinig: minstens {minimum} nodig.',
    tooLong: 'Te lang of te veel: hoogstens {maximum} toegestaan.',
    tooSmall: 'Te klein: minstens {minimum} nodig.',
    tooBig: 'Te groot: hoogstens {maximum} toegestaan.',
    badFormat: 'Deze waarde heeft niet de goede vorm ({format}).',
    badChoice: 'Deze waarde mag niet. Toegestaan: {allowed}.',
    unknownType: 'Onbekende soort "{value}". Toegestaan: {allowed}.',
    invalid: 'Deze waarde is niet geldig.',
    duplicateId: 'De id "{id}" komt meer dan één keer voor ({kind}).',
    missingTranslation: 'De tekst in de taal "{locale}" ontbreekt.',
    extraTranslation: 'Tekst in de taal "{locale}", die de vragenlijst niet noemt.',
    thresholdCount:
      'Er zijn {count} drempels, maar {levels} niveaus hebben er precies {expected} nodig.',
    thresholdOrder: 'De drempels moeten stap voor stap oplopen: {value} komt niet na {previous}.',
    unknownLevel: 'Onbekend niveau "{id}".',
    unknownDomain: 'Onbekend domein "{id}".',
    bandRange: 'Een risicoband loopt van laag naar hoog: min {min} is hoger dan max {max}.',
    bandOverlap: 'De risicobanden overlappen bij {value}.',
    bandGap:
      'Geen risicoband dekt de waarde {value}; samen moeten de banden 1 tot en met 25 dekken.',
    unknownQuestion: 'De voorwaarde verwijst naar vraag "{id}", maar die bestaat niet.',
    forwardReference:
      'De voorwaarde verwijst naar vraag "{id}", die later komt. Een voorwaarde mag alleen eerdere vragen gebruiken.',
    selfReference: 'De voorwaarde van vraag "{id}" verwijst naar de vraag zelf.',
    conditionType: 'De bewerking "{op}" past niet bij vraag "{id}" van het type {type}.',
    conditionValue: 'Vraag "{id}" heeft geen antwoordmogelijkheid "{value}".',
    conditionValueType:
      'Vraag "{id}" verwacht in deze voorwaarde een waarde van het soort {expected}.',
    pointsDomain: 'Punten voor "{id}", maar dat is geen domein van deze vragenlijst.',
    mitigationPoints:
      'Een vraag over maatregelen geeft alleen punten onder "mitigation", niet "{id}".',
    mitigationConfig:
      'Er zijn vragen over maatregelen, maar geen instellingen voor "mitigation" (of andersom).',
    minAboveMax: 'Het minimum {min} is hoger dan het maximum {max}.',
    newerFormat:
      'Dit bestand is gemaakt met een nieuwere versie van FRIA Wizard (formaat {found}; deze app leest tot en met {supported}). Open het in de nieuwere versie. Het bestand is niet veranderd.',
    notAssessment: 'Dit is geen beoordelingsbestand van FRIA Wizard.',
    questionnaireMismatch:
      'De beoordeling hoort bij vragenlijst "{id}" versie {version}. Die is hier niet beschikbaar en zit ook niet in het bestand.',
  },
} as const;

export type MessageCode = keyof (typeof templates)['en'];

const typeNames: Record<string, Record<string, string>> = {
  en: {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'nothing (null)',
    undefined: 'nothing',
    record: 'an object',
  },
  nl: {
    string: 'tekst',
    number: 'een getal',
    int: 'een heel getal',
    boolean: 'true of false',
    array: 'een lijst',
    object: 'een object',
    null: 'niets (null)',
    undefined: 'niets',
    record: 'een object',
  },
};

/** Locales the core has messages for. */
export const MESSAGE_LOCALES = Object.keys(templates) as (keyof typeof templates)[];

/** Formats a message in the given locale (English when the locale is unknown). */
export function formatMessage(code: MessageCode, params: MessageParams, locale: string): string {
  const set = (templates as Record<string, Record<MessageCode, string>>)[locale] ?? templates.en;
  const names = typeNames[locale] ?? typeNames.en!;
  return set[code].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    if ((k === 'expected' || k === 'received') && typeof v === 'string') return names[v] ?? v;
    return String(v);
  });
}
