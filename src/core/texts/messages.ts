/**
 * Plain-language messages for problems the core finds in files, in every UI language. They live
 * in the core (not in i18next) because the CLI and the PDF need them too.
 */
import { formatSize } from './format';
import { fillTemplate } from './template';

export type MessageParams = Record<string, string | number>;

/** The file-problem texts, one table per language (the same keys in each: a test checks). */
export const messageTemplates = {
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
    tooSmallExclusive: 'Too small: it must be above {minimum}.',
    tooBigExclusive: 'Too large: it must be below {maximum}.',
    badFormat: 'This value does not have the right form. Expected: {format}.',
    badChoice: 'This value is not allowed. Allowed: {allowed}.',
    unknownType: 'Unknown kind "{value}". Allowed: {allowed}.',
    invalid: 'This value is not valid.',
    duplicateId: 'The id "{id}" is used more than once ({kind}).',
    reservedId:
      'The id "{id}" ({kind}) cannot be used: it is a name JavaScript gives every object. Choose another id.',
    reservedDomain:
      'A domain cannot be called "{id}": red flags use that word for the assessment as a whole. Choose another id.',
    missingTranslation: 'The text in language "{locale}" is missing.',
    extraTranslation: 'Text in language "{locale}", which the questionnaire does not declare.',
    thresholdCount: 'Number of thresholds: {count}, but {levels} levels need exactly {expected}.',
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
    conditionValueType: 'In this condition, question "{id}" expects {expected} as the value.',
    pointsDomain: 'Points for "{id}", which is not a domain of this questionnaire.',
    countBounds: 'A "count" condition on question "{id}" needs a "min", a "max" or both.',
    rangeOverlap: 'Range {index} overlaps range {other}: a number may fall in one range only.',
    englishCitation:
      'This Dutch text cites in English ("{found}"). Use the Dutch form, such as AVG art. 6 lid 1 onder e, EVRM, Handvest or AI-verordening.',
    levelRoleUnknown:
      'Level "{level}" requires the sign-off role "{id}", but signOff.roles has no role with that id.',
    requiredRoleNoRoles:
      'Level "{level}" requires the sign-off role "{id}", but the questionnaire declares no sign-off roles. Add them under signOff.roles.',
    notApplicableMitigation:
      'Question "{id}" is about measures (mitigation) and cannot allow "not applicable": that would give credit for measures nobody took.',
    notApplicableCondition:
      'Question "{id}" cannot allow "not applicable": a condition or a red flag uses its answer.',
    riskOnMitigation:
      'Question "{id}" is about measures (mitigation) and never proposes a risk, so its risk text would never be shown. Remove it.',
    unscoredDomain:
      'Domain "{id}" can never get a level from the answers: no question gives it points and no red flag names it. Give it points, or remove the domain.',
    bandsFall:
      'The risk bands must rise with likelihood × severity: {high} gets level "{highLevel}", lower than "{lowLevel}" for {low}.',
    repeatUnknown:
      'Section "{section}" repeats for question "{id}", but the questionnaire has no question with that id.',
    repeatNotBefore:
      'Section "{section}" repeats for question "{id}", which is not asked before it. The question whose answers make the repeats must come earlier, in another section.',
    repeatNotMulti:
      'A section can only repeat for a multiple-choice question (once per option chosen); question "{id}" is of type {type}.',
    repeatNested:
      'Section "{section}" repeats for question "{id}", which is itself in a repeating section. Repeats cannot be nested.',
    repeatNoOptions:
      'Question "{id}" has no option to repeat for: every option is exclusive ("None of these"), and exclusive options get no repeat.',
    allExclusive:
      'Every option of question "{id}" is exclusive. An exclusive option ("None of these") is chosen on its own; the question needs at least one option that is not.',
    exclusiveNotMulti:
      'Only options of a multiple-choice question can be exclusive; question "{id}" is of type {type}, where one option is chosen anyway.',
    mitigationPoints: 'A mitigation question gives points only under "mitigation", not "{id}".',
    mitigationConfig:
      'There are mitigation questions, but no "mitigation" settings (or the other way round).',
    minAboveMax: 'The minimum {min} is above the maximum {max}.',
    carrySelf:
      'Carry-over into "{id}": a questionnaire carries answers into another questionnaire, not into itself.',
    carryTwice:
      'Carry-over: question "{id}" of "{target}" is filled twice. Each question there is filled from one question here.',
    carryUnknownTarget: 'Carry-over: questionnaire "{target}" has no question "{id}".',
    carryTypes:
      'Carry-over: question "{from}" (type {fromType}) cannot fill question "{to}" (type {toType}). Text fills text, a choice or yes/no fills a choice or yes/no, multiple choice fills multiple choice, a number a number, a date a date.',
    carryOptionTarget: 'Carry-over: question "{id}" of "{target}" has no answer "{value}".',
    carryOptionMissing:
      'Carry-over: the answer "{value}" of question "{from}" has no answer of the same id in question "{id}" of "{target}". Map it under "options", or map it to null to leave it out.',
    newerFormat:
      'This file was made by a newer version of FRIA Wizard (format {found}; this app reads up to {supported}). Open it in the newer version. The file was not changed.',
    notAssessment: 'This is not a FRIA Wizard assessment file.',
    questionnaireMismatch:
      'The assessment belongs to questionnaire "{id}" version {version}, which is not available here and not embedded in the file.',
    embeddedQuestionnaireInvalid:
      'The questionnaire embedded in this assessment ("{id}" {version}) is not valid, so it is not used: nothing is scored with it. The problems found follow.',
    chosenQuestionnaireInvalid:
      'The questionnaire chosen for this assessment is not valid, so it is not used: nothing is scored with it. The problems found follow.',
    builtinQuestionnaireInvalid:
      'The built-in questionnaire "{id}" is not valid, so it is not used: nothing is scored with it. The problems found follow.',
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
    tooSmallExclusive: 'Te klein: het moet meer zijn dan {minimum}.',
    tooBigExclusive: 'Te groot: het moet minder zijn dan {maximum}.',
    badFormat: 'Deze waarde heeft niet de goede vorm. Verwacht: {format}.',
    badChoice: 'Deze waarde mag niet. Toegestaan: {allowed}.',
    unknownType: 'Onbekende soort "{value}". Toegestaan: {allowed}.',
    invalid: 'Deze waarde is niet geldig.',
    duplicateId: 'De id "{id}" komt meer dan één keer voor ({kind}).',
    reservedId:
      'De id "{id}" ({kind}) kan niet: JavaScript geeft elk object al iets met die naam. Kies een andere id.',
    reservedDomain:
      'Een domein kan niet "{id}" heten: rode vlaggen gebruiken dat woord voor de hele beoordeling. Kies een andere id.',
    missingTranslation: 'De tekst in de taal "{locale}" ontbreekt.',
    extraTranslation: 'Tekst in de taal "{locale}", die de vragenlijst niet noemt.',
    thresholdCount:
      'Aantal drempels: {count}, maar {levels} niveaus hebben er precies {expected} nodig.',
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
    conditionValueType: 'In deze voorwaarde verwacht vraag "{id}" {expected} als waarde.',
    pointsDomain: 'Punten voor "{id}", maar dat is geen domein van deze vragenlijst.',
    countBounds:
      'Een voorwaarde "count" op vraag "{id}" heeft een "min", een "max" of allebei nodig.',
    rangeOverlap:
      'Bereik {index} overlapt met bereik {other}: een getal mag maar in één bereik vallen.',
    englishCitation:
      'Deze Nederlandse tekst verwijst in het Engels ("{found}"). Gebruik de Nederlandse vorm, zoals AVG art. 6 lid 1 onder e, EVRM, Handvest of AI-verordening.',
    levelRoleUnknown:
      'Niveau "{level}" vraagt de ondertekenrol "{id}", maar onder signOff.roles staat geen rol met die id.',
    requiredRoleNoRoles:
      'Niveau "{level}" vraagt de ondertekenrol "{id}", maar de vragenlijst noemt geen ondertekenrollen. Zet ze onder signOff.roles.',
    notApplicableMitigation:
      'Vraag "{id}" gaat over maatregelen en kan geen "niet van toepassing" toestaan: dan telt korting voor maatregelen die niemand nam.',
    notApplicableCondition:
      'Vraag "{id}" kan geen "niet van toepassing" toestaan: een voorwaarde of een rode vlag gebruikt het antwoord.',
    riskOnMitigation:
      'Vraag "{id}" gaat over maatregelen en stelt nooit een risico voor. Een risicotekst daar ziet niemand. Haal hem weg.',
    unscoredDomain:
      'Domein "{id}" kan nooit een niveau krijgen uit de antwoorden: geen vraag geeft het punten en geen rode vlag noemt het. Geef het punten, of haal het domein weg.',
    bandsFall:
      'De risicoklassen moeten oplopen met kans × ernst: {high} krijgt niveau "{highLevel}", lager dan "{lowLevel}" bij {low}.',
    repeatUnknown:
      'Onderdeel "{section}" herhaalt voor vraag "{id}", maar de vragenlijst heeft geen vraag met die id.',
    repeatNotBefore:
      'Onderdeel "{section}" herhaalt voor vraag "{id}", maar die vraag komt er niet vóór. De vraag waarvan de antwoorden de herhalingen maken, moet eerder komen, in een ander onderdeel.',
    repeatNotMulti:
      'Een onderdeel kan alleen herhalen voor een vraag met meer antwoorden (één keer per gekozen antwoord); vraag "{id}" is van het soort {type}.',
    repeatNested:
      'Onderdeel "{section}" herhaalt voor vraag "{id}", maar die vraag staat zelf in een onderdeel dat herhaalt. Herhalingen binnen herhalingen kunnen niet.',
    repeatNoOptions:
      'Vraag "{id}" heeft geen antwoord om voor te herhalen: elk antwoord staat alleen ("Geen van deze"), en daarvoor wordt niet herhaald.',
    allExclusive:
      'Alle keuzes van vraag "{id}" staan op "alleen". Een keuze die alleen staat ("Geen van deze") kiest men zonder andere; de vraag heeft minstens één andere keuze nodig.',
    exclusiveNotMulti:
      'Alleen keuzes van een vraag met meer antwoorden kunnen alleen staan; vraag "{id}" is van het soort {type}, waar men toch maar één keuze maakt.',
    mitigationPoints:
      'Een vraag over maatregelen geeft alleen punten onder "mitigation", niet "{id}".',
    mitigationConfig:
      'Er zijn vragen over maatregelen, maar geen instellingen voor "mitigation" (of andersom).',
    minAboveMax: 'Het minimum {min} is hoger dan het maximum {max}.',
    carrySelf:
      'Overnemen naar "{id}": een vragenlijst geeft antwoorden door aan een andere vragenlijst, niet aan zichzelf.',
    carryTwice:
      'Overnemen: vraag "{id}" van "{target}" wordt twee keer gevuld. Elke vraag daar krijgt het antwoord van één vraag hier.',
    carryUnknownTarget: 'Overnemen: vragenlijst "{target}" heeft geen vraag "{id}".',
    carryTypes:
      'Overnemen: vraag "{from}" (soort {fromType}) kan vraag "{to}" (soort {toType}) niet vullen. Tekst vult tekst, een keuze of ja/nee vult een keuze of ja/nee, meer keuzes vult meer keuzes, een getal een getal, een datum een datum.',
    carryOptionTarget: 'Overnemen: vraag "{id}" van "{target}" heeft geen antwoord "{value}".',
    carryOptionMissing:
      'Overnemen: het antwoord "{value}" van vraag "{from}" heeft geen antwoord met dezelfde id bij vraag "{id}" van "{target}". Geef het onder "options" een antwoord daar, of null om het niet over te nemen.',
    newerFormat:
      'Dit bestand is gemaakt met een nieuwere versie van FRIA Wizard (formaat {found}; deze app leest tot en met {supported}). Open het in de nieuwere versie. Het bestand is niet veranderd.',
    notAssessment: 'Dit is geen beoordelingsbestand van FRIA Wizard.',
    questionnaireMismatch:
      'De beoordeling hoort bij vragenlijst "{id}" versie {version}. Die is hier niet beschikbaar en zit ook niet in het bestand.',
    embeddedQuestionnaireInvalid:
      'De vragenlijst in deze beoordeling ("{id}" {version}) klopt niet. Daarom wordt hij niet gebruikt: er wordt niets mee berekend. Hieronder staat wat er mis is.',
    chosenQuestionnaireInvalid:
      'De gekozen vragenlijst klopt niet. Daarom wordt hij niet gebruikt: er wordt niets mee berekend. Hieronder staat wat er mis is.',
    builtinQuestionnaireInvalid:
      'De ingebouwde vragenlijst "{id}" klopt niet. Daarom wordt hij niet gebruikt: er wordt niets mee berekend. Hieronder staat wat er mis is.',
  },
} as const;

