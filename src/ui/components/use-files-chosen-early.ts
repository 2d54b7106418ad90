import { useEffect, useRef, type RefObject } from 'react';

/**
 * The start screen is in the page before the app's code runs (prerendered), file inputs included. A
 * file chosen in that moment fires a change event that nothing hears. When the input's component
 * starts, it takes over what the input already holds, so the user's choice is not silently lost.
 * Returns the ref to put on the file input.
 */
export function useFilesChosenEarly(
  onFiles: (files: File[]) => void,
): RefObject<HTMLInputElement | null> {
  const input = useRef<HTMLInputElement>(null);
  // The handler of the first render: the effect runs once, right after it.
  const atStart = useRef(onFiles);
  useEffect(() => {
    const el = input.current;
    if (!el?.files || el.files.length === 0) return;
    const files = [...el.files];
    // Emptied at once, so a change event React replays after starting finds nothing to read twice.
    el.value = '';
    atStart.current(files);
    // Once, when the component starts: later choices come through the change event.
  }, []);
  return input;
}
