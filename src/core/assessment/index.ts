/**
 * The assessment room: the assessment as data and as a file.
 *
 * - `assessment-schema`: the zod schema of an assessment file (answers, register, overrides,
 *   conclusion, sign-offs, history);
 * - `assessment`: creating, hashing, writing and reading an assessment file (with its migrations);
 * - `migrations`: the chain that lifts an older file format to the current one;
 * - `backup`: backups of many assessments and the import plan (keep both, replace, cancel);
 * - `seal`: whether the signed content is unchanged since each sign-off, and what changed;
 * - `canonical`: canonical JSON and SHA-256, the basis of every hash;
 * - `repository`: the storage interface the adapters implement, and an in-memory one;
 * - `carry`: answers carried over from another assessment (quick scan → full FRIA) until confirmed;
 * - `summary`: the library line of an assessment (status, overall level).
 *
 * Loading this index loads zod: screens that must start without it import `repository` directly.
 */
export * from './assessment-schema';
export * from './assessment';
export * from './migrations';
export * from './backup';
export * from './seal';
export * from './canonical';
export * from './repository';
export * from './summary';
export * from './versions';
export * from './carry';
