/**
 * The scoring room: the engine described in docs/scoring.md.
 *
 * - `answers`: what an answer is, whether it is given and whether it fits its question;
 * - `condition`: evaluating a question's or section's condition against the answers;
 * - `visibility`: which questions and sections count, and which required ones are open;
 * - `scoring`: points per domain, levels, red flags, risk products, overrides — `score()` returns the
 *   whole result with a trace of every step;
 * - `explain`: that trace as sentences in the user's language;
 * - `progress`: answered and open required questions per section, for the step list;
 * - `instances`: a repeating group per instance: its points, open questions and red flags, and the
 *   instances whose answers are kept aside.
 */
export * from './answers';
export * from './condition';
export * from './visibility';
export * from './scoring';
export * from './explain';
export * from './progress';
export * from './instances';
export * from './obligations';
