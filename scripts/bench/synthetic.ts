/**
 * Synthetic questionnaires and assessments for the benchmark, generated from the schema's types and
 * checked with the app's own validator (a generator bug fails the benchmark instead of measuring a
 * file the app would refuse). Deterministic: the same call gives the same bytes.
 *
 * Shape: sections of 20 questions cycling through all eight question types, with points in six
 * domains, help texts with a legal source, a condition on every tenth question and a red flag per
 * section. No question is required, so "next" always moves on (the step's validation still runs).
 */
import { createAssessment } from '../../src/core/assessment/assessment';
import type { Assessment, RiskItem } from '../../src/core/assessment/assessment-schema';
import type { AnswerValue } from '../../src/core/scoring/answers';
import type { Question, Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';

const DOMAINS = ['privacy', 'equality', 'autonomy', 'wellbeing', 'inclusion', 'sustainability'];
const both = (nl: string, en: string) => ({ nl, en });

const WORDS_NL =
  'de het een burger gemeente besluit gegevens systeem toezicht rechten bezwaar uitleg risico groep maatregel beoordeling algoritme privacy gelijke behandeling'.split(
    ' ',
  );
const WORDS_EN =
  'the a citizen municipality decision data system oversight rights objection explanation risk group measure assessment algorithm privacy equal treatment'.split(
    ' ',
  );

/** Deterministic sentence-like text of about `length` characters. */
export function text(seed: number, length: number, lang: 'nl' | 'en' = 'nl'): string {
  const words = lang === 'nl' ? WORDS_NL : WORDS_EN;
  let x = (seed * 2654435761) % 4294967296;
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    x = (x * 1664525 + 1013904223) % 4294967296;
    const w = words[x % words.length]!;
    out.push(w);
    size += w.length + 1;
  }
  const s = out.join(' ').slice(0, length);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function question(si: number, qi: number): Question {
  const n = si * 100 + qi;
  const id = `s${si}q${qi}`;
  const label = both(
    `Vraag ${si + 1}.${qi + 1}: ${text(n, 60, 'nl')}?`,
    `Question ${si + 1}.${qi + 1}: ${text(n, 60, 'en')}?`,
  );
  const help = both(
    `${text(n + 1, 240, 'nl')}. **Voorbeeld:** ${text(n + 2, 80, 'nl')}.`,
    `${text(n + 1, 240, 'en')}. **Example:** ${text(n + 2, 80, 'en')}.`,
  );
  const domain = DOMAINS[n % DOMAINS.length]!;
  const base = {
    id,
    label,
    ...(qi % 2 === 0
      ? { help, legal: [{ source: 'AI Act', article: `Art. 27(1)(${'abcdef'[qi % 6]})` }] }
      : {}),
    // Every tenth question depends on the yes/no question just before it.
    ...(qi % 10 === 4
      ? { condition: { op: 'equals' as const, question: `s${si}q3`, value: true } }
      : {}),
  };
  const options = (k: number) =>
    Array.from({ length: k }, (_, o) => ({
      id: `o${o}`,
      label: both(
        `Keuze ${o + 1}: ${text(n + o, 30, 'nl')}`,
        `Choice ${o + 1}: ${text(n + o, 30, 'en')}`,
      ),
      points: { [domain]: o },
    }));
  switch (qi % 8) {
    case 0:
      return { ...base, type: 'singleChoice', options: options(4) };
    case 1:
      return { ...base, type: 'multiChoice', options: options(5), maxPoints: { [domain]: 6 } };
    case 2:
      return { ...base, type: 'scale', options: options(5) };
    case 3:
      return { ...base, type: 'yesNo', yesPoints: { [domain]: 3 }, noPoints: { [domain]: 0 } };
    case 4:
      return { ...base, type: 'shortText', maxLength: 300 };
    case 5:
      return { ...base, type: 'longText', maxLength: 20000 };
    case 6:
      return { ...base, type: 'number', min: 0, max: 1_000_000, unit: both('personen', 'people') };
    default:
      return { ...base, type: 'date' };
  }
}

/** A valid questionnaire of `sections` × `perSection` questions. */
export function syntheticQuestionnaire(sections: number, perSection = 20): Questionnaire {
  const data = {
    id: `synthetic-${sections * perSection}`,
    version: '1.0.0',
    locales: ['nl', 'en'],
    title: both(
      `Synthetische vragenlijst (${sections * perSection} vragen)`,
      `Synthetic questionnaire (${sections * perSection} questions)`,
    ),
    description: both('Gemaakt door npm run bench.', 'Made by npm run bench.'),
    estimatedMinutes: 240,
    domains: DOMAINS.map((d) => ({ id: d, label: both(`Domein ${d}`, `Domain ${d}`) })),
    levels: [
      { id: 'low', label: both('Laag', 'Low'), color: '#2e7d32' },
      { id: 'medium', label: both('Middel', 'Medium'), color: '#b26a00' },
      { id: 'high', label: both('Hoog', 'High'), color: '#c62828' },
      { id: 'veryHigh', label: both('Zeer hoog', 'Very high'), color: '#6a1b9a' },
    ],
    thresholds: [0.25, 0.5, 0.75],
    riskBands: [
      { min: 1, max: 4, level: 'low' },
      { min: 5, max: 9, level: 'medium' },
      { min: 10, max: 16, level: 'high' },
      { min: 17, max: 25, level: 'veryHigh' },
    ],
    sections: Array.from({ length: sections }, (_, si) => ({
      id: `s${si}`,
      title: both(
        `Onderdeel ${si + 1}: ${text(si, 30, 'nl')}`,
        `Part ${si + 1}: ${text(si, 30, 'en')}`,
      ),
      description: both(text(si + 7, 200, 'nl'), text(si + 7, 200, 'en')),
      questions: Array.from({ length: perSection }, (_, qi) => question(si, qi)),
    })),
    redFlags: Array.from({ length: sections }, (_, si) => ({
      id: `flag${si}`,
      when: { op: 'equals', question: `s${si}q0`, value: 'o3' },
      domain: DOMAINS[si % DOMAINS.length],
      minLevel: 'high',
      text: both(text(si + 3, 100, 'nl'), text(si + 3, 100, 'en')),
    })),
  };
  const r = validateQuestionnaire(data);
  if (!r.valid) {
    throw new Error(
      `synthetic questionnaire invalid: ${r.problems
        .slice(0, 5)
        .map((p) => `${p.path} ${p.code}`)
        .join('; ')}`,
    );
  }
  return r.questionnaire;
}

/** An answer for every question (text answers of `textLength` characters). */
export function answerAll(q: Questionnaire, textLength = 200): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  let n = 0;
  for (const s of q.sections) {
    for (const question of s.questions) {
      n++;
      switch (question.type) {
        case 'singleChoice':
        case 'scale':
          answers[question.id] = question.options[n % question.options.length]!.id;
          break;
        case 'multiChoice':
          answers[question.id] = question.options
            .filter((_, i) => (i + n) % 2 === 0)
            .map((o) => o.id);
          break;
        case 'yesNo':
          answers[question.id] = n % 3 !== 0;
          break;
        case 'number':
          answers[question.id] = n * 37;
          break;
        case 'date':
          answers[question.id] = `2026-0${(n % 9) + 1}-1${n % 10}`;
          break;
        default:
          answers[question.id] = text(n, question.type === 'shortText' ? 80 : textLength);
      }
    }
  }
  return answers;
}

