/**
 * The library's pure parts: search, filter and sort of the summaries, what counts as "not exported",
 * file names, and duplicating an assessment as a new version. Kept apart from the components so they
 * are easy to test and to read.
 */
import type { Assessment } from '../../core/assessment';
import type { AssessmentStatus, AssessmentSummary } from '../../core/assessment';

export type SortKey = 'updated' | 'title' | 'status' | 'level';
export type StatusFilter = AssessmentStatus | 'all';

export interface LibraryQuery {
  search: string;
  sort: SortKey;
  status: StatusFilter;
  /** A questionnaire id, or 'all'. */
  questionnaire: string;
  onlyUnexported: boolean;
}

export const DEFAULT_QUERY: LibraryQuery = {
  search: '',
  sort: 'updated',
  status: 'all',
  questionnaire: 'all',
  onlyUnexported: false,
};

/** Lower case without accents, so "beoordeling" finds "Beoordéling" and "Łódź" finds "lodz". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();
}

/** True when the assessment has changes that are in no exported file or backup. */
export function hasUnexportedChanges(s: AssessmentSummary): boolean {
  if (s.problem) return false;
  return s.exportedAt === null || s.exportedAt < s.updatedAt;
}

const statusOrder: Record<AssessmentStatus, number> = { draft: 0, inReview: 1, signed: 2 };

/**
 * The summaries to show for a query. `labels` gives extra searchable text per summary (e.g. the
 * questionnaire's title); `levelRank` orders levels (higher is more severe, -1 unknown).
 */
export function applyQuery(
  items: readonly AssessmentSummary[],
  q: LibraryQuery,
  opts: {
    locale: string;
    labels?: (s: AssessmentSummary) => string;
    levelRank?: (s: AssessmentSummary) => number;
  },
): AssessmentSummary[] {
  const words = fold(q.search).split(/\s+/).filter(Boolean);
  const out = items.filter((s) => {
    if (q.status !== 'all' && (s.problem || s.status !== q.status)) return false;
    if (q.questionnaire !== 'all' && s.questionnaireId !== q.questionnaire) return false;
    if (q.onlyUnexported && !hasUnexportedChanges(s)) return false;
    if (words.length === 0) return true;
    const hay = fold(
      [
        s.title,
        s.systemName,
        s.questionnaireId,
        s.questionnaireVersion,
        opts.labels?.(s) ?? '',
      ].join(' '),
    );
    return words.every((w) => hay.includes(w));
  });
  // The first collator of a page loads the locale's collation data (about 10 ms, measured at start
  // up with an empty library): made only when a sort by title compares two items.
  let collator: Intl.Collator | null = null;
  // ISO times sort as plain strings; localeCompare would load collation data (~9 ms) for nothing.
  const byUpdated = (a: AssessmentSummary, b: AssessmentSummary) =>
    a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
  const byTitle = (a: AssessmentSummary, b: AssessmentSummary) =>
    (collator ??= new Intl.Collator(opts.locale, { sensitivity: 'base', numeric: true })).compare(
      a.title || a.systemName,
      b.title || b.systemName,
    );
  const rank = opts.levelRank ?? (() => -1);
  const compare: Record<SortKey, (a: AssessmentSummary, b: AssessmentSummary) => number> = {
    updated: byUpdated,
    title: (a, b) => byTitle(a, b) || byUpdated(a, b),
    status: (a, b) => statusOrder[a.status] - statusOrder[b.status] || byUpdated(a, b),
    // Most severe first: that is what a reviewer looks for.
    level: (a, b) => rank(b) - rank(a) || byUpdated(a, b),
  };
  return out.sort(compare[q.sort]);
}

/** A file name from free text: letters, digits and dashes only. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** `<title or system>-v<version>.fria.json` */
export function assessmentFileName(a: Pick<Assessment, 'meta' | 'version'>): string {
  const base = slug(a.meta.title || a.meta.systemName) || 'assessment';
  return `${base}-v${a.version}.fria.json`;
}

/** `fria-wizard-backup-<yyyy-mm-dd-hhmm>.json` in local time. */
export function backupFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  return `fria-wizard-backup-${stamp}.json`;
}

/**
 * Assessments whose unexported changes are old enough for the gentle reminder: changed since their
 * last export, with that export (or, if never exported, the last change) more than a day ago. Work
 * of today does not nag; a week-old export with new changes does.
 */
export function needsReminder(
  items: readonly AssessmentSummary[],
  now: string,
): AssessmentSummary[] {
  const limit = Date.parse(now) - REMINDER_AFTER_MS;
  return items.filter((s) => {
    if (!hasUnexportedChanges(s)) return false;
    const since = Date.parse(s.exportedAt ?? s.updatedAt);
    return Number.isFinite(since) && since < limit;
  });
}

/** Remind once unexported work is this old: long enough not to nag during a working day. */
export const REMINDER_AFTER_MS = 24 * 60 * 60 * 1000;

/** Compares semantic versions ("1.10.0" > "1.9.2"); a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}
