/**
 * The report model: the whole PDF report as plain data, every string already in the report's
 * language. `buildReport()` (report.ts) makes it; the PDF adapter only draws it.
 */
import type { MeasureStatus, SignOffPerson } from '../assessment/assessment-schema';
import type { SignOffSealStatus } from '../assessment/seal';
import type { QuestionType } from '../questionnaire/questionnaire-schema';
import type { ReportLocale, ReportTextKey } from './report-texts';

export interface ReportOptions {
  /** The app's version, printed in the integrity block. */
  appVersion: string;
  /** When the report is made (ISO date-time); passed in to keep the core pure and output repeatable. */
  generatedAt: string;
  /** IANA time zone for printed moments (the reader's); the runtime's own when left out. */
  timeZone?: string;
  /**
   * What happens to the PDF next, as far as the maker knows: `now`, the app signs it digitally
   * straight after making it; `fields`, it gets empty signature fields to sign elsewhere. Left
   * out: not known (an export, which may still be signed later). Only the seal's words depend on it.
   */
  digitalSignature?: 'now' | 'fields';
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
  /** "Taken into the register as risk R1 “Title”.", if it was: that risk answers the flag. */
  coveredBy: string | null;
}

export interface ReportHeatMap {
  /** counts[likelihood - 1][severity - 1] */
  inherent: number[][];
  residual: number[][];
  /** The level band of each cell, same indexing. */
  bands: (LevelRef | null)[][];
  /** Per cell, its risks' numbers as lines ("R1 R2", "+3"): which risks, not only how many. */
  labels: { inherent: string[][][]; residual: string[][][] };
  total: number;
}

export interface ReportQuestion {
  id: string;
  /** "3.2": section number and the question's place among the visible questions. */
  number: string;
  label: string;
  /**
   * For a question of a repeating group: the instance it is asked for (the chosen option's label,
   * "Private life and personal data"), printed as a heading above the instance's questions.
   */
  instance: string | null;
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
  status: MeasureStatus;
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

/**
 * A proposed risk and what the assessors did with it: taken into the register on its own
 * (`accepted`), taken into one risk together with other proposals (`merged`), dismissed with a
 * reason, or still `open`. Every proposal is listed, so none can vanish from a signed report.
 */
export interface ReportProposal {
  title: string;
  /** The domain's label; empty for a proposal from an "overall" red flag. */
  domain: string;
  status: 'accepted' | 'merged' | 'dismissed' | 'open';
  /** "Taken into the register as R2", "Dismissed. Reason: …", "Open: not handled yet". */
  statusText: string;
  /** The dismissal reason; empty otherwise. */
  reason: string;
  /** False when the current answers no longer make this proposal (a kept dismissal). */
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

/** Role is the role's label here; the person's fields are the sign-off's own. */
export interface ReportSignOffEntry extends SignOffPerson {
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

/** A sign-off of an earlier version, as a row of the history table. */
export interface ReportPreviousSignOff {
  version: number;
  role: string;
  name: string;
  date: string;
  /** The first 16 hex digits of the content hash it signed, with an ellipsis. */
  hash: string;
  /** Whether the kept copy of that version has that hash, in words. */
  check: string;
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
    /** "provisional — 52 required questions open" after every level while required questions are open. */
    levelNote: string | null;
    /** "provisional", for narrow places (table cells) where `levelNote` is said nearby. */
    levelNoteShort: string | null;
    note: string | null;
  };
  summary: {
    intro: string;
    overall: LevelRef | null;
    overallText: string;
    overallDescription: string | null;
    overallHow: string;
    /**
     * What the final overall level requires, as the questionnaire declares it (docs/scoring.md
     * §14); `provisional` says it is not final while required questions are open. Null when the
     * level declares nothing.
     */
    obligations: {
      title: string;
      provisional: string | null;
      items: { kind: string; text: string }[];
      roles: string | null;
    } | null;
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
    /** Questions answered "not applicable", with the reason (in `answer`), in questionnaire order. */
    notApplicable: ReportTrigger[];
    /**
     * Answers carried over from another assessment that nobody confirmed (they block signing), in
     * questionnaire order; `carriedIntro` says where from. Empty when there are none.
     */
    unconfirmedCarried: ReportTrigger[];
    carriedIntro: string | null;
    provisional: string | null;
    /** "provisional — 52 required questions open" after every level while required questions are open. */
    levelNote: string | null;
    /** "provisional", for narrow places (table cells) where `levelNote` is said nearby. */
    levelNoteShort: string | null;
    /**
     * The human decision (the conclusion), on the summary page and in short on the cover;
     * `recorded` false says there is no decision yet ("No decision yet"), never implying one.
     */
    decision: {
      recorded: boolean;
      /** "Decision". */
      label: string;
      /** "Proceed with conditions", or "No decision yet". */
      text: string;
      /** The cover's short form: the decision and how many conditions it has. */
      coverText: string;
      /** Under the decision: that the conclusion is not recorded yet, or "On these conditions:". */
      note: string | null;
      conditions: string[];
    };
  };
  context: { fields: LabelValue[]; about: string; questionnaireDescription: string | null };
  sections: ReportSection[];
  /** Answers kept aside when the assessment moved to a new questionnaire version (never dropped). */
  setAside: { question: string; answer: string; note: string | null; reason: string }[];
  register: { risks: ReportRisk[]; proposals: ReportProposal[] };
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
    /** Sign-offs of earlier versions, one compact row each (never repeated as full blocks). */
    previous: ReportPreviousSignOff[];
    /** Each later version: when it was started and why ("Version 2, 7 December 2026: …"). */
    versions: string[];
    /** What changed since the previous version; null when this is version 1 or no copy is kept. */
    changes: { title: string; lines: string[] } | null;
    /** Sign-offs withdrawn by their signer: who, when, why (one sentence each). */
    withdrawn: string[];
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
