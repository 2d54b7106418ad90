/**
 * Repeating groups (format 2): a section with `"repeatFor": "<question>"` is asked once per option
 * chosen in that earlier multiple-choice question — the rights roadmap once per affected right.
 *
 * The validator checks the file as written, then expands every repeating section into plain
 * questions, one set per option (its "instances"): question `balance` of the instance for option
 * `privacy` becomes `balance@privacy`, shown only while `privacy` is chosen. "@" can never occur
 * in an id the author writes, so an instance id never collides with another question. After the
 * expansion the rest of the product (visibility, scoring, explanation, the wizard, the report)
 * sees ordinary questions with ordinary conditions, and an instance whose option is cleared is a
 * hidden question: its answers stay in the assessment, are not counted, are listed as kept aside,
 * and count again when the option is chosen again. Answers, notes and "not applicable" are stored
 * under the instance id, so the assessment file keeps its shape.
 *
 * Conditions inside the group that refer to questions of the group refer to the same instance.
 * A condition after the group, or a red flag, that refers to questions of the group is asked per
 * instance: a red flag becomes one flag per option (`flag@privacy`), its text preceded by the
 * option's label, so it names the instance it fired for; a later question's condition holds when
 * it holds for any chosen instance.
 */
import type {
  Condition,
  Option,
  Question,
  Questionnaire,
  RedFlag,
  Section,
} from './questionnaire-schema';
import { pick, type LocalizedText } from '../texts/localized';

/** Between a question's id and its instance's option id. Not allowed in ids, so never ambiguous. */
export const INSTANCE_SEPARATOR = '@';

/** The id of question `base` in the instance for option `option`. */
export function instanceId(base: string, option: string): string {
  return `${base}${INSTANCE_SEPARATOR}${option}`;
}

/** The options of the source question that get an instance: every option that is not exclusive. */
export function instanceOptions(source: Question): Option[] {
  return 'options' in source ? source.options.filter((o) => o.exclusive !== true) : [];
}

export interface QuestionInstance {
  /** The repeating section. */
  section: string;
  /** The multiple-choice question whose chosen options make the instances. */
  source: string;
  /** The option this instance is for. */
  option: string;
  /** The question's id as the author wrote it. */
  base: string;
}

/** The instance a question of an expanded questionnaire belongs to; null for other questions. */
export function questionInstance(q: Questionnaire, questionId: string): QuestionInstance | null {
  const at = questionId.indexOf(INSTANCE_SEPARATOR);
  if (at < 0) return null;
  const base = questionId.slice(0, at);
  const option = questionId.slice(at + 1);
  for (const s of q.sections) {
    if (!s.repeatFor) continue;
    if (s.questions.some((x) => x.id === questionId))
      return { section: s.id, source: s.repeatFor, option, base };
  }
  return null;
}

function findQuestion(q: Questionnaire, id: string): Question | undefined {
  for (const s of q.sections) for (const x of s.questions) if (x.id === id) return x;
  return undefined;
}

/** The label of an instance's option ("Private life and personal data"), in the locale. */
export function instanceLabel(q: Questionnaire, inst: QuestionInstance, locale: string): string {
  const source = findQuestion(q, inst.source);
  const o = source && 'options' in source ? source.options.find((x) => x.id === inst.option) : null;
  return pick(o?.label, locale) || inst.option;
}

/**
 * A question's name as lists outside its step show it (open questions, the explanation, set-aside
 * answers): its label, preceded by its instance's option for a question of a repeating group
 * ("Privacy — Is there a less intrusive way …?").
 */
export function questionTitle(q: Questionnaire, questionId: string, locale: string): string {
  const question = findQuestionCached(q, questionId);
  const label = question ? pick(question.label, locale) : questionId;
  const inst = questionInstance(q, questionId);
  return inst ? `${instanceLabel(q, inst, locale)} — ${label}` : label;
}

const byIdCache = new WeakMap<Questionnaire, Map<string, Question>>();
function findQuestionCached(q: Questionnaire, id: string): Question | undefined {
  let m = byIdCache.get(q);
  if (!m) {
    m = new Map();
    for (const s of q.sections) for (const x of s.questions) if (!m.has(x.id)) m.set(x.id, x);
    byIdCache.set(q, m);
  }
  return m.get(id);
}

/** Substitutes question ids in a condition; ids not in the map stay. */
function rename(c: Condition, map: ReadonlyMap<string, string>): Condition {
  switch (c.op) {
    case 'all':
    case 'any':
      return { op: c.op, conditions: c.conditions.map((x) => rename(x, map)) };
    case 'not':
      return { op: 'not', condition: rename(c.condition, map) };
    default:
      return { ...c, question: map.get(c.question) ?? c.question };
  }
}

function refs(c: Condition): string[] {
  switch (c.op) {
    case 'all':
    case 'any':
      return c.conditions.flatMap(refs);
    case 'not':
      return refs(c.condition);
    default:
      return [c.question];
  }
}

interface Group {
  section: Section;
  source: string;
  options: Option[];
  /** The group's question ids as written. */
  ids: Set<string>;
}

