/**
 * The sign-off room: who signs, when signing is allowed and what a sign-off records
 * (docs/signing.md).
 *
 * - `signoff`: sign-off roles and declaration, what blocks signing, adding a sign-off, locking,
 *   starting a new version, and the draft / in review / signed status;
 * - `signoff-messages`: the texts of blockers and seal results in Dutch and English;
 * - `signoff-chain`: the chain hash that links each sign-off record to the one before it.
 */
export * from './signoff';
export * from './signoff-chain';
export * from './signoff-messages';
export * from './versions';
