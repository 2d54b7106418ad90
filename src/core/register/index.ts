/**
 * The register room: the risk register of an assessment (docs/risk-register.md).
 *
 * - `register`: risk entries — ratings, the rules an entry must meet, drafts, saving, removing and
 *   restoring — and the problem codes and history line the other modules share;
 * - `register-views`: each domain's register level, risks by domain, the heat map;
 * - `risk-numbers`: R1, R2, … stored with each risk and never reused;
 * - `overrides`: setting a domain's final level by hand, with a justification;
 * - `conclusion`: the decision people record, and what it still lacks;
 * - `action-plan`: every measure of every risk, sorted, and its status;
 * - `csv`: the action plan as a CSV file, safe against formula injection;
 * - `proposals`: register entries the engine proposes from the answers and red flags, and accepting,
 *   dismissing and reopening them.
 */
export * from './register';
export * from './register-views';
export * from './overrides';
export * from './conclusion';
export * from './action-plan';
export * from './csv';
export * from './proposals';
