/**
 * The report model (STYLE.md habit 6): the whole PDF report as plain data, built from the
 * assessment, the questionnaire and the scoring engine. The PDF adapter only draws it, so what the
 * report says is decided and tested here. Every string is already in the report language.
 */
import type { Assessment, RiskItem } from '../assessment/assessment-schema';
import {
  OVERALL_DOMAIN,
  type Question,
  type Questionnaire,
  type QuestionType,
} from '../questionnaire/questionnaire-schema';
import { assessmentHash, questionnaireHash } from '../assessment/assessment';
import { isAnswered } from '../scoring/answers';
import { explainTrace } from '../scoring/explain';
import { pick } from '../texts/localized';
import { markdownToPlainText } from './markdown';
import { bandLevel, score, type IgnoredOverride, type ScoreResult } from '../scoring/scoring';
import { indexQuestionnaire } from '../questionnaire/questionnaire-index';
import {
  actionPlan,
  heatMap as registerHeatMap,
  riskNumbers,
  sortActions,
  type ActionRow,
} from '../register/register';
import { dismissedProposals } from '../register/proposals';
import { sealSummaryText, verifySeal, type SignOffSealStatus } from '../assessment/seal';
import {
  currentSignOffs,
  previousSignOffs,
  signOffDeclaration,
  signOffRoles,
  signOffStatus,
} from '../signoff/signoff';
import { ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION } from '../assessment/assessment-schema';
import { answerLines, formatDay, formatMoment, formatNumber, formatPercent } from './report-format';
import {
  FRAMEWORK_ELEMENTS,
  reportLocale,
  reportText,
  reportTextKeys,
  type ReportLocale,
  type ReportTextKey,
} from './report-texts';

export interface ReportOptions {
  /** The app's version, printed in the integrity block. */
  appVersion: string;
  /** When the report is made (ISO date-time); passed in to keep the core pure and output repeatable. */
  generatedAt: string;
  /** IANA time zone for printed moments (the reader's); the runtime's own when left out. */
  timeZone?: string;
}

/** A level as the report shows it: its label, its place in the scale, and its colour. */
export interface LevelRef {
  id: string;
  label: string;
  /** 0-based position from lowest to highest. */
  index: number;
  /** How many levels the questionnaire has. */
  count: number;
  /** #rrggbb; never the only carrier of meaning (the PDF adds text and a pattern). */
  color: string;
  /**
   * What the level means or what to do next, as the questionnaire words it (plain text; markdown
   * is flattened). Null when the questionnaire gives none.
   */
  description: string | null;
}

/** One level that some domains ended at, with what it means for them. */
export interface ReportLevelGuide {
  level: LevelRef;
  /** The labels of the domains whose final level this is, in questionnaire order. */
  domains: string[];
  description: string;
}

export type ReportPartId =
  | 'cover'
  | 'summary'
  | 'context'
  | 'answers'
  | 'register'
  | 'actionPlan'
  | 'conclusion'
  | 'coverage'
  | 'signOff'
  | 'integrity';

export interface LabelValue {
  label: string;
  value: string;
}

export interface ReportDomain {
  id: string;
  label: string;
  /** "6 of 10 (60%)" or "not assessed". */
  scoreText: string;
  computed: LevelRef | null;
  final: LevelRef | null;
  override: { level: LevelRef | null; justification: string; text: string } | null;
  /** Why an override in the file was not applied (unknown level, no justification); else null. */
  ignoredOverride: string | null;
  redFlags: string[];
  /** The "why this level" lines, from the scoring trace. */
  why: string[];
}

export interface ReportTrigger {
  number: string;
  question: string;
  answer: string;
}

export interface ReportRedFlag {
  id: string;
  text: string;
  /** "Domain: Privacy. Raises to at least: Very high." */
  scope: string;
  minLevel: LevelRef | null;
  triggers: ReportTrigger[];
  response: string | null;
}

export interface ReportHeatMap {
  /** counts[likelihood - 1][severity - 1] */
  inherent: number[][];
  residual: number[][];
  /** The level band of each cell, same indexing. */
  bands: (LevelRef | null)[][];
  total: number;
}

