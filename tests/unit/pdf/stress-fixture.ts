/**
 * The stress case of the report, generated: 60 questions answered (text questions with 3,000-character
 * Polish and Greek texts), a 3,000-character note on every question, and 50 risks with long
 * descriptions and two measures each. Shared by the stress test and the benchmark.
 */
import { createAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment, RiskItem } from '../../../src/core/assessment/assessment-schema';
import type { Question, Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';

const POLISH =
  'zażółć gęślą jaźń łódź świętokrzyskie wniosek decyzja urząd obywatel prawo ochrona danych osobowych przejrzystość odpowiedzialność równe traktowanie'.split(
    ' ',
  );
const GREEK =
  'ελληνικά δικαιώματα προστασία δεδομένων διαφάνεια λογοδοσία απόφαση πολίτης ισότητα ψυχή ωμέγα αίτηση διοίκηση'.split(
    ' ',
  );

/** Deterministic text of exactly `length` characters, with paragraphs and one very long word. */
export function longText(seed: number, length = 3000): string {
  let x = seed * 7919 + 17;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
  const words: string[] = [`[${seed}]`];
  let size = words[0]!.length;
  while (size < length) {
    const r = next();
    let w: string;
    if (r % 97 === 0) w = '\n';
    else if (size > 1000 && size < 1100 && !words.some((v) => v.length > 100)) {
      w = 'Bezpośrednio'.repeat(12); // 144 characters without a space: must break, not overflow
    } else w = ((r >> 12) % 2 === 0 ? POLISH : GREEK)[(r >> 4) % 13]!;
    words.push(w);
    size += w.length + 1;
  }
  return words.join(' ').replace(/ \n /g, '\n').slice(0, length).trimEnd();
}

const en = (s: string) => ({ nl: s, en: s });

export function stressQuestionnaire(): Questionnaire {
  const sections = Array.from({ length: 6 }, (_, si) => ({
    id: `s${si}`,
    title: en(`Onderdeel ${si + 1}`),
    questions: Array.from({ length: 10 }, (_, qi): Question => {
      const id = `q${si}_${qi}`;
      const label = en(`Vraag ${si + 1}.${qi + 1}: beschrijf het effect op groep ${qi}`);
      const options = [0, 1, 2].map((o) => ({
        id: `o${o}`,
        label: en(`Keuze ${o}`),
        points: { d1: o },
      }));
      switch (qi % 5) {
        case 0:
          return { id, type: 'singleChoice', label, options };
        case 1:
          return { id, type: 'multiChoice', label, options };
        case 2:
          return { id, type: 'shortText', label };
        default:
          return { id, type: 'longText', label };
      }
    }),
  }));
  const r = validateQuestionnaire({
    id: 'stress',
    version: '1.0.0',
    locales: ['nl', 'en'],
    title: en('Stress'),
    domains: [
      { id: 'd1', label: en('Domein 1') },
      { id: 'd2', label: en('Domein 2') },
    ],
    levels: [
      { id: 'low', label: en('Laag'), color: '#2e7d32' },
      { id: 'medium', label: en('Middel'), color: '#b26a00' },
      { id: 'high', label: en('Hoog'), color: '#c62828' },
      { id: 'veryHigh', label: en('Zeer hoog'), color: '#6a1b9a' },
    ],
    thresholds: [0.25, 0.5, 0.75],
    riskBands: [
      { min: 1, max: 4, level: 'low' },
      { min: 5, max: 9, level: 'medium' },
      { min: 10, max: 16, level: 'high' },
      { min: 17, max: 25, level: 'veryHigh' },
    ],
    sections,
  });
  if (!r.valid) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.questionnaire;
}

export async function stressAssessment(q: Questionnaire): Promise<Assessment> {
  const a = await createAssessment(
    q,
    {
      title: 'Stress',
      systemName: 'Σύστημα ελέγχου — zażółć',
      organisation: 'Urząd',
      owner: 'Ωμέγα',
      locale: 'nl',
    },
    { id: 'stress-1', now: '2025-03-12T10:15:00.000Z' },
  );
  let seed = 1;
  for (const s of q.sections) {
    for (const question of s.questions) {
      a.answers[question.id] =
        question.type === 'singleChoice'
          ? 'o2'
          : question.type === 'multiChoice'
            ? ['o0', 'o1', 'o2']
            : longText(seed++);
      a.notes[question.id] = longText(seed++);
    }
  }
  a.register = Array.from({ length: 50 }, (_, i): RiskItem => ({
    id: `r${i}`,
    domain: i % 2 === 0 ? 'd1' : 'd2',
    title: `Risico ${i + 1}: ${longText(seed++, 80)}`,
    description: longText(seed++),
    affectedGroups: longText(seed++, 300),
    likelihood: (i % 5) + 1,
    severity: ((i * 3) % 5) + 1,
    residualLikelihood: 1,
    residualSeverity: (i % 3) + 1,
    measures: [0, 1].map((m) => ({
      id: `m${i}_${m}`,
      // One measure of 5,000 characters (the most a measure may have): its table row must split.
      text: longText(seed++, i === 7 && m === 0 ? 5000 : 400),
      owner: 'Zespół',
      dueDate: `2025-0${(m % 9) + 1}-1${i % 10}`,
      status: 'planned' as const,
    })),
  }));
  return a;
}
