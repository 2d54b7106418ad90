/**
 * The library's actions, loaded on first use. Exporting, importing, duplicating and restoring need
 * the assessment format's checks (zod) and the backup reader; the start screen, which shows the
 * library, does not. These wrappers have the signatures of library-actions.ts and import-files.ts
 * and load them (one chunk) when the user first does something (docs/performance.md).
 */
type Actions = typeof import('./library-actions') & typeof import('./import-files');
type Fn = (...args: never[]) => Promise<unknown>;
type Name = { [K in keyof Actions]: Actions[K] extends Fn ? K : never }[keyof Actions];

let loading: Promise<Actions> | null = null;
/** Loads the actions' code; also to warm it up before the user asks. */
export const loadLibraryActions = (): Promise<Actions> =>
  (loading ??= Promise.all([import('./library-actions'), import('./import-files')]).then(
    ([a, f]) => ({ ...a, ...f }),
  ));

function lazy<K extends Name>(name: K): Actions[K] {
  const run = async (...args: unknown[]) => {
    const actions = await loadLibraryActions();
    return (actions[name] as (...a: unknown[]) => Promise<unknown>)(...args);
  };
  return run as Actions[K];
}

export const exportOne = lazy('exportOne');
export const exportUnreadable = lazy('exportUnreadable');
export const exportAll = lazy('exportAll');
export const exportVersion = lazy('exportVersion');
export const duplicate = lazy('duplicate');
export const startWithCarriedAnswers = lazy('startWithCarriedAnswers');
export const remove = lazy('remove');
export const undoRemove = lazy('undoRemove');
export const restoreVersion = lazy('restoreVersion');
export const startImport = lazy('startImport');
export const finishImport = lazy('finishImport');
export const moveToQuestionnaire = lazy('moveToQuestionnaire');
export const readImportFiles = lazy('readImportFiles');
