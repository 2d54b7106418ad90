import { describe, expect, it } from 'vitest';
import {
  validateQuestionnaire,
  validateQuestionnaireText,
} from '../../../src/core/questionnaire/validate';
import { problemText, type FileProblem } from '../../../src/core/files/safe-json';
import { MESSAGE_LOCALES } from '../../../src/core/texts/messages';
import { miniData } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests break the mini questionnaire on purpose */
type Data = any;

/** The mini questionnaire, changed by `edit`, validated. */
function problemsAfter(edit: (q: Data) => void): FileProblem[] {
  const q = miniData();
  edit(q);
  const r = validateQuestionnaire(q);
  expect(r.valid).toBe(r.problems.length === 0);
  return r.problems;
}

/** Exactly one problem, with this path and this text in English and Dutch. */
function expectOne(edit: (q: Data) => void, path: string, en: string, nl: string) {
  const problems = problemsAfter(edit);
  expect(problems.map((p) => [p.path, problemText(p, 'en'), problemText(p, 'nl')])).toEqual([
    [path, en, nl],
  ]);
  expect(problems[0]!.message).toBe(en);
}

// Section/question positions in the mini questionnaire (tests/fixtures/mini-questionnaire.json):
// sections[0] context: purpose (longText), personalData (yesNo)
// sections[1] privacy (if personalData = yes): dataKinds (multi), legalGround (single), groundText
// sections[2] decisions: automated (scale), usersPerYear (number), startDate (date)
const Q = (s: number, i: number) => (q: Data) => q.sections[s].questions[i];

describe('the mini questionnaire', () => {
  it('is valid', () => {
    const r = validateQuestionnaire(miniData());
    expect(r.problems).toEqual([]);
    expect(r.valid).toBe(true);
  });
});