function chosen(source: string, option: string): Condition {
  return { op: 'includes', question: source, value: option };
}

/** `c` with the group's questions bound to the instance for `option`. */
function bind(c: Condition, g: Group, option: string): Condition {
  return rename(c, new Map([...g.ids].map((id) => [id, instanceId(id, option)])));
}

/**
 * A condition outside the group that refers to its questions: true when it holds for any chosen
 * instance (each instance's questions together).
 */
function bindOutside(c: Condition, groups: readonly Group[]): Condition {
  const used = new Set(refs(c));
  const g = groups.find((x) => [...x.ids].some((id) => used.has(id)));
  if (!g) return c;
  const rest = groups.filter((x) => x !== g);
  return {
    op: 'any',
    conditions: g.options.map((o) => ({
      op: 'all',
      conditions: [chosen(g.source, o.id), bindOutside(bind(c, g, o.id), rest)],
    })),
  };
}

function prefixed(text: LocalizedText, label: LocalizedText): LocalizedText {
  const out: LocalizedText = {};
  for (const [locale, t] of Object.entries(text)) out[locale] = `${label[locale] ?? ''}: ${t}`;
  return out;
}

/**
 * The questionnaire with every repeating section expanded into its instances (see above). Pure:
 * returns `q` itself when it has no repeating section, else a new object; `q` is never changed.
 * Expects a questionnaire the validator accepted (the source exists, is multiple choice and
 * comes before the group).
 */
export function expandRepeats(q: Questionnaire): Questionnaire {
  if (!q.sections.some((s) => s.repeatFor)) return q;
  const groups: Group[] = [];
  for (const s of q.sections) {
    if (!s.repeatFor) continue;
    const source = findQuestion(q, s.repeatFor);
    groups.push({
      section: s,
      source: s.repeatFor,
      options: source ? instanceOptions(source) : [],
      ids: new Set(s.questions.map((x) => x.id)),
    });
  }
  const sections: Section[] = q.sections.map((s) => {
    const g = groups.find((x) => x.section === s);
    const others = groups.filter((x) => x.section !== s);
    const outside = (c: Condition | undefined) => (c ? bindOutside(c, others) : undefined);
    if (!g) {
      return {
        ...s,
        ...(s.condition ? { condition: outside(s.condition)! } : {}),
        questions: s.questions.map((x) =>
          x.condition ? ({ ...x, condition: outside(x.condition)! } as Question) : x,
        ),
      };
    }
    const questions: Question[] = [];
    for (const o of g.options) {
      for (const x of s.questions) {
        const own = x.condition ? bindOutside(bind(x.condition, g, o.id), others) : null;
        const when = chosen(g.source, o.id);
        questions.push({
          ...x,
          id: instanceId(x.id, o.id),
          condition: own ? { op: 'all', conditions: [when, own] } : when,
        } as Question);
      }
    }
    // The section is shown only while some instance exists: no empty step.
    const some: Condition = { op: 'any', conditions: g.options.map((o) => chosen(g.source, o.id)) };
    return {
      ...s,
      condition: s.condition ? { op: 'all', conditions: [outside(s.condition)!, some] } : some,
      questions,
    };
  });
  const redFlags: RedFlag[] = [];
  for (const f of q.redFlags ?? []) {
    const used = new Set(refs(f.when));
    const g = groups.find((x) => [...x.ids].some((id) => used.has(id)));
    if (!g) {
      redFlags.push(f);
      continue;
    }
    const others = groups.filter((x) => x !== g);
    for (const o of g.options) {
      redFlags.push({
        ...f,
        id: instanceId(f.id, o.id),
        when: {
          op: 'all',
          conditions: [chosen(g.source, o.id), bindOutside(bind(f.when, g, o.id), others)],
        },
        text: prefixed(f.text, o.label),
      });
    }
  }
  return { ...q, sections, ...(q.redFlags ? { redFlags } : {}) };
}

/**
 * Of a red flag id of an expanded questionnaire, the flag as written and its instance's option
 * (`flag@privacy` → flag, privacy); null for a flag that is not per instance.
 */
export function redFlagInstance(flagId: string): { base: string; option: string } | null {
  const at = flagId.indexOf(INSTANCE_SEPARATOR);
  return at < 0 ? null : { base: flagId.slice(0, at), option: flagId.slice(at + 1) };
}

/**
 * The instances of each repeating section, in order, for headings: per section, the instances
 * whose option is chosen in `effective` answers (what visibility counts), with their questions.
 */
export function sectionInstances(
  q: Questionnaire,
  section: Section,
): { option: string; questions: Question[] }[] {
  if (!section.repeatFor) return [];
  const out: { option: string; questions: Question[] }[] = [];
  for (const x of section.questions) {
    const inst = questionInstance(q, x.id);
    if (!inst) continue;
    const last = out[out.length - 1];
    if (last && last.option === inst.option) last.questions.push(x);
    else out.push({ option: inst.option, questions: [x] });
  }
  return out;
}
