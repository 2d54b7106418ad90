import { z } from '../files/zod-setup';
import {
  IdSchema,
  LocalizedTextSchema,
  QuestionnaireSchema,
} from '../questionnaire/questionnaire-schema';

/** The assessment file format version this app writes. Older versions migrate forward. */
export const ASSESSMENT_FORMAT_VERSION = 1;
export const ASSESSMENT_FORMAT = 'fria-assessment';

const IsoDateTime = z.string().max(40);
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .or(z.literal(''));
const Text = (max = 100000) => z.string().max(max);
const Rating = z.int().min(1).max(5);

export const AnswerValueSchema = z.union([
  z.string().max(100000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(500),
]);

// The enumerations of the file, each typed once here; the other modules take their lists and
// types from these (register's MEASURE_STATUSES and DECISIONS, the report's statuses).
export const MeasureStatusSchema = z.enum(['planned', 'inProgress', 'done']);
export const ProposalStatusSchema = z.enum(['accepted', 'dismissed']);
export const DecisionSchema = z.enum(['proceed', 'proceedWithConditions', 'doNotProceed']);
export const SignatureKindSchema = z.enum(['drawn', 'typed']);
export const SetAsideReasonSchema = z.enum(['questionRemoved', 'typeChanged', 'optionRemoved']);

export const MeasureSchema = z.strictObject({
  id: IdSchema,
  text: Text(5000),
  owner: Text(200),
  dueDate: IsoDate,
  status: MeasureStatusSchema,
  suggestedMeasure: IdSchema.optional(),
});

export const RiskItemSchema = z.strictObject({
  id: IdSchema,
  domain: IdSchema,
  title: Text(500),
  description: Text(20000),
  affectedGroups: Text(5000),
  likelihood: Rating,
  severity: Rating,
  residualLikelihood: Rating,
  residualSeverity: Rating,
  /** Required when the residual product is above the inherent one (docs/scoring.md §7). */
  residualJustification: Text(5000).optional(),
  measures: z.array(MeasureSchema).max(200),
  /** The proposal this item came from, if any. */
  proposal: z.string().max(200).optional(),
  /**
   * Its number (R1, R2, …), given once when it is stored and never reused after a removal, so
   * "see R3" keeps pointing at the same risk. Absent in files written before numbers were kept:
   * those are numbered by place until the register next changes (src/core/register/register-views.ts).
   */
  number: z.int().min(1).max(1000000).optional(),
});

export const ProposalDecisionSchema = z.strictObject({
  status: ProposalStatusSchema,
  reason: Text(5000).optional(),
  riskId: IdSchema.optional(),
  at: IsoDateTime,
});

export const OverrideSchema = z.strictObject({
  level: IdSchema,
  // Empty is read like only spaces: the file opens and scoring reports the override as not
  // counting (no written justification); the app never writes one without a justification.
  justification: Text(10000),
  at: IsoDateTime.optional(),
  /** Who set the level (name and function, as typed). Absent in files written before it was asked. */
  by: Text(200).optional(),
});

export const ConclusionSchema = z.strictObject({
  decision: DecisionSchema,
  reasoning: Text(20000),
  conditions: z.array(Text(2000)).max(100),
});

export const SignOffSchema = z.strictObject({
  id: IdSchema,
  role: z.string().max(80),
  name: Text(200),
  function: Text(200),
  organisation: Text(200),
  date: IsoDate,
  place: Text(200),
  declaration: Text(5000),
  signature: z.strictObject({ kind: SignatureKindSchema, data: z.string().max(500000) }).optional(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  version: z.int().min(1),
  at: IsoDateTime,
  /**
   * Present on a withdrawal: the id of the sign-off this record withdraws (src/core/signoff.ts).
   * A withdrawal is a record of its own, after the sign-off, so nothing is deleted.
   */
  withdraws: IdSchema.optional(),
  /** Why the signer withdrew (a withdrawal only). */
  reason: Text(5000).optional(),
  /**
   * Hash over `contentHash`, the sign-off's own fields and the previous sign-off
   * (src/core/signoff/signoff-chain.ts). Absent in sign-offs recorded before chaining.
   */
  chainHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export const SetAsideAnswerSchema = z.strictObject({
  questionId: z.string().max(200),
  value: AnswerValueSchema,
  note: Text().optional(),
  reason: SetAsideReasonSchema,
  fromVersion: z.string().max(50),
});

export const HistoryEntrySchema = z.strictObject({
  at: IsoDateTime,
  action: z.string().max(200),
  detail: z.string().max(2000).optional(),
});

/**
 * An earlier version, kept when a new one starts (src/core/signoff/versions.ts): which version it
 * was, when the next one started and why, and its content as it was signed (the assessment content
 * without `versions`, which is rebuilt from the records before it). With it, the sign-offs of that
 * version can be checked against their hash and the report can say what changed since.
 */
export const VersionRecordSchema = z.strictObject({
  version: z.int().min(1),
  at: IsoDateTime,
  reason: Text(5000),
  content: z.record(z.string(), z.unknown()),
});

/** Where carried answers came from: the source assessment as it was when they were carried. */
export const CarriedFromSchema = z.strictObject({
  assessmentId: z.string().min(1).max(100),
  questionnaireId: IdSchema,
  questionnaireVersion: z.string().max(50),
  /** The source questionnaire's title, per locale ("Quickscan grondrechten"). */
  questionnaireTitle: LocalizedTextSchema,
  /** The source assessment's title. */
  title: Text(300),
  /** When the source assessment was last saved before the answers were carried. */
  at: IsoDateTime,
});

/**
 * One carried answer: the value carried and the source question. Until `confirmedAt` is set (the
 * user confirmed it), the answer is the other assessment's, not yet reviewed here: it is marked,
 * listed on the summary and keeps the assessment from being signed (while it is still the answer).
 */
export const CarriedAnswerSchema = z.strictObject({
  from: IdSchema,
  value: AnswerValueSchema,
  confirmedAt: IsoDateTime.optional(),
});

export const AssessmentMetaSchema = z.strictObject({
  title: Text(300),
  systemName: Text(300),
  organisation: Text(300),
  owner: Text(300),
  locale: z.string().max(10),
});

export const AssessmentSchema = z.strictObject({
  format: z.literal(ASSESSMENT_FORMAT),
  formatVersion: z.literal(ASSESSMENT_FORMAT_VERSION),
  id: z.string().min(1).max(100),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Version number of the assessment itself: a change after sign-off starts a new one. */
  version: z.int().min(1),
  questionnaire: z.strictObject({
    id: IdSchema,
    version: z.string().max(50),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** A copy of the questionnaire, so the file opens where that questionnaire is not installed. */
  questionnaireSnapshot: QuestionnaireSchema.optional(),
  meta: AssessmentMetaSchema,
  answers: z.record(z.string(), AnswerValueSchema),
  notes: z.record(z.string(), Text()),
  /**
   * "Not applicable" per question id, with the reason given. Counts only for a visible question
   * whose questionnaire allows it and with a reason other than spaces (docs/scoring.md §2).
   */
  notApplicable: z.record(z.string(), Text(1000)).optional(),
  redFlagResponses: z.record(z.string(), Text(10000)),
  register: z.array(RiskItemSchema).max(1000),
  /** The highest risk number ever given in this assessment: the next risk gets one more. */
  lastRiskNumber: z.int().min(0).max(1000000).optional(),
  proposals: z.record(z.string(), ProposalDecisionSchema),
  overrides: z.record(z.string(), OverrideSchema),
  conclusion: ConclusionSchema.optional(),
  signOffs: z.array(SignOffSchema).max(50),
  setAside: z.array(SetAsideAnswerSchema).max(5000),
  history: z.array(HistoryEntrySchema).max(10000),
  /** Earlier versions, oldest first; absent until a new version is started. */
  versions: z.array(VersionRecordSchema).max(200).optional(),
  /**
   * The assessment this one was started from, when answers were carried over from it (the quick
   * scan into the full FRIA; src/core/assessment/carry.ts).
   */
  carriedFrom: CarriedFromSchema.optional(),
  /** Per question id: the answer carried over, from which question, and whether it was confirmed. */
  carried: z.record(z.string(), CarriedAnswerSchema).optional(),
});

export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentMeta = z.infer<typeof AssessmentMetaSchema>;
export type RiskItem = z.infer<typeof RiskItemSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Override = z.infer<typeof OverrideSchema>;
export type Conclusion = z.infer<typeof ConclusionSchema>;
export type SignOff = z.infer<typeof SignOffSchema>;
export type VersionRecord = z.infer<typeof VersionRecordSchema>;
export type CarriedFrom = z.infer<typeof CarriedFromSchema>;
export type CarriedAnswer = z.infer<typeof CarriedAnswerSchema>;
export type ProposalDecision = z.infer<typeof ProposalDecisionSchema>;
export type MeasureStatus = z.infer<typeof MeasureStatusSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type SignatureKind = z.infer<typeof SignatureKindSchema>;
export type SetAsideReason = z.infer<typeof SetAsideReasonSchema>;

/** What a person signing fills in about themselves: typed once, from the sign-off record. */
export const SignOffPersonSchema = SignOffSchema.pick({
  role: true,
  name: true,
  function: true,
  organisation: true,
  date: true,
  place: true,
});
export type SignOffPerson = z.infer<typeof SignOffPersonSchema>;
