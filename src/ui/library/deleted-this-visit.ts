import { useSyncExternalStore } from 'react';

/**
 * Assessments deleted during this visit, newest first, so "undo" stays offered for the rest of the
 * visit even after the user went elsewhere in the app and came back. Lives in memory only: a reload
 * ends the visit (the repository empties its trash of old deletions later).
 */
export interface DeletedItem {
  id: string;
  title: string;
}

let items: DeletedItem[] = [];
const listeners = new Set<() => void>();

function set(next: DeletedItem[]): void {
  items = next;
  for (const l of listeners) l();
}

export const deletedThisVisit = {
  add(item: DeletedItem): void {
    set([item, ...items.filter((i) => i.id !== item.id)]);
  },
  remove(id: string): void {
    set(items.filter((i) => i.id !== id));
  },
  list: (): DeletedItem[] => items,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** Tests start from an empty visit. */
  reset(): void {
    set([]);
  },
};

export function useDeletedThisVisit(): DeletedItem[] {
  return useSyncExternalStore(
    deletedThisVisit.subscribe,
    deletedThisVisit.list,
    deletedThisVisit.list,
  );
}