export interface ReportQuestion {
  id: string;
  /** "3.2": section number and the question's place among the visible questions. */
  number: string;
  label: string;
  type: QuestionType;
  required: boolean;
  answered: boolean;
  /** The answer as lines (option labels, a number, a date, or the text); the "not answered" text when empty. */
  answer: string[];
  note: string | null;
  sources: string[];
}

export interface ReportSection {
  id: string;
  number: string;
  title: string;
  description: string | null;
  questions: ReportQuestion[];
}

export interface ReportRiskScore {
  likelihood: number;
  severity: number;
  product: number;
  level: LevelRef | null;
  text: string;
}

export interface ReportMeasure {
  id: string;
  riskNumber: string;
  riskTitle: string;
  text: string;
  owner: string;
  due: string;
  dueDate: string;
  status: 'planned' | 'inProgress' | 'done';
  statusLabel: string;
}

export interface ReportRisk {
  id: string;
  number: string;
  domain: string;
  title: string;
  description: string;
  affectedGroups: string;
  inherent: ReportRiskScore;
  residual: ReportRiskScore;
  residualJustification: string | null;
  measures: ReportMeasure[];
}

export type CoverageStatus = 'answered' | 'partly' | 'open' | 'notApplicable' | 'notCovered';

/** A proposed risk the assessors dismissed, with their reason (kept visible, issue 4). */
export interface ReportDismissedProposal {
  title: string;
  /** The domain's label; empty for a proposal from an "overall" red flag. */
  domain: string;
  reason: string;
  /** False when the current answers no longer make this proposal. */
  current: boolean;
}

export interface ReportCoverageRow {
  tag: string;
  framework: string;
  code: string;
  text: string;
  /** Numbers of the visible questions that carry the tag. */
  where: string[];
  status: CoverageStatus;
  statusLabel: string;
}

export interface ReportSignOffEntry {
  role: string;
  name: string;
  function: string;
  organisation: string;
  date: string;
  place: string;
  declaration: string;
  signature:
    | { kind: 'typed'; text: string }
    | { kind: 'drawn'; text: string; dataUrl: string }
    | { kind: 'none'; text: string };
  contentHash: string;
  version: number;
  seal: SignOffSealStatus;
  sealText: string;
}

export interface ReportModel {
  locale: ReportLocale;
  /** Labels the drawing needs (column heads, page furniture), already in the report language. */
  labels: Record<ReportTextKey, string>;
  document: {
    title: string;
    subject: string;
    author: string;
    keywords: string;
    creator: string;
    language: string;
    /** The attached assessment file's name: "<system name>.fria.json". */
    attachmentName: string;
    /** A suggested PDF file name. */
    pdfName: string;
  };
  /**
   * The running header and page-furniture values. `header` is the whole line; the drawing may
   * shorten `title` (with an ellipsis) to keep it on one line beside the DRAFT mark.
   */
  running: {
    header: string;
    title: string;
    system: string;
    shortHash: string;
    draftMark: string | null;
  };
  parts: { id: ReportPartId; title: string }[];
  status: { code: 'draft' | 'inReview' | 'signed'; label: string; signed: boolean };
  cover: {
    title: string;
    systemName: string;
    fields: LabelValue[];
    overall: LevelRef | null;
    overallText: string;
    /** The overall level's description (often the next step); null when there is none. */
    overallDescription: string | null;
    provisional: string | null;
    note: string | null;
  };
  summary: {
    intro: string;
    overall: LevelRef | null;
    overallText: string;
    overallDescription: string | null;
    overallHow: string;
    /**
     * How the credit for measures worked out (additive questionnaires with `mitigation`, such as
     * the AIA style); null when the questionnaire has none or no measure question applies.
     */
    mitigationHow: string | null;
    domains: ReportDomain[];
    /**
     * Per final level of the domains (highest first), its description and the domains at it.
     * Empty when all domains share one level: the overall description then says it all.
     */
    levelGuide: ReportLevelGuide[];
    redFlags: ReportRedFlag[];
    /** Overrides for domains this questionnaire does not have: listed, never applied. */
    strayOverrides: string[];
    heatMap: ReportHeatMap;
    levels: LevelRef[];
    openRequired: ReportTrigger[];
    provisional: string | null;
  };
  context: { fields: LabelValue[]; about: string; questionnaireDescription: string | null };
  sections: ReportSection[];
  /** Answers kept aside when the assessment moved to a new questionnaire version (never dropped). */
  setAside: { question: string; answer: string; note: string | null; reason: string }[];
  register: { risks: ReportRisk[]; dismissed: ReportDismissedProposal[] };
  actionPlan: { measures: ReportMeasure[] };
  conclusion: {
    recorded: boolean;
    decision: string;
    reasoning: string;
    conditions: string[];
  };
  coverage: { rows: ReportCoverageRow[] };
  signOff: {
    signed: boolean;
    statusText: string;
    declaration: string;
    roles: { label: string; required: boolean; entries: ReportSignOffEntry[] }[];
    /** Sign-offs by roles the questionnaire does not declare (kept, never hidden). */
    other: ReportSignOffEntry[];
    previous: ReportSignOffEntry[];
  };
  integrity: {
    assessmentHash: string;
    questionnaireId: string;
    questionnaireVersion: string;
    /** The questionnaire hash recorded in the assessment. */
    questionnaireHash: string;
    /** The hash of the questionnaire the report was drawn with, when it differs. */
    questionnaireHashDiffers: string | null;
    appVersion: string;
    fields: LabelValue[];
    howTo: string;
  };
}

