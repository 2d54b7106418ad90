import { z } from '../files/zod-setup';

/**
 * Ids: letters, digits, dash, underscore and dot; start with a letter. "constructor" and
 * "prototype" are refused: ids become keys in files (answers, points, overrides), and the safe
 * JSON reader drops those two keys, so such an id would silently lose its data on reload.
 */
export const IdSchema = z
  .string()
  .regex(/^(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_.-]{0,79}$/, 'id')
  .describe(
    'Identifier: starts with a letter; letters, digits, "-", "_" and "." (max 80); not "constructor" or "prototype".',
  );

/**
 * The word a red flag uses for the assessment as a whole: not a domain, so no domain may have it as
 * its id (its red flags would count twice).
 */
export const OVERALL_DOMAIN = 'overall';

/**
 * Names of Object.prototype's members ("toString", "valueOf", "hasOwnProperty", …): a plain object
 * finds them without any data, so the validator refuses them as ids of anything.
 */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Object.prototype),
);

export const LocaleCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'locale')
  .describe('Language code such as "nl" or "en".');

export const LocalizedTextSchema = z
  .record(z.string(), z.string().max(20000))
  .describe(
    'Text per locale: { "nl": "...", "en": "..." }. Every declared locale must be present.',
  );

const PointsSchema = z
  .record(z.string(), z.int().min(0).max(1000))
  .describe('Non-negative integer points per domain id, e.g. { "privacy": 3 }.');

const ScalarValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** Conditions are data with a closed set of operators (docs/scoring.md §2). */
export type Condition =
  | { op: 'equals' | 'notEquals'; question: string; value: string | number | boolean }
  | { op: 'in'; question: string; values: (string | number | boolean)[] }
  | { op: 'includes'; question: string; value: string }
  | { op: 'answered' | 'notAnswered'; question: string }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; question: string; value: number }
  | { op: 'count'; question: string; min?: number; max?: number }
  | { op: 'before' | 'after'; question: string; value: string }
  | { op: 'all' | 'any'; conditions: Condition[] }
  | { op: 'not'; condition: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({
      op: z.enum(['equals', 'notEquals']),
      question: IdSchema,
      value: ScalarValueSchema,
    }),
    z.strictObject({
      op: z.literal('in'),
      question: IdSchema,
      values: z.array(ScalarValueSchema).min(1),
    }),
    z.strictObject({ op: z.literal('includes'), question: IdSchema, value: z.string() }),
    z.strictObject({ op: z.enum(['answered', 'notAnswered']), question: IdSchema }),
    z.strictObject({
      op: z.enum(['gt', 'gte', 'lt', 'lte']),
      question: IdSchema,
      value: z.number(),
    }),
    z.strictObject({
      op: z.literal('count'),
      question: IdSchema,
      min: z.int().min(0).optional(),
      max: z.int().min(0).optional(),
    }),
    z.strictObject({
      op: z.enum(['before', 'after']),
      question: IdSchema,
      value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
    }),
    z.strictObject({ op: z.enum(['all', 'any']), conditions: z.array(ConditionSchema).min(1) }),
    z.strictObject({ op: z.literal('not'), condition: ConditionSchema }),
  ]),
);

export const LegalReferenceSchema = z.strictObject({
  source: z
    .string()
    .min(1)
    .describe('Instrument, e.g. "GDPR", "AI Act", "EU Charter", "ECHR", "Grondwet", "AWGB".'),
  article: z.string().optional().describe('Article or part, e.g. "Art. 35(7)(b)".'),
  url: z.string().optional(),
  note: LocalizedTextSchema.optional(),
});

export const FrameworkTagSchema = z
  .string()
  .regex(/^(ai-act-27-[a-f]|gdpr-35-7-[a-d]|iama-[1-4]|[a-z][a-z0-9-]*)$/, 'tag')
  .describe('Framework element covered, e.g. "ai-act-27-c", "gdpr-35-7-b", "iama-4".');

export const OptionSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  points: PointsSchema.optional(),
  risk: LocalizedTextSchema.optional().describe(
    'The risk this answer may bring, written as a risk (e.g. "People are wrongly flagged as fraud suspects"): the title of the register entry it proposes. Overrides the question\'s risk.',
  ),
  exclusive: z
    .boolean()
    .optional()
    .describe(
      'Multiple choice only: this option ("None of these", "I do not know") is chosen on its own. Ticking it clears the others, ticking another clears it; a stored answer that mixes them does not fit.',
    ),
});