describe('schema problems, with path and plain text in en and nl', () => {
  it('wrong type', () => {
    expectOne(
      (q) => (q.version = 1),
      'version',
      'Expected text here, but found a number.',
      'Hier hoort tekst, maar er staat een getal.',
    );
    expectOne(
      (q) => (Q(0, 0)(q).label = 'Purpose'),
      'sections[0].questions[0].label',
      'Expected an object here, but found text.',
      'Hier hoort een object, maar er staat tekst.',
    );
    expectOne(
      (q) => (Q(0, 1)(q).yesPoints.privacy = 1.5),
      'sections[0].questions[1].yesPoints.privacy',
      'Expected a whole number here, but found a number with decimals.',
      'Hier hoort een heel getal, maar er staat een getal met decimalen.',
    );
  });

  it('the whole file of the wrong kind', () => {
    for (const [value, en] of [
      [null, 'nothing (null)'],
      [[], 'a list'],
      ['text', 'text'],
    ] as const) {
      const r = validateQuestionnaire(value);
      expect(r.problems.map((p) => [p.path, p.message])).toEqual([
        ['', `Expected an object here, but found ${en}.`],
      ]);
    }
  });

  it('unknown field', () => {
    expectOne(
      (q) => (Q(0, 0)(q).colour = 'red'),
      'sections[0].questions[0].colour',
      'Unknown field "colour". Check the spelling.',
      'Onbekend veld "colour". Controleer de spelling.',
    );
  });

  it('missing field', () => {
    expectOne(
      (q) => delete Q(1, 0)(q).label,
      'sections[1].questions[0].label',
      'This field is required but missing.',
      'Dit veld is verplicht, maar ontbreekt.',
    );
    expectOne(
      (q) => delete q.redFlags[1].when.value,
      'redFlags[1].when.value',
      'This field is required but missing.',
      'Dit veld is verplicht, maar ontbreekt.',
    );
  });

  it('unknown question type and condition operator', () => {
    expectOne(
      (q) => (Q(2, 0)(q).type = 'slider'),
      'sections[2].questions[0].type',
      'Unknown kind "slider". Allowed: singleChoice, multiChoice, scale, yesNo, shortText, longText, number, date.',
      'Onbekende soort "slider". Toegestaan: singleChoice, multiChoice, scale, yesNo, shortText, longText, number, date.',
    );
    expectOne(
      (q) => (q.redFlags[1].when.op = 'matches'),
      'redFlags[1].when.op',
      'Unknown kind "matches". Allowed: equals, notEquals, in, includes, answered, notAnswered, gt, gte, lt, lte, count, before, after, all, any, not.',
      'Onbekende soort "matches". Toegestaan: equals, notEquals, in, includes, answered, notAnswered, gt, gte, lt, lte, count, before, after, all, any, not.',
    );
  });

  it('bad formats are explained, not named by a technical word', () => {
    expectOne(
      (q) => (q.version = '1.0'),
      'version',
      'This value does not have the right form. Expected: a version such as 1.2.0.',
      'Deze waarde heeft niet de goede vorm. Verwacht: een versie zoals 1.2.0.',
    );
    expectOne(
      (q) => (q.levels[0].color = 'green'),
      'levels[0].color',
      'This value does not have the right form. Expected: a colour such as #1a5fb4.',
      'Deze waarde heeft niet de goede vorm. Verwacht: een kleur zoals #1a5fb4.',
    );
    expectOne(
      (q) => (Q(0, 0)(q).id = '1st'),
      'sections[0].questions[0].id',
      'This value does not have the right form. Expected: an id of up to 80 letters, digits, "-", "_" or ".", starting with a letter (not "constructor" or "prototype").',
      'Deze waarde heeft niet de goede vorm. Verwacht: een id van hoogstens 80 letters, cijfers, "-", "_" of ".", beginnend met een letter (niet "constructor" of "prototype").',
    );
  });

  it('ids that the safe reader would drop as keys are refused', () => {
    // Answers are stored under question ids; "constructor" would vanish on reload.
    for (const id of ['constructor', 'prototype']) {
      const problems = problemsAfter((q) => (Q(0, 0)(q).id = id));
      expect(problems.map((p) => [p.path, p.code])).toEqual([
        ['sections[0].questions[0].id', 'badFormat'],
      ]);
    }
    // Only the exact words: ids that merely start with them are fine.
    expect(problemsAfter((q) => (Q(0, 0)(q).id = 'constructorName'))).toEqual([]);
  });

  it('exclusive bounds say "above" / "below", not "at least"', () => {
    expectOne(
      (q) => (q.thresholds = [0.25, 0.5, 1]),
      'thresholds[2]',
      'Too large: it must be below 1.',
      'Te groot: het moet minder zijn dan 1.',
    );
    expectOne(
      (q) => (q.thresholds = [0, 0.5, 0.75]),
      'thresholds[0]',
      'Too small: it must be above 0.',
      'Te klein: het moet meer zijn dan 0.',
    );
    expectOne(
      (q) => (Q(0, 1)(q).yesPoints.privacy = -1),
      'sections[0].questions[1].yesPoints.privacy',
      'Too small: at least 0 expected.',
      'Te klein: minstens 0 nodig.',
    );
  });

  it('a value outside a fixed list', () => {
    expectOne(
      (q) => (q.aggregation = 'median'),
      'aggregation',
      'This value is not allowed. Allowed: "max", "mean".',
      'Deze waarde mag niet. Toegestaan: "max", "mean".',
    );
  });

  it('too few items', () => {
    expectOne(
      (q) => (q.sections[2].questions = []),
      'sections[2].questions',
      'Too short or too few: at least 1 expected.',
      'Te kort of te weinig: minstens 1 nodig.',
    );
  });
});