/** A file name from the system name: keeps letters of any script, drops path and control characters. */
export function attachmentFileName(systemName: string): string {
  const base = systemName
    .normalize('NFC')
    // Invisible format characters go: a right-to-left override (U+202E) before "fdp.exe" shows
    // "exe.pdf" in a file list.
    .replace(/\p{Cf}+/gu, '')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return `${base || 'assessment'}.fria.json`;
}

/**
 * Says in words why an override in the assessment was not applied and which level counts instead
 * (SCORING.md §7: an override needs a declared level and a written justification). Used by the
 * report and the command line, so a file edited by hand never changes a level without a word.
 */
export function ignoredOverrideText(
  o: IgnoredOverride,
  q: Questionnaire,
  result: ScoreResult,
  locale: string,
): string {
  const lang = reportLocale(locale);
  const label = (id: string | null) =>
    id
      ? pick(q.levels.find((l) => l.id === id)?.label, lang) || id
      : reportText('notAssessed', lang);
  const domain = pick(q.domains.find((d) => d.id === o.domain)?.label, lang) || o.domain;
  const computed = label(result.byDomain[o.domain]?.computed ?? null);
  if (o.reason === 'unknownDomain') {
    return reportText('overrideIgnoredDomain', lang, { domain, level: o.level });
  }
  if (o.reason === 'unknownLevel') {
    return reportText('overrideIgnoredLevel', lang, { domain, level: o.level, computed });
  }
  return reportText('overrideIgnoredReason', lang, { domain, level: label(o.level), computed });
}