/** Risks for the register: `count` items with two measures each. */
export function risks(q: Questionnaire, count: number, textLength = 400): RiskItem[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    domain: q.domains[i % q.domains.length]!.id,
    title: `Risico ${i + 1}: ${text(i, 60)}`,
    description: text(i + 1000, textLength),
    affectedGroups: text(i + 2000, 120),
    likelihood: (i % 5) + 1,
    severity: ((i * 3) % 5) + 1,
    residualLikelihood: 1,
    residualSeverity: (i % 3) + 1,
    measures: [0, 1].map((m) => ({
      id: `m${i}_${m}`,
      text: text(i * 10 + m, 200),
      owner: 'Team privacy',
      dueDate: `2026-0${m + 3}-1${i % 10}`,
      status: 'planned' as const,
    })),
  }));
}

/** An assessment with every question answered, notes on every third question, and `riskCount` risks. */
export async function filledAssessment(
  q: Questionnaire,
  opts: { textLength?: number; riskCount?: number; id?: string } = {},
): Promise<Assessment> {
  const a = await createAssessment(
    q,
    {
      title: q.title.nl ?? q.id,
      systemName: 'Bench-systeem',
      organisation: 'Gemeente Bench',
      owner: 'Team bench',
      locale: 'nl',
    },
    { id: opts.id ?? `bench-${q.id}`, now: '2026-01-15T09:00:00.000Z' },
  );
  a.answers = answerAll(q, opts.textLength ?? 200);
  let n = 0;
  for (const s of q.sections) {
    for (const question of s.questions) {
      if (n++ % 3 === 0) a.notes[question.id] = text(n + 5000, 150);
    }
  }
  a.register = risks(q, opts.riskCount ?? 0);
  return a;
}
