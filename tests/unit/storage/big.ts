/** A large questionnaire (300 questions, nl + en) and a fully answered assessment, for measuring. */
import { createAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { Question, Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';

const t = (s: string) => ({
  nl: `${s} (nl) — ${'tekst '.repeat(12)}`,
  en: `${s} (en) — ${'text '.repeat(12)}`,
});
const DOMAINS = [
  'privacy',
  'nonDiscrimination',
  'autonomy',
  'wellbeing',
  'inclusion',
  'sustainability',
];

/** `sections` × 15 questions (20 → 300 questions). */
export function bigQuestionnaire(sectionCount = 20): Questionnaire {
  const sections = Array.from({ length: sectionCount }, (_, s) => ({
    id: `s${s}`,
    title: t(`Section ${s}`),
    questions: Array.from({ length: 15 }, (_, i): Question => {
      const id = `q${s}_${i}`;
      const d = DOMAINS[(s + i) % DOMAINS.length]!;
      const base = {
        id,
        label: t(`Question ${id}`),
        help: t(`Help ${id}`),
        legal: [{ source: 'AI Act', article: 'Art. 27' }],
      };
      switch (i % 5) {
        case 0:
          return {
            ...base,
            type: 'singleChoice',
            options: ['a', 'b', 'c', 'd'].map((o, k) => ({
              id: o,
              label: t(o),
              points: { [d]: k },
            })),
          };
        case 1:
          return {
            ...base,
            type: 'multiChoice',
            options: ['a', 'b', 'c', 'd', 'e'].map((o, k) => ({
              id: o,
              label: t(o),
              points: { [d]: k },
            })),
          };
        case 2:
          return { ...base, type: 'yesNo', yesPoints: { [d]: 3 } };
        case 3:
          return { ...base, type: 'longText' };
        default:
          return {
            ...base,
            type: 'scale',
            options: ['1', 'x2', 'x3'].map((o, k) => ({
              id: `o${o}`,
              label: t(o),
              points: { [d]: k },
            })),
          };
      }
    }),
  }));
  const q = {
    id: 'big',
    version: '1.0.0',
    locales: ['nl', 'en'],
    title: t('Big'),
    domains: DOMAINS.map((id) => ({ id, label: t(id) })),
    levels: ['low', 'medium', 'high', 'veryHigh'].map((id, i) => ({
      id,
      label: t(id),
      color: ['#2e7d32', '#b26a00', '#c62828', '#6a1b9a'][i]!,
    })),
    thresholds: [0.25, 0.5, 0.75],
    riskBands: [
      { min: 1, max: 4, level: 'low' },
      { min: 5, max: 9, level: 'medium' },
      { min: 10, max: 16, level: 'high' },
      { min: 17, max: 25, level: 'veryHigh' },
    ],
    sections,
  };
  const v = validateQuestionnaire(q);
  if (!v.valid) throw new Error(v.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  return v.questionnaire;
}

export async function bigAssessment(q: Questionnaire, risks = 50): Promise<Assessment> {
  const a = await createAssessment(
    q,
    { title: 'Groot', systemName: 'Groot systeem', organisation: 'O', owner: 'P', locale: 'nl' },
    { id: 'big-1', now: '2026-03-01T09:00:00.000Z' },
  );
  for (const s of q.sections)
    for (const qu of s.questions) {
      if (qu.type === 'singleChoice') a.answers[qu.id] = 'b';
      if (qu.type === 'multiChoice') a.answers[qu.id] = ['a', 'c'];
      if (qu.type === 'yesNo') a.answers[qu.id] = true;
      if (qu.type === 'longText') a.answers[qu.id] = 'Een lang antwoord. '.repeat(60);
      if (qu.type === 'scale') a.answers[qu.id] = 'ox2';
      a.notes[qu.id] = 'Toelichting bij deze vraag. '.repeat(5);
    }
  a.register = Array.from({ length: risks }, (_, i) => ({
    id: `r${i}`,
    domain: 'privacy',
    title: `Risk ${i}`,
    description: 'Beschrijving van het risico. '.repeat(20),
    affectedGroups: 'Inwoners',
    likelihood: 3,
    severity: 4,
    residualLikelihood: 2,
    residualSeverity: 3,
    measures: [
      { id: `m${i}`, text: 'Maatregel', owner: 'Team', dueDate: '2026-06-01', status: 'planned' },
    ],
  }));
  return a;
}
