import {
  OVERALL_DOMAIN,
  PROTOTYPE_NAMES,
  QuestionnaireSchema,
  type Condition,
  type Question,
  type Questionnaire,
} from './questionnaire-schema';
import type { LocalizedText } from '../texts/localized';
import { parseJsonSafely, problem, type FileProblem } from '../files/safe-json';
import { zodProblems } from '../files/zod-problems';
import { MITIGATION_KEY } from '../scoring/scoring';
import { referencedQuestions } from '../scoring/condition';
import { carryOverSourceProblems } from './carry-over';
import {
  migrateQuestionnaireFormat,
  QUESTIONNAIRE_FORMAT_VERSION,
  questionnaireSource,
  rememberSource,
} from './questionnaire-format';
import { expandRepeats, instanceOptions } from './repeat';

export type ValidationResult =
  | {
      valid: true;
      questionnaire: Questionnaire;
      problems: [];
      /**
       * What the author should fix but that does not stop the file from being used: a check of
       * format 2 that a file written as format 1 fails, an English citation in Dutch text.
       */
      warnings: FileProblem[];
    }
  | { valid: false; questionnaire: null; problems: FileProblem[]; warnings?: undefined };

/** Validates questionnaire JSON text: safe parse, schema, then the rules zod cannot express. */
export function validateQuestionnaireText(text: string): ValidationResult {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { valid: false, questionnaire: null, problems: parsed.problems };
  return validateQuestionnaire(parsed.value);
}

/**
 * Validates a parsed questionnaire and reports every problem with its JSON path. A file of an
 * older format is first moved to the current one (questionnaire-format.ts); the questionnaire
 * returned is always of the current format, and remembers the file it came from.
 */
export function validateQuestionnaire(input: unknown): ValidationResult {
  // A questionnaire this validator returned is checked again from the file it was read from: an
  // expanded one (repeating groups) has instance ids no file may contain.
  const data =
    input !== null && typeof input === 'object'
      ? questionnaireSource(input as Questionnaire)
      : input;
  const migrated = migrateQuestionnaireFormat(data);
  if (!migrated.ok) return { valid: false, questionnaire: null, problems: migrated.problems };
  const { value, from } = migrated.value;
  const result = QuestionnaireSchema.safeParse(value);
  if (!result.success) {
    return { valid: false, questionnaire: null, problems: zodProblems(result.error, value) };
  }
  const { errors, warnings } = checkQuestionnaire(result.data, from);
  if (errors.length > 0) return { valid: false, questionnaire: null, problems: errors };
  // Repeating groups are used expanded; the file as written stays the source (hash, embedded copy).
  const expanded = expandRepeats(result.data);
  rememberSource(expanded, from === QUESTIONNAIRE_FORMAT_VERSION ? result.data : data, from);
  return { valid: true, questionnaire: expanded, problems: [], warnings };
}

/**
 * The checks across the file, split into errors and warnings. `from`: the format the file was
 * written in; the stricter checks of format 2 are warnings for a format-1 file, so a
 * questionnaire already in use (and every assessment made with it) keeps opening.
 */
export function checkQuestionnaire(
  q: Questionnaire,
  from: number = QUESTIONNAIRE_FORMAT_VERSION,
): { errors: FileProblem[]; warnings: FileProblem[] } {
  const strict = strictProblems(q);
  const errors = [...semanticProblems(q), ...carryOverSourceProblems(q)];
  const warnings: FileProblem[] = [];
  if (from >= 2) errors.push(...strict);
  else warnings.push(...strict);
  warnings.push(...englishCitationWarnings(q));
  return { errors, warnings };
}

/** English citation forms that a Dutch text should not use ("GDPR Art. 6(1)(e)", "ECHR"). */
const ENGLISH_CITATION = /\b(GDPR|ECHR|AI Act|EU Charter)\b|\bArt\. ?\d+\(\d+\)/;

