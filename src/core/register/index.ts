/**
 * The register room: the risk register of an assessment (docs/risk-register.md).
 *
 * - `register`: risk entries and their checks, measures, the register level and heat map, domain
 *   overrides, the conclusion, the action plan and its CSV;
 * - `proposals`: register entries the engine proposes from the answers and red flags, and accepting,
 *   dismissing and reopening them.
 */
export * from './register';
export * from './proposals';
