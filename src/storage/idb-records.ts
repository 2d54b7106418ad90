/** Reading what a stored record still tells when this app cannot open it (newer, damaged). */
import type { AssessmentSummary } from '../core/assessment';
import type { AssessmentRecord } from './record-checks';
import { RECORD_FORMAT } from './summary-record';

/** The JSON text parsed, or undefined. Records are written by this app, so no size guard here. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A record this app cannot read, wrapped as a version so that a save never discards it. */
export function damagedAsVersion(id: string, raw: unknown): AssessmentRecord {
  let json = '';
  try {
    json = JSON.stringify(raw) ?? '';
  } catch {
    // Not representable as JSON (it was not written by this app): keep what can be kept.
  }
  return { recordFormat: RECORD_FORMAT, id, savedAt: '', formatVersion: 0, version: 0, json };
}

export function textOf(value: unknown, key: string): string {
  const v = (value as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v : '';
}

/** A library line for a record that cannot be opened, built from whatever can still be read. */
export function problemSummary(
  id: string,
  raw: unknown,
  problem: 'newerFormat' | 'corrupt' | 'tampered',
): AssessmentSummary {
  const json = (raw as { json?: unknown } | null)?.json;
  const a = typeof json === 'string' ? parseJson(json) : undefined;
  const meta = (a as { meta?: unknown } | null)?.meta;
  const q = (a as { questionnaire?: unknown } | null)?.questionnaire;
  return {
    id,
    title: textOf(raw, 'title') || textOf(meta, 'title'),
    systemName: textOf(raw, 'systemName') || textOf(meta, 'systemName'),
    questionnaireId: textOf(raw, 'questionnaireId') || textOf(q, 'id'),
    questionnaireVersion: textOf(raw, 'questionnaireVersion') || textOf(q, 'version'),
    status: 'draft',
    overallLevel: null,
    updatedAt: textOf(raw, 'updatedAt') || textOf(a, 'updatedAt'),
    exportedAt: null,
    problem,
  };
}
