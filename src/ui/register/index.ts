/**
 * What the register offers the summary and the other screens: the domain bars, the override dialog
 * and what it did not apply, the register's summary, the conclusion form and the text field.
 * The register and action-plan screens themselves load as chunks (screen-loaders.ts).
 */
export { DomainBars } from './DomainBars';
export { OverrideDialog } from './OverrideDialog';
export { IgnoredOverrides, useIgnoredOverrideText } from './IgnoredOverrides';
export { RegisterSummary } from './RegisterSummary';
export { ConclusionForm } from './ConclusionForm';
export { TextField } from './RiskForm';