export type MessageCode = keyof (typeof messageTemplates)['en'];

const typeNames: Record<string, Record<string, string>> = {
  en: {
    string: 'text',
    number: 'a number',
    decimal: 'a number with decimals',
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
    decimal: 'een getal met decimalen',
    int: 'een heel getal',
    boolean: 'true of false',
    array: 'een lijst',
    object: 'een object',
    null: 'niets (null)',
    undefined: 'niets',
    record: 'een object',
  },
};

// The kind of thing whose id is duplicated ("duplicateId"); the code passes the English word.
const kindNames: Record<string, Record<string, string>> = {
  en: {},
  nl: {
    domain: 'domein',
    level: 'niveau',
    section: 'onderdeel',
    'red flag': 'rode vlag',
    measure: 'maatregel',
    role: 'rol',
    question: 'vraag',
    option: 'antwoordmogelijkheid',
    obligation: 'verplichting',
    target: 'doel',
  },
};

// Named formats of "badFormat" (the message of a regex in the schema), said in plain words.
const formatNames: Record<string, Record<string, string>> = {
  en: {
    id: 'an id of up to 80 letters, digits, "-", "_" or ".", starting with a letter (not "constructor" or "prototype")',
    semver: 'a version such as 1.2.0',
    locale: 'a language code such as nl or en',
    colour: 'a colour such as #1a5fb4',
    tag: 'a short code such as ai-act-27-c or iama-2',
    date: 'a date such as 2025-03-31',
    regex: 'the expected pattern',
  },
  nl: {
    id: 'een id van hoogstens 80 letters, cijfers, "-", "_" of ".", beginnend met een letter (niet "constructor" of "prototype")',
    semver: 'een versie zoals 1.2.0',
    locale: 'een taalcode zoals nl of en',
    colour: 'een kleur zoals #1a5fb4',
    tag: 'een korte code zoals ai-act-27-c of iama-2',
    date: 'een datum zoals 2025-03-31',
    regex: 'het verwachte patroon',
  },
};

/** Locales the core has messages for. */
export const MESSAGE_LOCALES = Object.keys(messageTemplates) as (keyof typeof messageTemplates)[];

/** Formats a message in the given locale (English when the locale is unknown). */
export function formatMessage(code: MessageCode, params: MessageParams, locale: string): string {
  const set =
    (messageTemplates as Record<string, Record<MessageCode, string>>)[locale] ??
    messageTemplates.en;
  const known = locale in messageTemplates ? locale : 'en';
  const names = typeNames[known]!;
  return fillTemplate(set[code], params, {
    format: (k, v) => {
      if (code === 'tooLarge' && typeof v === 'number') return formatSize(v, known);
      if (typeof v === 'string') {
        if (k === 'expected' || k === 'received') return names[v] ?? v;
        if (k === 'kind') return kindNames[known]![v] ?? v;
        if (k === 'format') return formatNames[known]![v] ?? v;
      }
      return String(v);
    },
  });
}
