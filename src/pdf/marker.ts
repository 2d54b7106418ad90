/**
 * A PDF comment every FRIA Wizard report carries inside its first page object, so a reader can
 * tell "ours but damaged" from "not ours" even when a file was cut off before its attachment.
 */
export const FRIA_PDF_MARKER = '%FRIA-Wizard-report';
