import type { z } from 'zod';
import { formatPath, problem, type FileProblem } from './safe-json';

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  // "Expected a whole number, but found a number" would not say what is wrong with 1.5.
  if (typeof v === 'number' && !Number.isInteger(v)) return 'decimal';
  return typeof v;
}

function at(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** Turns zod issues into plain-language problems with JSON paths. */
export function zodProblems(error: z.ZodError, data: unknown): FileProblem[] {
  const out: FileProblem[] = [];
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'invalid_type': {
        const received = at(data, issue.path);
        if (received === undefined) out.push(problem(path, 'missing'));
        else
          out.push(
            problem(path, 'wrongType', { expected: issue.expected, received: typeOf(received) }),
          );
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys)
          out.push(problem(formatPath([...issue.path, key]), 'unknownField', { key }));
        break;
      case 'too_small': {
        const minimum = String(issue.minimum);
        const sized = issue.origin === 'string' || issue.origin === 'array';
        // `.gt(0)` is exclusive: "at least 0" would tell the author that 0 is fine.
        const code = sized
          ? 'tooShort'
          : issue.inclusive === false
            ? 'tooSmallExclusive'
            : 'tooSmall';
        out.push(problem(path, code, { minimum }));
        break;
      }
      case 'too_big': {
        const maximum = String(issue.maximum);
        const sized = issue.origin === 'string' || issue.origin === 'array';
        const code = sized ? 'tooLong' : issue.inclusive === false ? 'tooBigExclusive' : 'tooBig';
        out.push(problem(path, code, { maximum }));
        break;
      }
      case 'invalid_format':
        out.push(
          problem(path, 'badFormat', {
            format: issue.message && issue.message.length < 20 ? issue.message : issue.format,
          }),
        );
        break;
      case 'invalid_value':
        out.push(
          problem(path, 'badChoice', {
            allowed: issue.values.map((v) => JSON.stringify(v)).join(', '),
          }),
        );
        break;
      case 'invalid_union': {
        const disc = (issue as { discriminator?: string }).discriminator;
        if (disc) {
          // zod puts the discriminator at the end of the path already.
          const discPath =
            issue.path[issue.path.length - 1] === disc ? issue.path : [...issue.path, disc];
          const value = at(data, discPath);
          const options = (issue as { options?: unknown[] }).options;
          out.push(
            problem(formatPath(discPath), value === undefined ? 'missing' : 'unknownType', {
              value: shown(value),
              allowed: Array.isArray(options) ? options.map(String).join(', ') : '',
            }),
          );
        } else if (at(data, issue.path) === undefined) {
          // A missing field whose type is a union (e.g. a condition's value) is missing, not "invalid".
          out.push(problem(path, 'missing'));
        } else out.push(problem(path, 'invalid'));
        break;
      }
      default:
        out.push(problem(path, 'invalid'));
    }
  }
  return out;
}

/**
 * A value from the file as text for a message. Never String(value): a file can hold an object
 * such as {"toString": 0}, which String() cannot convert (a TypeError instead of a message).
 */
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    const text = JSON.stringify(value) ?? 'undefined';
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  } catch {
    return '?';
  }
}