/**
 * A warning for every Dutch text (a "nl" entry of a translated text) that cites in English: a
 * Dutch reader should read "AVG art. 6 lid 1 onder e", "EVRM", "Handvest", "AI-verordening".
 */
export function englishCitationWarnings(q: Questionnaire): FileProblem[] {
  const out: FileProblem[] = [];
  const walk = (x: unknown, path: string): void => {
    if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        const at = path ? `${path}.${k}` : k;
        const found = k === 'nl' && typeof v === 'string' ? ENGLISH_CITATION.exec(v) : null;
        if (found) out.push(problem(at, 'englishCitation', { found: found[0] }));
        else walk(v, at);
      }
    }
  };
  walk(q, '');
  return out;
}

/**
 * The checks format 2 added (errors from format 2 on): every domain can get a level from the
 * answers (a question gives it points, or a red flag names it), and the risk bands rise with the
 * product of likelihood and severity (a larger product never gets a lower level).
 */
export function strictProblems(q: Questionnaire): FileProblem[] {
  const out: FileProblem[] = [];
  const scored = new Set<string>();
  const add = (points: Record<string, number> | undefined) => {
    for (const [d, p] of Object.entries(points ?? {})) if (p > 0) scored.add(d);
  };
  for (const s of q.sections) {
    for (const question of s.questions) {
      if (question.mitigation) continue;
      if ('options' in question) question.options.forEach((o) => add(o.points));
      if (question.type === 'yesNo') {
        add(question.yesPoints);
        add(question.noPoints);
      }
      if (question.type === 'number') (question.ranges ?? []).forEach((r) => add(r.points));
    }
  }
  for (const f of q.redFlags ?? []) scored.add(f.domain);
  q.domains.forEach((d, i) => {
    if (!scored.has(d.id)) out.push(problem(`domains[${i}].id`, 'unscoredDomain', { id: d.id }));
  });

  // Bands rise: walk the products 1..25 in order; the level's place may never go down.
  const place = new Map(q.levels.map((l, i) => [l.id, i]));
  let prev: { product: number; level: string; place: number } | null = null;
  for (let product = 1; product <= 25; product++) {
    const band = q.riskBands.find((b) => product >= b.min && product <= b.max);
    const at = band ? place.get(band.level) : undefined;
    if (!band || at === undefined) continue;
    if (prev && at < prev.place) {
      out.push(
        problem('riskBands', 'bandsFall', {
          low: prev.product,
          lowLevel: prev.level,
          high: product,
          highLevel: band.level,
        }),
      );
      break;
    }
    prev = { product, level: band.level, place: at };
  }
  return out;
}

