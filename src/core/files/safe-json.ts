import { formatSize } from '../texts/format-size';
import { formatMessage, type MessageCode, type MessageParams } from '../texts/messages';

export interface FileProblem {
  /** JSON path such as `sections[2].questions[0].label.nl`; empty for the whole file. */
  path: string;
  code: MessageCode;
  params: MessageParams;
  /** English text of the problem (use `problemText` for another language). */
  message: string;
}

export function problem(path: string, code: MessageCode, params: MessageParams = {}): FileProblem {
  return { path, code, params, message: formatMessage(code, params, 'en') };
}

/** The problem's text in the user's language. */
export function problemText(p: FileProblem, locale: string): string {
  return formatMessage(p.code, p.params, locale);
}

export const DEFAULT_LIMITS = { maxBytes: 20 * 1024 * 1024, maxDepth: 64 };

export type SafeParse<T> = { ok: true; value: T } | { ok: false; problems: FileProblem[] };

/**
 * Parses untrusted JSON text: refuses oversized and too deeply nested input, and drops
 * `__proto__`, `constructor` and `prototype` keys so that they can never reach an object's prototype.
 */
export function parseJsonSafely(input: string, limits = DEFAULT_LIMITS): SafeParse<unknown> {
  // A byte-order mark (Windows Notepad writes one) is not JSON but not an error either. The browser's
  // Blob.text() drops it already; Node's readFileSync(…, 'utf8') (the CLI) keeps it.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.length > limits.maxBytes) {
    return {
      ok: false,
      problems: [
        problem('', 'tooLarge', {
          size: text.length,
          limit: limits.maxBytes,
        }),
      ],
    };
  }
  // Depth is checked on the raw text first, so a hostile file cannot exhaust the parser's stack.
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limits.maxDepth) {
        return { ok: false, problems: [problem('', 'tooDeep', { limit: limits.maxDepth })] };
      }
    } else if (c === 125 || c === 93) depth--;
  }
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) =>
      key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : v,
    );
    return { ok: true, value };
  } catch (e) {
    return {
      ok: false,
      problems: [problem('', 'notJson', { detail: e instanceof Error ? e.message : String(e) })],
    };
  }
}

/** `['sections', 2, 'label']` → `sections[2].label`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

export { formatSize };