const questionBase = {
  id: IdSchema,
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional().describe(
    'Why this is asked, with an example. Safe markdown subset.',
  ),
  required: z.boolean().optional(),
  condition: ConditionSchema.optional(),
  legal: z.array(LegalReferenceSchema).optional(),
  tags: z.array(FrameworkTagSchema).optional(),
  risk: LocalizedTextSchema.optional().describe(
    'The risk an answer that scores high here may bring, written as a risk: the title of the register entry it proposes (an option\'s own risk comes first). Without it the app writes "Possible risk to <domain>".',
  ),
  mitigation: z
    .boolean()
    .optional()
    .describe(
      'Points count towards the mitigation score (docs/scoring.md §4), not towards domains.',
    ),
  notApplicable: z
    .boolean()
    .optional()
    .describe(
      'The user may answer "not applicable" with a short reason: the question then leaves its domains\' maximum (docs/scoring.md §3). Not on mitigation questions, nor on questions a condition refers to.',
    ),
};

export const QuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...questionBase,
    type: z.literal('singleChoice'),
    options: z.array(OptionSchema).min(2),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('multiChoice'),
    options: z.array(OptionSchema).min(1),
    maxPoints: PointsSchema.optional().describe('Cap on the points per domain of this question.'),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('scale'),
    options: z
      .array(OptionSchema)
      .min(2)
      .describe('Ordered from one end of the scale to the other.'),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('yesNo'),
    yesPoints: PointsSchema.optional(),
    noPoints: PointsSchema.optional(),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('shortText'),
    maxLength: z.int().min(1).max(1000).optional(),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('longText'),
    maxLength: z.int().min(1).max(100000).optional(),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: LocalizedTextSchema.optional(),
    ranges: z
      .array(
        z.strictObject({
          min: z.number().optional().describe('Lowest value in the range (inclusive).'),
          max: z.number().optional().describe('Highest value in the range (inclusive).'),
          points: PointsSchema,
        }),
      )
      .min(1)
      .optional()
      .describe(
        'Points by the number given: the range the answer falls in gives its points (ranges may not overlap); e.g. { "min": 10001, "points": { "privacy": 3 } } for more than 10,000 people.',
      ),
  }),
  z.strictObject({ ...questionBase, type: z.literal('date') }),
]);

export const SectionSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  condition: ConditionSchema.optional(),
  repeatFor: IdSchema.optional().describe(
    "A repeating group: the questions of this section are asked once per option chosen in this earlier multiple-choice question (not for its exclusive options), each time under the option's label. Answers are kept per option; clearing the option sets them aside (docs/scoring.md §3).",
  ),
  questions: z.array(QuestionSchema).min(1),
});

export const DomainSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
});

export const ObligationSchema = z.strictObject({
  id: IdSchema,
  kind: z
    .enum(['peerReview', 'notice', 'humanDecision', 'approval', 'advice', 'other'])
    .optional()
    .describe(
      'What sort of obligation: a peer review, a notice to the people affected, a human decision, an approval by a named role, advice (e.g. of the data protection officer), or other (default).',
    ),
  text: LocalizedTextSchema.describe('What must happen, in plain words, per locale.'),
});

export const LevelSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'colour')
    .describe('Colour as #rrggbb; never the only carrier of meaning.'),
  description: LocalizedTextSchema.optional(),
  obligations: z
    .array(ObligationSchema)
    .optional()
    .describe(
      'What must happen when this is the overall level (after overrides), e.g. a peer review or a notice to the people affected. Each level lists all of its own: levels do not inherit from lower ones.',
    ),
  requiredRoles: z
    .array(IdSchema)
    .optional()
    .describe(
      'Sign-off roles (ids under signOff.roles) that must sign when this is the overall level, even when the role itself is optional.',
    ),
});

export const RiskBandSchema = z.strictObject({
  min: z.int().min(1).max(25),
  max: z.int().min(1).max(25),
  level: IdSchema,
});

export const RedFlagSchema = z.strictObject({
  id: IdSchema,
  when: ConditionSchema,
  domain: IdSchema.describe(`A domain id, or "${OVERALL_DOMAIN}".`),
  minLevel: IdSchema,
  text: LocalizedTextSchema,
  risk: LocalizedTextSchema.optional().describe(
    'The risk this flag stands for, written as a risk: the title of the register entry it proposes. Without it the first sentence of the text is used.',
  ),
});

export const SuggestedMeasureSchema = z.strictObject({
  id: IdSchema,
  domain: IdSchema,
  text: LocalizedTextSchema,
});