/** Rules across the file: ids, references, translations, thresholds, bands, points. */
export function semanticProblems(q: Questionnaire): FileProblem[] {
  const out: FileProblem[] = [];
  const domainIds = new Set(q.domains.map((d) => d.id));
  const levelIds = new Set(q.levels.map((l) => l.id));

  const reserved = (id: string, path: string, kind: string) => {
    if (PROTOTYPE_NAMES.has(id)) out.push(problem(path, 'reservedId', { id, kind }));
  };
  const unique = (items: { id: string }[], base: string, kind: string) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      reserved(it.id, `${base}[${i}].id`, kind);
      if (seen.has(it.id))
        out.push(problem(`${base}[${i}].id`, 'duplicateId', { id: it.id, kind }));
      seen.add(it.id);
    });
  };
  unique(q.domains, 'domains', 'domain');
  q.domains.forEach((d, i) => {
    if (d.id === OVERALL_DOMAIN)
      out.push(problem(`domains[${i}].id`, 'reservedDomain', { id: OVERALL_DOMAIN }));
  });
  unique(q.levels, 'levels', 'level');
  unique(q.sections, 'sections', 'section');
  unique(q.redFlags ?? [], 'redFlags', 'red flag');
  unique(q.suggestedMeasures ?? [], 'suggestedMeasures', 'measure');
  if (q.signOff) unique(q.signOff.roles, 'signOff.roles', 'role');

  // Translations: every declared locale present and non-empty, nothing undeclared.
  const text = (t: LocalizedText | undefined, path: string) => {
    if (!t) return;
    for (const locale of q.locales) {
      if (!t[locale] || t[locale].trim() === '')
        out.push(problem(`${path}.${locale}`, 'missingTranslation', { locale }));
    }
    for (const locale of Object.keys(t)) {
      if (!q.locales.includes(locale))
        out.push(problem(`${path}.${locale}`, 'extraTranslation', { locale }));
    }
  };
  text(q.title, 'title');
  text(q.description, 'description');
  q.domains.forEach((d, i) => {
    text(d.label, `domains[${i}].label`);
    text(d.description, `domains[${i}].description`);
  });
  // Obligations per level: unique ids, every text translated, and each role it requires one
  // that the questionnaire declares (the default roles are already both required).
  const roleIds = new Set((q.signOff?.roles ?? []).map((r) => r.id));
  q.levels.forEach((l, i) => {
    text(l.label, `levels[${i}].label`);
    text(l.description, `levels[${i}].description`);
    unique(l.obligations ?? [], `levels[${i}].obligations`, 'obligation');
    (l.obligations ?? []).forEach((o, oi) => text(o.text, `levels[${i}].obligations[${oi}].text`));
    (l.requiredRoles ?? []).forEach((r, ri) => {
      const path = `levels[${i}].requiredRoles[${ri}]`;
      if (!q.signOff) out.push(problem(path, 'requiredRoleNoRoles', { id: r, level: l.id }));
      else if (!roleIds.has(r)) out.push(problem(path, 'levelRoleUnknown', { id: r, level: l.id }));
      else if ((l.requiredRoles ?? []).indexOf(r) !== ri)
        out.push(problem(path, 'duplicateId', { id: r, kind: 'role' }));
    });
  });
  (q.redFlags ?? []).forEach((f, i) => {
    text(f.text, `redFlags[${i}].text`);
    text(f.risk, `redFlags[${i}].risk`);
  });
  (q.suggestedMeasures ?? []).forEach((m, i) => text(m.text, `suggestedMeasures[${i}].text`));
  if (q.signOff) {
    text(q.signOff.declaration, 'signOff.declaration');
    q.signOff.roles.forEach((r, i) => text(r.label, `signOff.roles[${i}].label`));
  }

  // Thresholds: one fewer than levels, strictly ascending.
  const expected = q.levels.length - 1;
  if (q.thresholds.length !== expected) {
    out.push(
      problem('thresholds', 'thresholdCount', {
        count: q.thresholds.length,
        levels: q.levels.length,
        expected,
      }),
    );
  }
  q.thresholds.forEach((t, i) => {
    const prev = q.thresholds[i - 1];
    if (i > 0 && prev !== undefined && !(t > prev)) {
      out.push(problem(`thresholds[${i}]`, 'thresholdOrder', { value: t, previous: prev }));
    }
  });

  // Risk bands: known levels, min ≤ max, together exactly 1..25.
  const cover = new Map<number, number>();
  q.riskBands.forEach((b, i) => {
    if (!levelIds.has(b.level))
      out.push(problem(`riskBands[${i}].level`, 'unknownLevel', { id: b.level }));
    if (b.min > b.max)
      out.push(problem(`riskBands[${i}]`, 'bandRange', { min: b.min, max: b.max }));
    for (let v = b.min; v <= b.max; v++) cover.set(v, (cover.get(v) ?? 0) + 1);
  });
  // Every gap and every overlap is reported (once per run of values, at its first value), so
  // an author sees all band problems at once rather than one per attempt.
  let prevState = 'ok';
  for (let v = 1; v <= 25; v++) {
    const n = cover.get(v) ?? 0;
    const state = n === 0 ? 'gap' : n > 1 ? 'overlap' : 'ok';
    if (state === 'gap' && prevState !== 'gap')
      out.push(problem('riskBands', 'bandGap', { value: v }));
    if (state === 'overlap' && prevState !== 'overlap')
      out.push(problem('riskBands', 'bandOverlap', { value: v }));
    prevState = state;
  }

  // Questions: unique ids over the whole questionnaire, points, conditions.
  const order = new Map<string, number>();
  const byId = new Map<string, Question>();
  const firstSeen = new Map<string, string>();
  let n = 0;
  let hasMitigation = false;
  // The question a repeating section repeats for: its position among all questions, for "before".
  const sectionOf = new Map<string, number>();
  q.sections.forEach((s, si) => s.questions.forEach((x) => sectionOf.set(x.id, si)));
  q.sections.forEach((s, si) => {
    text(s.title, `sections[${si}].title`);
    text(s.description, `sections[${si}].description`);
    if (s.condition) checkCondition(s.condition, `sections[${si}].condition`, n, null);
    if (s.repeatFor !== undefined) checkRepeat(s.repeatFor, si);
    s.questions.forEach((question, qi) => {
      const base = `sections[${si}].questions[${qi}]`;
      reserved(question.id, `${base}.id`, 'question');
      if (firstSeen.has(question.id)) {
        out.push(problem(`${base}.id`, 'duplicateId', { id: question.id, kind: 'question' }));
      } else {
        firstSeen.set(question.id, base);
      }
      text(question.label, `${base}.label`);
      text(question.help, `${base}.help`);
      text(question.risk, `${base}.risk`);
      // A mitigation question never proposes a risk: a risk text there would never be shown.
      if (question.mitigation && question.risk)
        out.push(problem(`${base}.risk`, 'riskOnMitigation', { id: question.id }));
      (question.legal ?? []).forEach((l, li) => text(l.note, `${base}.legal[${li}].note`));
      if (question.condition)
        checkCondition(question.condition, `${base}.condition`, n, question.id);
      if (question.mitigation) hasMitigation = true;
      const pointsOk = (points: Record<string, number> | undefined, path: string) => {
        for (const d of Object.keys(points ?? {})) {
          if (question.mitigation && d !== MITIGATION_KEY) {
            out.push(problem(`${path}.${d}`, 'mitigationPoints', { id: d }));
          } else if (!question.mitigation && !domainIds.has(d)) {
            out.push(problem(`${path}.${d}`, 'pointsDomain', { id: d }));
          }
        }
      };
      if ('options' in question) {
        unique(question.options, `${base}.options`, 'option');
        question.options.forEach((o, oi) => {
          text(o.label, `${base}.options[${oi}].label`);
          text(o.help, `${base}.options[${oi}].help`);
          text(o.risk, `${base}.options[${oi}].risk`);
          if (question.mitigation && o.risk)
            out.push(
              problem(`${base}.options[${oi}].risk`, 'riskOnMitigation', { id: question.id }),
            );
          pointsOk(o.points, `${base}.options[${oi}].points`);
        });
      }
      if (question.type === 'multiChoice') {
        pointsOk(question.maxPoints, `${base}.maxPoints`);
        // An exclusive option stands alone, so at least one other option must exist to exclude.
        if (question.options.length > 1 && question.options.every((o) => o.exclusive))
          out.push(problem(`${base}.options`, 'allExclusive', { id: question.id }));
      } else if ('options' in question) {
        question.options.forEach((o, oi) => {
          if (o.exclusive !== undefined)
            out.push(
              problem(`${base}.options[${oi}].exclusive`, 'exclusiveNotMulti', {
                id: question.id,
                type: question.type,
              }),
            );
        });
      }
      if (question.type === 'yesNo') {
        pointsOk(question.yesPoints, `${base}.yesPoints`);
        pointsOk(question.noPoints, `${base}.noPoints`);
      }
      if (question.type === 'number') {
        text(question.unit, `${base}.unit`);
        const ranges = question.ranges ?? [];
        ranges.forEach((r, ri) => {
          pointsOk(r.points, `${base}.ranges[${ri}].points`);
          if (r.min !== undefined && r.max !== undefined && r.min > r.max)
            out.push(
              problem(`${base}.ranges[${ri}].min`, 'minAboveMax', { min: r.min, max: r.max }),
            );
          ranges.slice(0, ri).forEach((o, oi) => {
            const lo = Math.max(r.min ?? -Infinity, o.min ?? -Infinity);
            const hi = Math.min(r.max ?? Infinity, o.max ?? Infinity);
            if (lo <= hi)
              out.push(
                problem(`${base}.ranges[${ri}]`, 'rangeOverlap', { other: oi + 1, index: ri + 1 }),
              );
          });
        });
        if (
          question.min !== undefined &&
          question.max !== undefined &&
          question.min > question.max
        ) {
          out.push(problem(`${base}.min`, 'minAboveMax', { min: question.min, max: question.max }));
        }
      }
      if (!order.has(question.id)) {
        order.set(question.id, n);
        byId.set(question.id, question);
      }
      n++;
    });
  });
  if (hasMitigation !== !!q.mitigation) out.push(problem('mitigation', 'mitigationConfig'));

  // "Not applicable" leaves the maximum; on a mitigation question it would give credit for
  // measures nobody took, and on a question a condition uses it would hide or show others or
  // fire a red flag: so it can never raise a level (docs/scoring.md §3).
  const conditionTargets = new Set<string>();
  const collect = (c: Condition | undefined) => {
    if (c) for (const id of referencedQuestions(c)) conditionTargets.add(id);
  };
  q.sections.forEach((s) => {
    // The question a group repeats for decides which instances are shown, as a condition does.
    if (s.repeatFor) conditionTargets.add(s.repeatFor);
    collect(s.condition);
    s.questions.forEach((x) => collect(x.condition));
  });
  // Red flags too: "not applicable" is no answer, and a flag on "not answered" would then fire.
  (q.redFlags ?? []).forEach((f) => collect(f.when));
  q.sections.forEach((s, si) =>
    s.questions.forEach((question, qi) => {
      if (!question.notApplicable) return;
      const path = `sections[${si}].questions[${qi}].notApplicable`;
      if (question.mitigation)
        out.push(problem(path, 'notApplicableMitigation', { id: question.id }));
      else if (conditionTargets.has(question.id))
        out.push(problem(path, 'notApplicableCondition', { id: question.id }));
    }),
  );

  (q.redFlags ?? []).forEach((f, i) => {
    checkCondition(f.when, `redFlags[${i}].when`, Infinity, null);
    if (f.domain !== OVERALL_DOMAIN && !domainIds.has(f.domain)) {
      out.push(problem(`redFlags[${i}].domain`, 'unknownDomain', { id: f.domain }));
    }
    if (!levelIds.has(f.minLevel))
      out.push(problem(`redFlags[${i}].minLevel`, 'unknownLevel', { id: f.minLevel }));
  });
  (q.suggestedMeasures ?? []).forEach((m, i) => {
    if (!domainIds.has(m.domain))
      out.push(problem(`suggestedMeasures[${i}].domain`, 'unknownDomain', { id: m.domain }));
  });

  return out;

  /** A repeating section's source: an earlier multiple-choice question outside any group. */
  function checkRepeat(id: string, si: number): void {
    const path = `sections[${si}].repeatFor`;
    const source = byId.get(id);
    if (!source) {
      const at = sectionOf.get(id);
      out.push(
        problem(path, at === undefined ? 'repeatUnknown' : 'repeatNotBefore', {
          id,
          section: q.sections[si]!.id,
        }),
      );
      return;
    }
    if (source.type !== 'multiChoice') {
      out.push(problem(path, 'repeatNotMulti', { id, type: source.type }));
      return;
    }
    if (q.sections[sectionOf.get(id)!]!.repeatFor !== undefined) {
      out.push(problem(path, 'repeatNested', { id, section: q.sections[si]!.id }));
      return;
    }
    if (instanceOptions(source).length === 0) out.push(problem(path, 'repeatNoOptions', { id }));
  }

  /** `before`: the position of the question that owns the condition; references must be earlier. */
  function checkCondition(c: Condition, path: string, before: number, self: string | null): void {
    switch (c.op) {
      case 'all':
      case 'any':
        c.conditions.forEach((x, i) => checkCondition(x, `${path}.conditions[${i}]`, before, self));
        return;
      case 'not':
        checkCondition(c.condition, `${path}.condition`, before, self);
        return;
    }
    const qpath = `${path}.question`;
    if (c.question === self) {
      out.push(problem(qpath, 'selfReference', { id: c.question }));
      return;
    }
    // Questions after the owner are not yet in `order` when a question's condition is checked,
    // so look them up in the whole questionnaire to tell "later" from "unknown".
    const pos = order.get(c.question);
    if (pos === undefined || pos >= before) {
      const exists = q.sections.some((s) => s.questions.some((x) => x.id === c.question));
      out.push(problem(qpath, exists ? 'forwardReference' : 'unknownQuestion', { id: c.question }));
      return;
    }
    const target = byId.get(c.question)!;
    const typeError = () =>
      out.push(
        problem(`${path}.op`, 'conditionType', { op: c.op, id: target.id, type: target.type }),
      );
    const optionIds = 'options' in target ? target.options.map((o) => o.id) : null;
    const checkValue = (v: string | number | boolean, vpath: string) => {
      switch (target.type) {
        case 'singleChoice':
        case 'scale':
          if (typeof v !== 'string')
            out.push(problem(vpath, 'conditionValueType', { id: target.id, expected: 'string' }));
          else if (!optionIds!.includes(v))
            out.push(problem(vpath, 'conditionValue', { id: target.id, value: v }));
          return;
        case 'yesNo':
          if (typeof v !== 'boolean')
            out.push(problem(vpath, 'conditionValueType', { id: target.id, expected: 'boolean' }));
          return;
        case 'number':
          if (typeof v !== 'number')
            out.push(problem(vpath, 'conditionValueType', { id: target.id, expected: 'number' }));
          return;
        case 'multiChoice':
          typeError();
          return;
        default:
          if (typeof v !== 'string')
            out.push(problem(vpath, 'conditionValueType', { id: target.id, expected: 'string' }));
      }
    };
    switch (c.op) {
      case 'equals':
      case 'notEquals':
        checkValue(c.value, `${path}.value`);
        return;
      case 'in':
        // One problem for the operator, not one per listed value.
        if (target.type === 'multiChoice') typeError();
        else c.values.forEach((v, i) => checkValue(v, `${path}.values[${i}]`));
        return;
      case 'includes':
        if (target.type !== 'multiChoice') typeError();
        else if (!optionIds!.includes(c.value)) {
          out.push(problem(`${path}.value`, 'conditionValue', { id: target.id, value: c.value }));
        }
        return;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        if (target.type !== 'number') typeError();
        return;
      case 'count':
        if (target.type !== 'multiChoice') typeError();
        else if (c.min === undefined && c.max === undefined)
          out.push(problem(path, 'countBounds', { id: target.id }));
        else if (c.min !== undefined && c.max !== undefined && c.min > c.max)
          out.push(problem(`${path}.min`, 'minAboveMax', { min: c.min, max: c.max }));
        return;
      case 'before':
      case 'after':
        if (target.type !== 'date') typeError();
        else if (Number.isNaN(Date.parse(`${c.value}T00:00:00Z`)))
          out.push(
            problem(`${path}.value`, 'conditionValueType', {
              id: target.id,
              expected: 'yyyy-mm-dd',
            }),
          );
        return;
      default:
        return;
    }
  }
}
