/**
 * Earlier versions of an assessment. Starting a new version keeps the content as it was signed
 * (`VersionRecord.content`: the assessment content without `versions`, so copies do not nest);
 * `versionContent` rebuilds the whole content of an earlier version from its record and the
 * records before it, so its hash can be recomputed and compared with its sign-offs.
 */
import type { Assessment, VersionRecord } from './assessment-schema';
import { assessmentContent } from './assessment';
import { canonicalHash } from './canonical';

/** The content of the assessment as it is now, without `versions`: what a record keeps. */
export function versionSnapshot(a: Assessment): Record<string, unknown> {
  const { versions: _v, ...content } = assessmentContent(a);
  // A JSON copy: the record must not share objects with the live assessment.
  return JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
}

/** The record of a new version started now: the current version, closed, with the reason. */
export function closeVersion(a: Assessment, at: string, reason: string): VersionRecord {
  return { version: a.version, at, reason: reason.trim(), content: versionSnapshot(a) };
}

/**
 * The full signed content of an earlier version, as `assessmentContent` gave it then; null when
 * no copy of that version is kept (files from before copies were kept, or a version never closed).
 */
export function versionContent(a: Assessment, version: number): Record<string, unknown> | null {
  const records = a.versions ?? [];
  const i = records.findIndex((r) => r.version === version);
  if (i < 0) return null;
  const before = records.slice(0, i);
  return before.length > 0 ? { ...records[i]!.content, versions: before } : records[i]!.content;
}

/** The content hash of an earlier version from its kept copy; null when no copy is kept. */
export async function versionHash(a: Assessment, version: number): Promise<string | null> {
  const content = versionContent(a, version);
  return content ? canonicalHash(content) : null;
}
