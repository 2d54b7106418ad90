/**
 * A byte count as people read it. On its own module path so that the library's storage status
 * does not load the file-problem texts; the formatter itself is the shared one.
 */
export { formatSize } from './format';