export const SignOffRoleSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  required: z.boolean().optional(),
});

/**
 * One question of this questionnaire whose answer fills a question of another one (carry-over):
 * `from` here, `to` there. `options` maps this question's answer values (option ids; "true" and
 * "false" for a yes/no question) to the other question's (an option id, or true/false for a yes/no
 * question there); null leaves that answer out. A value not listed carries as itself, which the
 * validator accepts only where the other question has an option of that id.
 */
export const CarryQuestionSchema = z.strictObject({
  from: IdSchema.describe('A question of this questionnaire.'),
  to: IdSchema.describe('The question of the target questionnaire that its answer fills.'),
  options: z
    .record(z.string(), z.union([z.string(), z.boolean(), z.null()]))
    .optional()
    .describe(
      'Answer values that differ: { "<value here>": "<value there>" }; "true"/"false" for yes/no; null: not carried.',
    ),
});

export const CarryOverSchema = z.strictObject({
  target: IdSchema.describe('Id of the questionnaire whose questions these answers fill.'),
  questions: z.array(CarryQuestionSchema).min(1),
});

export const QuestionnaireSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z
      .literal(2)
      .optional()
      .describe(
        'Format of this file: 2. A file without it is read as format 1 (the first format) and moved to format 2 when it is loaded.',
      ),
    id: IdSchema,
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'semver')
      .describe('Semantic version, e.g. "1.2.0".'),
    locales: z.array(LocaleCodeSchema).min(1),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    estimatedMinutes: z.int().min(1).max(1000).optional(),
    domains: z.array(DomainSchema).min(1),
    levels: z.array(LevelSchema).min(2).describe('Ordered from lowest to highest.'),
    thresholds: z
      .array(z.number().gt(0).lt(1))
      .describe(
        'Ratio thresholds, strictly ascending, one fewer than levels (docs/scoring.md §5).',
      ),
    riskBands: z
      .array(RiskBandSchema)
      .min(1)
      .describe('Map likelihood × severity (1–25) to levels; together they cover 1..25.'),
    denominator: z
      .enum(['visible', 'all'])
      .optional()
      .describe(
        "A domain's maximum: over the visible questions (default) or over all questions that can score it, shown or not (docs/scoring.md §3).",
      ),
    ratioDecimals: z
      .int()
      .min(0)
      .max(6)
      .optional()
      .describe(
        'Round each ratio half up to this many decimals before the thresholds (after any credit for measures); default: no rounding.',
      ),
    aggregation: z
      .enum(['max', 'mean'])
      .optional()
      .describe('How final domain levels make the overall level; default "max".'),
    mitigation: z
      .strictObject({ threshold: z.number().gt(0).max(1), reduction: z.number().gt(0).lt(1) })
      .optional(),
    proposalShare: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe(
        "Share of a question's points for a domain at which its answer proposes a risk; default 0.75.",
      ),
    sections: z.array(SectionSchema).min(1),
    redFlags: z.array(RedFlagSchema).optional(),
    suggestedMeasures: z.array(SuggestedMeasureSchema).optional(),
    signOff: z
      .strictObject({
        roles: z.array(SignOffRoleSchema).min(1),
        declaration: LocalizedTextSchema,
      })
      .optional(),
    carryOver: z
      .array(CarryOverSchema)
      .optional()
      .describe(
        'Which answers of this questionnaire fill which questions of another, when an assessment with that one is started from an assessment with this one (docs/authoring-questionnaires.md, "Carry-over").',
      ),
  })
  .describe('FRIA Wizard questionnaire');

export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type Option = z.infer<typeof OptionSchema>;
export type Domain = z.infer<typeof DomainSchema>;
export type Level = z.infer<typeof LevelSchema>;
export type Obligation = z.infer<typeof ObligationSchema>;
export type RedFlag = z.infer<typeof RedFlagSchema>;
export type LegalReference = z.infer<typeof LegalReferenceSchema>;
export type Points = Record<string, number>;
export type CarryOver = z.infer<typeof CarryOverSchema>;
export type CarryQuestion = z.infer<typeof CarryQuestionSchema>;

export const QUESTION_TYPES: readonly QuestionType[] = [
  'singleChoice',
  'multiChoice',
  'scale',
  'yesNo',
  'shortText',
  'longText',
  'number',
  'date',
];

/** The JSON Schema published for questionnaire authors (editor help). */
export function questionnaireJsonSchema(): unknown {
  return z.toJSONSchema(QuestionnaireSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  });
}
