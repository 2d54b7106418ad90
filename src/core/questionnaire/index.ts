/**
 * The questionnaire room: what a questionnaire file may contain and how it is checked.
 *
 * - `questionnaire-schema`: the zod schema of a questionnaire (sections, questions, domains, levels,
 *   bands, red flags, sign-off roles) and the JSON Schema generated from it;
 * - `questionnaire-format`: the file format's versions and the pure steps from one to the next;
 * - `validate`: reading a questionnaire from text or data — the schema check, then the checks across
 *   parts (references, translations, thresholds, bands), each problem in plain words;
 * - `questionnaire-index`: questions and sections by id, built once per questionnaire;
 * - `questionnaire-migration`: moving an assessment to a newer version of its questionnaire, setting
 *   aside the answers that no longer fit;
 * - `carry-over`: which answers of one questionnaire fill which questions of another, and the
 *   checks of such a mapping;
 * - `repeat`: repeating groups, expanded into one set of questions per chosen option;
 * - `resolve`: which copy of a questionnaire an assessment is read with (chosen, embedded or
 *   built-in), each checked in full before it is used.
 *
 * Other parts of the core import the modules directly; layers outside the core import from here.
 * Loading this index loads zod: the start screen imports only the types it needs.
 */
export * from './questionnaire-schema';
export * from './questionnaire-format';
export * from './validate';
export * from './questionnaire-index';
export * from './questionnaire-migration';
export * from './resolve';
export * from './carry-over';
export * from './repeat';
