/**
 * Repeating groups seen per instance (questionnaire/repeat.ts): what each chosen instance scores,
 * what is still open in it, and which instances' answers are kept aside because their option is
 * no longer chosen. The same figures as the domain scores: an instance's points are the trace
 * lines of its questions, so the instances of a group add up to what they give the domain.
 */
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { instanceLabel, questionInstance, redFlagInstance } from '../questionnaire/repeat';
import { isAnswered, type Answers } from './answers';
import type { ScoreResult } from './scoring';

export interface InstanceScore {
  /** The repeating section. */
  section: string;
  /** The option the instance is asked for, and its label in the locale. */
  option: string;
  label: string;
  /** Points per domain from this instance's questions (only domains it can score). */
  points: Record<string, { raw: number; max: number }>;
  /** Its required questions still open, in order. */
  openRequired: string[];
  /** Its questions answered "not applicable". */
  notApplicable: string[];
  /** Red flags fired for this instance. */
  redFlags: string[];
}

export interface KeptAsideInstance {
  section: string;
  option: string;
  label: string;
  /** Instance questions with a stored answer (or note or "not applicable") that counts for nothing. */
  questions: string[];
}

/** Per repeating section, per chosen instance (in the questionnaire's order): its score. */
export function instanceScores(q: Questionnaire, r: ScoreResult, locale: string): InstanceScore[] {
  const out = new Map<string, InstanceScore>();
  const get = (questionId: string) => {
    const inst = questionInstance(q, questionId);
    if (!inst) return null;
    const key = `${inst.section}\u0000${inst.option}`;
    let s = out.get(key);
    if (!s) {
      s = {
        section: inst.section,
        option: inst.option,
        label: instanceLabel(q, inst, locale),
        points: {},
        openRequired: [],
        notApplicable: [],
        redFlags: [],
      };
      out.set(key, s);
    }
    return s;
  };
  // Visible instance questions, in order, so every chosen instance appears even with no points.
  for (const s of q.sections)
    for (const x of s.questions) if (r.visibility.questions.has(x.id)) get(x.id);
  for (const d of r.domains) {
    for (const t of d.trace) {
      if (t.kind !== 'answer' && t.kind !== 'unanswered') continue;
      const s = get(t.questionId);
      if (!s) continue;
      const p = (s.points[d.domain] ??= { raw: 0, max: 0 });
      p.max += t.max;
      if (t.kind === 'answer') p.raw += t.got;
    }
  }
  for (const id of r.openRequired) get(id)?.openRequired.push(id);
  for (const { questionId } of r.notApplicable) get(questionId)?.notApplicable.push(questionId);
  for (const f of r.redFlags) {
    // A flag per instance (flag@option) names that instance's answers; else its option alone.
    const by = f.questions.find((id) => questionInstance(q, id) !== null);
    const option = redFlagInstance(f.id)?.option;
    const target = by
      ? get(by)
      : [...out.values()].find((x) => option !== undefined && x.option === option);
    target?.redFlags.push(f.id);
  }
  return [...out.values()];
}

/**
 * Instances whose option is not chosen (or whose group is not shown) but that hold stored
 * answers: kept in the assessment, counted nowhere, and back when the option is chosen again.
 */
export function keptAsideInstances(
  q: Questionnaire,
  stored: {
    answers: Answers;
    notApplicable?: Readonly<Record<string, string>>;
  },
  r: ScoreResult,
  locale: string,
): KeptAsideInstance[] {
  const out = new Map<string, KeptAsideInstance>();
  for (const s of q.sections) {
    if (!s.repeatFor) continue;
    for (const x of s.questions) {
      if (r.visibility.questions.has(x.id)) continue;
      const inst = questionInstance(q, x.id);
      if (!inst) continue;
      // Hidden by its own condition inside a chosen instance: an ordinary hidden question.
      const chosen = r.visibility.effective[inst.source];
      if (Array.isArray(chosen) && chosen.includes(inst.option)) continue;
      const has =
        isAnswered(stored.answers[x.id]) || (stored.notApplicable?.[x.id] ?? '').trim() !== '';
      if (!has) continue;
      const key = `${s.id}\u0000${inst.option}`;
      let k = out.get(key);
      if (!k) {
        k = {
          section: s.id,
          option: inst.option,
          label: instanceLabel(q, inst, locale),
          questions: [],
        };
        out.set(key, k);
      }
      k.questions.push(x.id);
    }
  }
  return [...out.values()];
}
