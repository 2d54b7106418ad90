/**
 * The files room: reading untrusted input safely, used by every reader of a file.
 *
 * - `safe-json`: JSON parsing with size and depth limits that drops prototype keys, and
 *   `FileProblem`, a problem in a file with its path and message code;
 * - `limits`: the size gate for each kind of file, checked before a file is read into memory;
 * - `zod-problems`: zod's issues turned into plain-language problems.
 *
 * `zod-setup` (zod configured for the app's CSP) is not re-exported here: importing it loads zod,
 * and the modules that build schemas import it themselves.
 */
export * from './safe-json';
export * from './limits';
export * from './zod-problems';