/** Builds the report model. Hidden questions never appear; every level comes from `score()`. */
export async function buildReport(
  assessment: Assessment,
  questionnaire: Questionnaire,
  locale: string,
  opts: ReportOptions,
): Promise<ReportModel> {
  const lang = reportLocale(locale);
  const t = (key: ReportTextKey, params?: Record<string, string | number>) =>
    reportText(key, lang, params);
  const q = questionnaire;
  const a = assessment;
  const result: ScoreResult = score(q, a);
  const hash = await assessmentHash(a);
  const actualQuestionnaireHash = await questionnaireHash(q);
  const seal = await verifySeal(a);
  const index = indexQuestionnaire(q);

  const levelRefs = q.levels.map((l, i): LevelRef => {
    const description = l.description ? markdownToPlainText(pick(l.description, lang)).trim() : '';
    return {
      id: l.id,
      label: pick(l.label, lang),
      index: i,
      count: q.levels.length,
      color: l.color,
      description: description === '' ? null : description,
    };
  });
  const level = (id: string | null | undefined): LevelRef | null =>
    id ? (levelRefs.find((l) => l.id === id) ?? null) : null;
  const levelLabel = (id: string | null | undefined) => level(id)?.label ?? t('notAssessed');
  const domainLabel = (id: string) =>
    id === OVERALL_DOMAIN
      ? t('coverOverall')
      : pick(q.domains.find((d) => d.id === id)?.label, lang) || id;

  // Numbers: section position, then position among the section's visible questions.
  const numbers = new Map<string, string>();
  const sections: ReportSection[] = [];
  q.sections.forEach((section, si) => {
    if (!result.visibility.sections.has(section.id)) return;
    const questions: ReportQuestion[] = [];
    for (const question of section.questions) {
      if (!result.visibility.questions.has(question.id)) continue;
      const number = `${si + 1}.${questions.length + 1}`;
      numbers.set(question.id, number);
      questions.push(reportQuestion(question, number));
    }
    sections.push({
      id: section.id,
      number: String(si + 1),
      title: pick(section.title, lang),
      description: section.description
        ? markdownToPlainText(pick(section.description, lang))
        : null,
      questions,
    });
  });

  function reportQuestion(question: Question, number: string): ReportQuestion {
    const value = result.visibility.effective[question.id];
    const answered = isAnswered(value);
    const note = a.notes[question.id];
    return {
      id: question.id,
      number,
      label: pick(question.label, lang),
      type: question.type,
      required: question.required === true,
      answered,
      answer: answered
        ? answerLines(question, value, lang)
        : [question.required ? t('notAnsweredRequired') : t('notAnswered')],
      note: note !== undefined && note.trim() !== '' ? note : null,
      sources: (question.legal ?? []).map((l) =>
        [l.source, l.article].filter((x) => x && x.trim() !== '').join(' '),
      ),
    };
  }

  const questionRef = (id: string): ReportTrigger => {
    const entry = index.byId.get(id);
    const value = result.visibility.effective[id];
    return {
      number: numbers.get(id) ?? '',
      question: entry ? pick(entry.question.label, lang) : id,
      answer: entry ? answerLines(entry.question, value, lang).join(', ') : '',
    };
  };

  // Domains and their explanation.
  const ignored = (domain: string) => {
    const o = result.ignoredOverrides.find((x) => x.domain === domain);
    return o ? ignoredOverrideText(o, q, result, lang) : null;
  };
  const domains: ReportDomain[] = result.domains.map((d) => {
    const label = domainLabel(d.domain);
    return {
      id: d.domain,
      label,
      scoreText:
        d.ratio === null
          ? t('notAssessed')
          : // With the credit for measures, the level follows the lowered score: show both.
            t(
              d.adjustedRatio !== null && d.adjustedRatio !== d.ratio
                ? 'scoreValueCredited'
                : 'scoreValue',
              {
                raw: formatNumber(d.raw, lang),
                max: formatNumber(d.max, lang),
                pct: formatPercent(d.ratio, lang),
                adjusted: formatPercent(d.adjustedRatio ?? d.ratio, lang),
              },
            ),
      computed: level(d.computed),
      final: level(d.final),
      override: d.override
        ? {
            level: level(d.override.level),
            justification: d.override.justification,
            text: t('overrideValue', {
              from: levelLabel(d.computed),
              to: levelLabel(d.override.level),
              reason: d.override.justification,
            }),
          }
        : null,
      ignoredOverride: ignored(d.domain),
      redFlags: d.redFlags.map(
        (id) => pick(q.redFlags?.find((f) => f.id === id)?.text, lang) || id,
      ),
      why: d.trace.map((entry) => explainTrace(entry, q, lang, { register: a.register })),
    };
  });

  const redFlags: ReportRedFlag[] = result.redFlags.map((f) => {
    const def = q.redFlags?.find((x) => x.id === f.id);
    const response = a.redFlagResponses[f.id];
    return {
      id: f.id,
      text: pick(def?.text, lang) || f.id,
      scope:
        f.domain === OVERALL_DOMAIN
          ? t('redFlagOverall', { level: levelLabel(f.minLevel) })
          : t('redFlagDomain', { domain: domainLabel(f.domain), level: levelLabel(f.minLevel) }),
      minLevel: level(f.minLevel),
      triggers: f.questions.map(questionRef),
      response: response !== undefined && response.trim() !== '' ? response : null,
    };
  });

  // Risk register, its heat map and the action plan: numbering, cells and order from register.ts,
  // so the app's register screens and the report always agree.
  const riskNumber = riskNumbers(a.register);
  const actions = actionPlan(a);
  const risks: ReportRisk[] = a.register.map((risk) => reportRisk(risk, riskNumber.get(risk.id)!));
  function riskScore(l: number, s: number): ReportRiskScore {
    const product = l * s;
    const lvl = level(bandLevel(q, product));
    return {
      likelihood: l,
      severity: s,
      product,
      level: lvl,
      text: lvl
        ? t('riskScoreLevel', { l, s, p: product, level: lvl.label })
        : t('riskScore', { l, s, p: product }),
    };
  }
  function reportMeasure(m: ActionRow): ReportMeasure {
    return {
      id: m.measureId,
      riskNumber: m.riskNumber,
      riskTitle: m.riskTitle.trim() || m.riskNumber,
      text: m.text,
      owner: m.owner.trim() || t('noOwner'),
      due: m.dueDate ? formatDay(m.dueDate, lang) : t('noDueDate'),
      dueDate: m.dueDate,
      status: m.status,
      statusLabel: t(
        m.status === 'planned'
          ? 'measurePlanned'
          : m.status === 'inProgress'
            ? 'measureInProgress'
            : 'measureDone',
      ),
    };
  }
  function reportRisk(risk: RiskItem, number: string): ReportRisk {
    return {
      id: risk.id,
      number,
      domain: domainLabel(risk.domain),
      title: risk.title.trim() || number,
      description: risk.description,
      affectedGroups: risk.affectedGroups,
      inherent: riskScore(risk.likelihood, risk.severity),
      residual: riskScore(risk.residualLikelihood, risk.residualSeverity),
      residualJustification:
        risk.residualJustification && risk.residualJustification.trim() !== ''
          ? risk.residualJustification
          : null,
      measures: actions.filter((m) => m.riskId === risk.id).map(reportMeasure),
    };
  }
  const cells = registerHeatMap(q, a.register);
  const heatMap: ReportHeatMap = {
    inherent: cells.map((row) => row.map((c) => c.inherent.length)),
    residual: cells.map((row) => row.map((c) => c.residual.length)),
    bands: cells.map((row) => row.map((c) => level(c.level))),
    total: a.register.length,
  };
  // By due date; undated measures last; ties in register order.
  const measures = sortActions(actions, 'dueDate', 'ascending', lang).map(reportMeasure);

  // Framework coverage from the questions' tags.
  const measureCount = a.register.reduce((n, r) => n + r.measures.length, 0);
  const coverage: ReportCoverageRow[] = FRAMEWORK_ELEMENTS.map((el) => {
    const tagged = index.questions.filter(({ question }) => question.tags?.includes(el.tag));
    const visible = tagged.filter(({ question }) => result.visibility.questions.has(question.id));
    const answered = visible.filter(({ question }) =>
      isAnswered(result.visibility.effective[question.id]),
    );
    const where = visible.map(({ question }) => numbers.get(question.id) ?? '');
    if (el.alsoBy === 'register' && a.register.length > 0) {
      where.push(t('coverageRegister', { count: a.register.length }));
    }
    if (el.alsoBy === 'measures' && measureCount > 0) {
      where.push(t('coverageMeasures', { count: measureCount }));
    }
    let status: CoverageStatus;
    if (tagged.length === 0) status = 'notCovered';
    else if (visible.length === 0) status = 'notApplicable';
    else if (answered.length === visible.length) status = 'answered';
    else if (answered.length > 0) status = 'partly';
    else status = 'open';
    const statusKey = (
      {
        answered: 'coverageAnswered',
        partly: 'coveragePartly',
        open: 'coverageOpen',
        notApplicable: 'coverageNotApplicable',
        notCovered: 'coverageNotCovered',
      } as const
    )[status];
    return {
      tag: el.tag,
      framework: t(
        el.framework === 'aiAct'
          ? 'frameworkAiAct'
          : el.framework === 'gdpr'
            ? 'frameworkGdpr'
            : 'frameworkIama',
      ),
      code: el.code,
      text: el.text[lang],
      where,
      status,
      statusLabel: t(statusKey),
    };
  });

  // Sign-off and status.
  const statusCode = signOffStatus(a, q);
  const signed = statusCode === 'signed' && seal.status === 'valid';
  const statusLabel = t(
    signed ? 'statusSigned' : statusCode === 'inReview' ? 'statusInReview' : 'statusDraft',
  );
  const roles = signOffRoles(q);
  const sealOf = new Map(seal.signOffs.map((s) => [s.signOff, s.status]));
  const entry = (s: Assessment['signOffs'][number]): ReportSignOffEntry => {
    const sealStatus = sealOf.get(s) ?? 'changed';
    const role = roles.find((r) => r.id === s.role);
    return {
      role: role ? pick(role.label, lang) : s.role,
      name: s.name,
      function: s.function,
      organisation: s.organisation,
      date: s.date ? formatDay(s.date, lang) : '',
      place: s.place,
      declaration: s.declaration,
      signature: !s.signature
        ? { kind: 'none', text: t('signOffSignatureNone') }
        : s.signature.kind === 'typed'
          ? { kind: 'typed', text: t('signOffSignatureTyped', { name: s.signature.data }) }
          : { kind: 'drawn', text: t('signOffSignatureDrawn'), dataUrl: s.signature.data },
      contentHash: s.contentHash,
      version: s.version,
      seal: sealStatus,
      sealText: t(sealStatus === 'valid' ? 'signOffSealMatches' : 'signOffSealDiffers'),
    };
  };
  const current = currentSignOffs(a);
  const roleIds = new Set(roles.map((r) => r.id));

  const overall = level(result.overall.level);
  const credit = result.mitigation;
  const mitigationHow =
    q.mitigation && credit && credit.max > 0
      ? t(credit.applied ? 'mitigationApplied' : 'mitigationNotApplied', {
          raw: formatNumber(credit.raw, lang),
          max: formatNumber(credit.max, lang),
          pct: formatPercent(credit.raw / credit.max, lang),
          threshold: formatPercent(q.mitigation.threshold, lang),
          reduction: formatPercent(q.mitigation.reduction, lang),
          factor: formatNumber(1 - q.mitigation.reduction, lang),
        })
      : null;
  // What each level means for the domains at it; only worth a list when the domains differ.
  const finalLevels = new Set(domains.map((d) => d.final?.id).filter((id) => id !== undefined));
  const levelGuide: ReportLevelGuide[] =
    finalLevels.size < 2
      ? []
      : [...levelRefs]
          .reverse()
          .filter((l) => l.description !== null && finalLevels.has(l.id))
          .map((l) => ({
            level: l,
            domains: domains.filter((d) => d.final?.id === l.id).map((d) => d.label),
            description: l.description!,
          }));
  const provisional = result.complete
    ? null
    : t('coverProvisional', { count: result.openRequired.length });
  const attachmentName = attachmentFileName(a.meta.systemName || a.meta.title);
  const shortHash = hash.slice(0, 12);
  const system = a.meta.systemName || a.meta.title || a.id;
  const questionnaireTitle = pick(q.title, lang);
  // The report is titled after its questionnaire (a quick scan is not a full FRIA); the generic
  // words only when the questionnaire's title is blank in every language.
  const reportTitle = questionnaireTitle.trim() || t('reportTitle');
  const moment = (iso: string) => formatMoment(iso, lang, opts.timeZone);
  const visibleCount = sections.reduce((n, s) => n + s.questions.length, 0);
  const answeredCount = sections.reduce(
    (n, s) => n + s.questions.filter((x) => x.answered).length,
    0,
  );

  const partIds: ReportPartId[] = [
    'cover',
    'summary',
    'context',
    'answers',
    'register',
    'actionPlan',
    'conclusion',
    'coverage',
    'signOff',
    'integrity',
  ];
  const partKey: Record<ReportPartId, ReportTextKey> = {
    cover: 'partCover',
    summary: 'partSummary',
    context: 'partContext',
    answers: 'partAnswers',
    register: 'partRegister',
    actionPlan: 'partActionPlan',
    conclusion: 'partConclusion',
    coverage: 'partCoverage',
    signOff: 'partSignOff',
    integrity: 'partIntegrity',
  };

  // Templates keep their {placeholders}; the drawing fills in page numbers itself.
  const labels = Object.fromEntries(
    reportTextKeys(lang).map((k) => [k, reportText(k as ReportTextKey, lang)]),
  ) as Record<ReportTextKey, string>;

  const c = a.conclusion;
  return {
    locale: lang,
    labels,
    document: {
      title: `${reportTitle} — ${system}`,
      subject: t('docSubject', { title: reportTitle, system }),
      author: [a.meta.owner, a.meta.organisation].filter((x) => x.trim() !== '').join(', '),
      // The questionnaire's own words, not those of one framework (a quick scan is no IAMA).
      keywords: t('docKeywords', { title: reportTitle, system }),
      creator: `${t('generator')} ${opts.appVersion}`,
      // Codes jsPDF's setLanguage accepts (it has no nl-NL).
      language: lang === 'nl' ? 'nl' : 'en-GB',
      attachmentName,
      pdfName: attachmentName.replace(/\.fria\.json$/, `.${lang}.pdf`),
    },
    running: {
      header: `${reportTitle} · ${system}`,
      title: reportTitle,
      system,
      shortHash,
      draftMark: signed ? null : t('draftMark'),
    },
    parts: partIds.map((id) => ({ id, title: t(partKey[id]) })),
    status: { code: signed ? 'signed' : statusCode, label: statusLabel, signed },
    cover: {
      title: reportTitle,
      systemName: system,
      fields: [
        { label: t('coverOrganisation'), value: a.meta.organisation },
        { label: t('coverOwner'), value: a.meta.owner },
        ...(a.meta.title && a.meta.title !== system
          ? [{ label: t('coverAssessmentTitle'), value: a.meta.title }]
          : []),
        {
          label: t('coverQuestionnaire'),
          value: t('coverQuestionnaireValue', { title: questionnaireTitle, version: q.version }),
        },
        { label: t('coverCreated'), value: moment(a.createdAt) },
        { label: t('coverUpdated'), value: moment(a.updatedAt) },
        { label: t('coverGenerated'), value: moment(opts.generatedAt) },
        { label: t('coverVersion'), value: String(a.version) },
        { label: t('coverStatus'), value: statusLabel },
      ].filter((f) => f.value.trim() !== ''),
      overall,
      overallText: overall ? overall.label : t('notAssessed'),
      overallDescription: overall?.description ?? null,
      provisional,
      note: signed ? null : t('coverNotSignedNote'),
    },
    summary: {
      intro: t('summaryIntro'),
      overall,
      overallText: t('summaryOverallLine', { level: overall ? overall.label : t('notAssessed') }),
      overallDescription: overall?.description ?? null,
      overallHow: t(
        result.overall.aggregation === 'mean' ? 'summaryOverallHowMean' : 'summaryOverallHow',
      ),
      mitigationHow,
      domains,
      levelGuide,
      redFlags,
      strayOverrides: result.ignoredOverrides
        .filter((o) => o.reason === 'unknownDomain')
        .map((o) => ignoredOverrideText(o, q, result, lang)),
      heatMap,
      levels: levelRefs,
      openRequired: result.openRequired.map(questionRef),
      provisional,
    },
    context: {
      fields: [
        { label: t('coverSystem'), value: system },
        { label: t('coverOrganisation'), value: a.meta.organisation },
        { label: t('coverOwner'), value: a.meta.owner },
        ...(a.meta.title && a.meta.title !== system
          ? [{ label: t('coverAssessmentTitle'), value: a.meta.title }]
          : []),
        {
          label: t('coverQuestionnaire'),
          value: t('coverQuestionnaireValue', { title: questionnaireTitle, version: q.version }),
        },
        {
          label: t('contextCompleteness'),
          value: t('contextCompletenessValue', {
            answered: answeredCount,
            visible: visibleCount,
          }),
        },
        { label: t('coverCreated'), value: moment(a.createdAt) },
        { label: t('coverUpdated'), value: moment(a.updatedAt) },
        { label: t('coverVersion'), value: String(a.version) },
        { label: t('coverStatus'), value: statusLabel },
        { label: t('contextLanguage'), value: t('contextLanguageValue') },
        { label: t('contextId'), value: a.id },
      ].filter((f) => f.value.trim() !== ''),
      about: t('contextAboutText', { file: attachmentName }),
      questionnaireDescription: q.description
        ? markdownToPlainText(pick(q.description, lang))
        : null,
    },
    sections,
    setAside: a.setAside.map((x) => {
      const question = index.byId.get(x.questionId)?.question;
      const label = question ? pick(question.label, lang) : x.questionId;
      const answer = Array.isArray(x.value)
        ? x.value.join(', ')
        : typeof x.value === 'boolean'
          ? t(x.value ? 'yes' : 'no')
          : String(x.value);
      const reasonKey =
        x.reason === 'questionRemoved'
          ? 'setAsideQuestionRemoved'
          : x.reason === 'typeChanged'
            ? 'setAsideTypeChanged'
            : 'setAsideOptionRemoved';
      return {
        question: label,
        answer,
        note: x.note ?? null,
        reason: t(reasonKey, { version: q.version }),
      };
    }),
    register: {
      risks,
      dismissed: dismissedProposals(q, a, lang, result).map((d) => ({
        title: d.title,
        domain: d.domain ? domainLabel(d.domain) : '',
        reason: d.reason,
        current: d.current,
      })),
    },
    actionPlan: { measures },
    conclusion: c
      ? {
          recorded: true,
          decision: t(
            c.decision === 'proceed'
              ? 'decisionProceed'
              : c.decision === 'proceedWithConditions'
                ? 'decisionProceedWithConditions'
                : 'decisionDoNotProceed',
          ),
          reasoning: c.reasoning,
          conditions: c.conditions.filter((x) => x.trim() !== ''),
        }
      : { recorded: false, decision: t('conclusionMissing'), reasoning: '', conditions: [] },
    coverage: { rows: coverage },
    signOff: {
      signed,
      statusText: sealSummaryText(seal, lang),
      declaration: signOffDeclaration(q, lang),
      roles: roles.map((r, i) => ({
        label: pick(r.label, lang),
        // The preparer always signs (signoff.ts), even when not marked required.
        required: r.required || i === 0,
        entries: current.filter((s) => s.role === r.id).map(entry),
      })),
      other: current.filter((s) => !roleIds.has(s.role)).map(entry),
      previous: previousSignOffs(a).map(entry),
    },
    integrity: {
      assessmentHash: hash,
      questionnaireId: q.id,
      questionnaireVersion: q.version,
      questionnaireHash: a.questionnaire.hash,
      questionnaireHashDiffers:
        actualQuestionnaireHash === a.questionnaire.hash
          ? null
          : t('integrityQuestionnaireDiffers', {
              actual: actualQuestionnaireHash,
              declared: a.questionnaire.hash,
            }),
      appVersion: opts.appVersion,
      fields: [
        { label: t('integrityAssessmentHash'), value: hash },
        {
          label: t('integrityQuestionnaire'),
          value: `${a.questionnaire.id} ${a.questionnaire.version}`,
        },
        { label: t('integrityQuestionnaireHash'), value: a.questionnaire.hash },
        { label: t('integrityAppVersion'), value: opts.appVersion },
        {
          label: t('integrityFormat'),
          value: `${ASSESSMENT_FORMAT} ${ASSESSMENT_FORMAT_VERSION}`,
        },
        { label: t('integrityAttachment'), value: attachmentName },
        { label: t('contextId'), value: `${a.id} (v${a.version})` },
        { label: t('integrityGenerated'), value: moment(opts.generatedAt) },
      ],
      howTo: t('integrityHowTo'),
    },
  };
}