describe('semantic problems, with path and plain text in en and nl', () => {
  it('condition: unknown question', () => {
    expectOne(
      (q) => (q.redFlags[1].when.question = 'ghost'),
      'redFlags[1].when.question',
      'The condition refers to question "ghost", which does not exist.',
      'De voorwaarde verwijst naar vraag "ghost", maar die bestaat niet.',
    );
  });

  it('condition: forward reference (question and section)', () => {
    expectOne(
      (q) => (Q(1, 0)(q).condition = { op: 'answered', question: 'automated' }),
      'sections[1].questions[0].condition.question',
      'The condition refers to question "automated", which comes later. A condition may only use earlier questions.',
      'De voorwaarde verwijst naar vraag "automated", die later komt. Een voorwaarde mag alleen eerdere vragen gebruiken.',
    );
    // A section condition may not use the section's own questions either.
    expectOne(
      (q) => (q.sections[1].condition = { op: 'answered', question: 'dataKinds' }),
      'sections[1].condition.question',
      'The condition refers to question "dataKinds", which comes later. A condition may only use earlier questions.',
      'De voorwaarde verwijst naar vraag "dataKinds", die later komt. Een voorwaarde mag alleen eerdere vragen gebruiken.',
    );
  });

  it('condition: self reference', () => {
    expectOne(
      (q) =>
        (Q(2, 1)(q).condition = {
          op: 'not',
          condition: { op: 'gt', question: 'usersPerYear', value: 3 },
        }),
      'sections[2].questions[1].condition.condition.question',
      'The condition of question "usersPerYear" refers to the question itself.',
      'De voorwaarde van vraag "usersPerYear" verwijst naar de vraag zelf.',
    );
  });

  it('condition: operator does not fit the question type', () => {
    expectOne(
      (q) => (Q(2, 0)(q).condition = { op: 'gt', question: 'legalGround', value: 1 }),
      'sections[2].questions[0].condition.op',
      'Operator "gt" cannot be used with question "legalGround" of type singleChoice.',
      'De bewerking "gt" past niet bij vraag "legalGround" van het type singleChoice.',
    );
    expectOne(
      (q) => (Q(2, 0)(q).condition = { op: 'includes', question: 'legalGround', value: 'no' }),
      'sections[2].questions[0].condition.op',
      'Operator "includes" cannot be used with question "legalGround" of type singleChoice.',
      'De bewerking "includes" past niet bij vraag "legalGround" van het type singleChoice.',
    );
    // "in" over a multi choice is one problem, not one per listed value.
    const problems = problemsAfter(
      (q) =>
        (Q(2, 0)(q).condition = { op: 'in', question: 'dataKinds', values: ['health', 'contact'] }),
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['sections[2].questions[0].condition.op', 'conditionType'],
    ]);
    expect(
      problemsAfter(
        (q) => (Q(2, 0)(q).condition = { op: 'equals', question: 'dataKinds', value: 'health' }),
      ).map((p) => p.code),
    ).toEqual(['conditionType']);
  });

  it('condition: value of the wrong type for the question', () => {
    expectOne(
      (q) => (q.sections[1].condition.value = 'yes'),
      'sections[1].condition.value',
      'In this condition, question "personalData" expects true or false as the value.',
      'In deze voorwaarde verwacht vraag "personalData" true of false als waarde.',
    );
    expectOne(
      (q) => (Q(2, 2)(q).condition = { op: 'equals', question: 'usersPerYear', value: '10' }),
      'sections[2].questions[2].condition.value',
      'In this condition, question "usersPerYear" expects a number as the value.',
      'In deze voorwaarde verwacht vraag "usersPerYear" een getal als waarde.',
    );
    expectOne(
      (q) => (Q(2, 0)(q).condition = { op: 'in', question: 'legalGround', values: ['no', 2] }),
      'sections[2].questions[0].condition.values[1]',
      'In this condition, question "legalGround" expects text as the value.',
      'In deze voorwaarde verwacht vraag "legalGround" tekst als waarde.',
    );
  });

  it('condition: option that does not exist', () => {
    expectOne(
      (q) => (q.redFlags[0].when.conditions[0].value = 'genetic'),
      'redFlags[0].when.conditions[0].value',
      'Question "dataKinds" has no option "genetic".',
      'Vraag "dataKinds" heeft geen antwoordmogelijkheid "genetic".',
    );
    expectOne(
      (q) => (Q(1, 2)(q).condition.value = 'maybe'),
      'sections[1].questions[2].condition.value',
      'Question "legalGround" has no option "maybe".',
      'Vraag "legalGround" heeft geen antwoordmogelijkheid "maybe".',
    );
  });

  it('duplicate ids: question, option, domain, and the rest', () => {
    expectOne(
      (q) => (Q(2, 2)(q).id = 'purpose'),
      'sections[2].questions[2].id',
      'The id "purpose" is used more than once (question).',
      'De id "purpose" komt meer dan één keer voor (vraag).',
    );
    expectOne(
      (q) => (Q(1, 1)(q).options[1].id = 'yes'),
      'sections[1].questions[1].options[1].id',
      'The id "yes" is used more than once (option).',
      'De id "yes" komt meer dan één keer voor (antwoordmogelijkheid).',
    );
    expectOne(
      (q) => q.domains.push({ id: 'privacy', label: { nl: 'P', en: 'P' } }),
      'domains[3].id',
      'The id "privacy" is used more than once (domain).',
      'De id "privacy" komt meer dan één keer voor (domein).',
    );
    const more = problemsAfter((q) => {
      q.sections[2].id = 'context';
      q.redFlags[1].id = 'specialNoGround';
      q.levels[3].id = 'high';
      q.riskBands[3].level = 'high';
      q.redFlags[0].minLevel = 'high';
    });
    expect(more.map((p) => [p.path, problemText(p, 'nl')])).toEqual([
      ['levels[3].id', 'De id "high" komt meer dan één keer voor (niveau).'],
      ['sections[2].id', 'De id "context" komt meer dan één keer voor (onderdeel).'],
      ['redFlags[1].id', 'De id "specialNoGround" komt meer dan één keer voor (rode vlag).'],
    ]);
  });

  it('missing and extra translations', () => {
    expectOne(
      (q) => delete Q(0, 0)(q).help.nl,
      'sections[0].questions[0].help.nl',
      'The text in language "nl" is missing.',
      'De tekst in de taal "nl" ontbreekt.',
    );
    expectOne(
      (q) => (Q(1, 1)(q).options[0].label.en = '   '),
      'sections[1].questions[1].options[0].label.en',
      'The text in language "en" is missing.',
      'De tekst in de taal "en" ontbreekt.',
    );
    expectOne(
      (q) => (q.title.de = 'Mini-Fragebogen'),
      'title.de',
      'Text in language "de", which the questionnaire does not declare.',
      'Tekst in de taal "de", die de vragenlijst niet noemt.',
    );
    // A declared third locale is missing everywhere: one problem per text, each with its path.
    const fr = problemsAfter((q) => q.locales.push('fr'));
    expect(fr.length).toBeGreaterThan(30);
    expect(fr.every((p) => p.code === 'missingTranslation' && p.path.endsWith('.fr'))).toBe(true);
    expect(fr.map((p) => p.path)).toContain('redFlags[1].text.fr');
    expect(fr.map((p) => p.path)).toContain('sections[1].questions[0].options[2].label.fr');
  });

  it('thresholds: count and order', () => {
    expectOne(
      (q) => (q.thresholds = [0.25, 0.5]),
      'thresholds',
      'Number of thresholds: 2, but 4 levels need exactly 3.',
      'Aantal drempels: 2, maar 4 niveaus hebben er precies 3 nodig.',
    );
    expectOne(
      (q) => (q.thresholds = [0.25, 0.75, 0.5]),
      'thresholds[2]',
      'The thresholds must go up step by step: 0.5 does not come after 0.75.',
      'De drempels moeten stap voor stap oplopen: 0.5 komt niet na 0.75.',
    );
    // Equal thresholds do not go up either.
    expect(problemsAfter((q) => (q.thresholds = [0.25, 0.5, 0.5])).map((p) => p.path)).toEqual([
      'thresholds[2]',
    ]);
  });

  it('risk bands: gap, overlap, reversed, unknown level', () => {
    expectOne(
      (q) => (q.riskBands[1].min = 6),
      'riskBands',
      'No risk band covers the value 5; together the bands must cover 1 to 25.',
      'Geen risicoband dekt de waarde 5; samen moeten de banden 1 tot en met 25 dekken.',
    );
    expectOne(
      (q) => (q.riskBands[1].min = 4),
      'riskBands',
      'The risk bands overlap at 4.',
      'De risicobanden overlappen bij 4.',
    );
    expectOne(
      (q) => (q.riskBands[3].level = 'extreme'),
      'riskBands[3].level',
      'Unknown level "extreme".',
      'Onbekend niveau "extreme".',
    );
    const reversed = problemsAfter((q) => (q.riskBands[2] = { min: 16, max: 10, level: 'high' }));
    expect(reversed.map((p) => [p.path, p.message])).toEqual([
      ['riskBands[2]', 'A risk band runs from low to high: min 16 is above max 10.'],
      ['riskBands', 'No risk band covers the value 10; together the bands must cover 1 to 25.'],
    ]);
    // Every gap and overlap at once, each at its first value.
    const many = problemsAfter((q) => {
      q.riskBands = [
        { min: 1, max: 4, level: 'low' },
        { min: 4, max: 9, level: 'medium' },
        { min: 12, max: 20, level: 'high' },
        { min: 19, max: 23, level: 'veryHigh' },
      ];
    });
    expect(many.map((p) => [p.code, p.params.value])).toEqual([
      ['bandOverlap', 4],
      ['bandGap', 10],
      ['bandOverlap', 19],
      ['bandGap', 24],
    ]);
  });

  it('red flags: unknown domain or level; "overall" is allowed', () => {
    expectOne(
      (q) => (q.redFlags[1].domain = 'safety'),
      'redFlags[1].domain',
      'Unknown domain "safety".',
      'Onbekend domein "safety".',
    );
    expectOne(
      (q) => (q.redFlags[1].minLevel = 'extreme'),
      'redFlags[1].minLevel',
      'Unknown level "extreme".',
      'Onbekend niveau "extreme".',
    );
    expect(problemsAfter((q) => (q.redFlags[1].domain = 'overall'))).toEqual([]);
  });

  it('points for a domain that does not exist', () => {
    expectOne(
      (q) => (Q(1, 0)(q).options[0].points.safety = 1),
      'sections[1].questions[0].options[0].points.safety',
      'Points for "safety", which is not a domain of this questionnaire.',
      'Punten voor "safety", maar dat is geen domein van deze vragenlijst.',
    );
    expect(problemsAfter((q) => (Q(0, 1)(q).noPoints = { safety: 1 })).map((p) => p.path)).toEqual([
      'sections[0].questions[1].noPoints.safety',
    ]);
    expect(problemsAfter((q) => (Q(1, 0)(q).maxPoints = { safety: 1 })).map((p) => p.path)).toEqual(
      ['sections[1].questions[0].maxPoints.safety'],
    );
  });

  it('suggested measures for an unknown domain', () => {
    expectOne(
      (q) => (q.suggestedMeasures[0].domain = 'safety'),
      'suggestedMeasures[0].domain',
      'Unknown domain "safety".',
      'Onbekend domein "safety".',
    );
  });

  it('mitigation: points only under "mitigation", and settings iff questions', () => {
    expectOne(
      (q) => (q.mitigation = { threshold: 0.8, reduction: 0.15 }),
      'mitigation',
      'There are mitigation questions, but no "mitigation" settings (or the other way round).',
      'Er zijn vragen over maatregelen, maar geen instellingen voor "mitigation" (of andersom).',
    );
    const p = problemsAfter((q) => {
      Q(0, 1)(q).mitigation = true;
    });
    expect(p.map((x) => [x.path, x.code])).toEqual([
      ['sections[0].questions[1].yesPoints.privacy', 'mitigationPoints'],
      ['mitigation', 'mitigationConfig'],
    ]);
    expect(
      problemsAfter((q) => {
        Q(0, 1)(q).mitigation = true;
        Q(0, 1)(q).yesPoints = { mitigation: 2 };
        q.mitigation = { threshold: 0.8, reduction: 0.15 };
      }),
    ).toEqual([]);
  });

  it('number question with min above max', () => {
    expectOne(
      (q) => (Q(2, 1)(q).max = -5),
      'sections[2].questions[1].min',
      'The minimum 0 is above the maximum -5.',
      'Het minimum 0 is hoger dan het maximum -5.',
    );
  });
});

