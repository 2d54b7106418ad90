// The start screen's panels under the library (import and backup, storage status): one chunk of
// their own, loaded as the start screen starts but not waited for (Library.tsx).
export { ImportPanel } from './ImportPanel';
export { StorageStatus } from './StorageStatus';