describe('every problem at once', () => {
  it('reports all semantic problems of a file in one pass, in file order', () => {
    const problems = problemsAfter((q) => {
      q.domains.push({ id: 'privacy', label: { nl: 'P', en: 'P' } });
      q.thresholds = [0.5, 0.25, 0.75];
      q.riskBands[3].level = 'extreme';
      q.title.de = 'Titel';
      Q(0, 0)(q).label.nl = '';
      Q(1, 1)(q).options[1].id = 'yes';
      Q(2, 0)(q).condition = { op: 'equals', question: 'ghost', value: 'x' };
      Q(2, 1)(q).condition = { op: 'answered', question: 'startDate' };
      q.redFlags[1].minLevel = 'extreme';
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['domains[3].id', 'duplicateId'],
      ['title.de', 'extraTranslation'],
      ['thresholds[1]', 'thresholdOrder'],
      ['riskBands[3].level', 'unknownLevel'],
      ['sections[0].questions[0].label.nl', 'missingTranslation'],
      ['sections[1].questions[1].options[1].id', 'duplicateId'],
      ['sections[2].questions[0].condition.question', 'unknownQuestion'],
      ['sections[2].questions[1].condition.question', 'forwardReference'],
      ['redFlags[1].minLevel', 'unknownLevel'],
    ]);
  });

  it('reports all schema problems of a file in one pass', () => {
    const problems = problemsAfter((q) => {
      q.version = 2;
      q.extra = true;
      Q(0, 0)(q).type = 'essay';
      delete Q(1, 1)(q).options;
      q.levels[1].color = 'orange';
      q.aggregation = 'sum';
    });
    expect(problems.map((p) => [p.path, p.code]).sort()).toEqual(
      [
        ['version', 'wrongType'],
        ['extra', 'unknownField'],
        ['sections[0].questions[0].type', 'unknownType'],
        ['sections[1].questions[1].options', 'missing'],
        ['levels[1].color', 'badFormat'],
        ['aggregation', 'badChoice'],
      ].sort(),
    );
  });
});

describe('messages', () => {
  it('every problem has a complete text in every language, with no placeholder left', () => {
    const problems = problemsAfter((q) => {
      q.domains.push({ id: 'privacy', label: { nl: 'P', en: 'P' } });
      q.thresholds = [0.5, 0.25];
      q.riskBands[1].min = 6;
      q.riskBands[2].min = 9;
      Q(2, 1)(q).max = -1;
      Q(2, 0)(q).condition = { op: 'equals', question: 'personalData', value: 'x' };
      Q(2, 1)(q).condition = { op: 'gt', question: 'automated', value: 1 };
      Q(2, 2)(q).condition = { op: 'equals', question: 'automated', value: 'never' };
      q.redFlags[1].domain = 'x';
    });
    expect(problems.length).toBeGreaterThanOrEqual(9);
    for (const p of problems) {
      for (const locale of MESSAGE_LOCALES) {
        const text = problemText(p, locale);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(10);
      }
      expect(problemText(p, 'nl')).not.toBe(problemText(p, 'en'));
    }
  });

  it('an unknown locale falls back to English', () => {
    const [p] = problemsAfter((q) => (q.version = 1));
    expect(problemText(p!, 'de')).toBe('Expected text here, but found a number.');
  });
});

describe('file text: bad JSON, nesting, size, __proto__', () => {
  it('bad JSON is one problem for the whole file', () => {
    const r = validateQuestionnaireText('{"id": "x",}');
    expect(r.valid).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ path: '', code: 'notJson' });
    expect(problemText(r.problems[0]!, 'en')).toMatch(/^The file is not valid JSON: /);
    expect(problemText(r.problems[0]!, 'nl')).toMatch(/^Het bestand is geen geldige JSON: /);
  });

  it('too deep nesting is refused before parsing', () => {
    const deep = '{"a":'.repeat(100) + '1' + '}'.repeat(100);
    const r = validateQuestionnaireText(deep);
    expect(r.problems.map((p) => [p.code, problemText(p, 'en'), problemText(p, 'nl')])).toEqual([
      [
        'tooDeep',
        'The file is nested too deeply (more than 64 levels).',
        'Het bestand is te diep genest (meer dan 64 niveaus).',
      ],
    ]);
  });

  it('an oversized file is refused', () => {
    const big = `{"pad":"${'x'.repeat(21 * 1024 * 1024)}"}`;
    const r = validateQuestionnaireText(big);
    expect(r.problems.map((p) => p.code)).toEqual(['tooLarge']);
    expect(problemText(r.problems[0]!, 'en')).toBe(
      'The file is too large (21.0 MB); the limit is 20.0 MB.',
    );
    expect(problemText(r.problems[0]!, 'nl')).toBe(
      'Het bestand is te groot (21,0 MB); de grens is 20,0 MB.',
    );
  });

  it('__proto__ keys are dropped and pollute nothing', () => {
    const q = miniData();
    const text = JSON.stringify(q)
      .replace('{', '{"__proto__":{"polluted":true,"id":"evil"},')
      .replace('"yesPoints":{', '"yesPoints":{"__proto__":{"privacy":999},');
    expect(text).toContain('"__proto__"');
    const r = validateQuestionnaireText(text);
    expect(r.problems).toEqual([]);
    expect(r.valid).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.questionnaire!.id).toBe('mini');
    expect(Object.getPrototypeOf(r.questionnaire)).toBe(Object.prototype);
    expect(Object.keys(r.questionnaire!.sections[0]!.questions[1]!)).not.toContain('__proto__');
  });
});
