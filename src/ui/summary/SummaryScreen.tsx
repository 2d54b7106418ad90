import { useState } from 'react';
import { questionTitle } from '../../core/questionnaire/repeat';
import { useTranslation } from 'react-i18next';
import { pick } from '../../core/texts';
import { explainTrace, keptAsideInstances } from '../../core/scoring';
import { indexQuestionnaire } from '../../core/questionnaire';
import { OVERALL_DOMAIN } from '../../core/questionnaire';
import { serializeAssessment } from '../../core/assessment';
import { useSession } from '../state/session';
import { useServices } from '../services';
import { useDebouncedScore } from '../state/use-debounced-score';
import { PageHeading } from '../components/PageHeading';
import { LevelBadge } from '../components/LevelBadge';
import { SaveStatusText } from '../components/SaveStatusText';
import { StepList } from '../wizard';
import { href } from '../router';
import { downloadFile, safeFileName } from '../download';
import { ExportPdfButton } from './ExportPdfButton';
import { useStoreValue } from '../state/assessment-store';
import type { Assessment } from '../../core/assessment';
import type { DomainScore, TraceEntry } from '../../core/scoring';
import { DomainBars } from '../register';
import { OverrideDialog } from '../register';
import { IgnoredOverrides, useIgnoredOverrideText } from '../register';
import { RegisterSummary } from '../register';
import { ConclusionForm } from '../register';
import { LockedNotice } from '../signing';
import { Markdown } from '../components/Markdown';
import { RedFlagResponse } from './RedFlagResponse';
import { redFlagRisks, riskNumbers } from '../../core/register';
import { formatMoment, reportLocale } from '../../core/report';
import { LevelObligations } from './LevelObligations';
import { CarryStart } from './CarryStart';
import { carriedSource, unconfirmedCarried } from '../../core/assessment/carry';

/** Overall and per-domain levels with their reasons, red flags, open questions, and export. */
export function SummaryScreen() {
  const { t, i18n } = useTranslation('summary');
  const lang = i18n.language;
  const { store, questionnaire: q, autosaver, flush } = useSession();
  const services = useServices();
  const result = useDebouncedScore(store, q, 0);
  const a = useStoreValue(store, (x: Assessment) => x);
  const index = indexQuestionnaire(q);
  // Answers carried over from another assessment that nobody confirmed yet (they block signing).
  const unconfirmed = unconfirmedCarried(a, q);
  // Instances of a repeating group whose option was unticked: their answers kept, not counted.
  const keptAside = keptAsideInstances(q, a, result, lang);
  const [exported, setExported] = useState('');
  const [overriding, setOverriding] = useState<DomainScore | null>(null);
  const [overrideMessage, setOverrideMessage] = useState('');
  // A register line names the risk by its number and title (the trace itself holds its id).
  const traceLine = (e: TraceEntry) => explainTrace(e, q, lang, { register: a.register });
  // Who set a level by hand and when (older files may lack either).
  const overrideWho = (domain: string) => {
    const o = Object.hasOwn(a.overrides, domain) ? a.overrides[domain] : undefined;
    if (!o?.by && !o?.at) return null;
    return (
      <span className="override-note__who">
        {' '}
        (
        {t('register:override.who', {
          by: o.by || t('register:override.byUnknown'),
          at: o.at ? formatMoment(o.at, reportLocale(lang), undefined, 'short') : '',
          context: o.at ? undefined : 'noDate',
        })}
        )
      </span>
    );
  };
  // A red flag taken into the register is answered by that risk (shown as a link to it).
  const flagRisks = redFlagRisks(q, a, result);
  const numbers = riskNumbers(a.register);
  const coverOf = (flagId: string) => {
    const id = flagRisks.get(flagId);
    const r = id ? a.register.find((x) => x.id === id) : undefined;
    return r ? { id: r.id, number: numbers.get(r.id) ?? '', title: r.title } : null;
  };
  // Overrides in the file that do not count: said beside the domain and above the table.
  const ignoredText = useIgnoredOverrideText(q);
  const ignoredOf = (domain: string) => result.ignoredOverrides.find((o) => o.domain === domain);
  // What the overall level means, often the next step (the quick scan's "Volgende stap …").
  const overallDescription = pick(
    q.levels.find((l) => l.id === result.overall.level)?.description,
    lang,
  ).trim();

  async function exportJson() {
    await flush();
    const current = store.get();
    downloadFile(
      serializeAssessment(current),
      `${safeFileName(current.meta.systemName)}.fria.json`,
      'application/json',
    );
    await services.repository.markExported([current.id], services.now()).catch(() => {});
    setExported(t('export.jsonDone'));
  }

  return (
    <div className="wizard wizard--wide">
      <StepList current="summary" />
      <div className="wizard__main stack">
        <PageHeading title={t('title')}>{t('title')}</PageHeading>
        <p className="lead">
          {a.meta.systemName}
          {a.meta.organisation ? ` · ${a.meta.organisation}` : ''}
        </p>
        <SaveStatusText autosaver={autosaver} />
        <LockedNotice linkToSignOff />
        <section aria-labelledby="overall" className="panel overall">
          <h2 id="overall">{t('overall')}</h2>
          <p className="overall__level">
            <LevelBadge
              q={q}
              level={result.overall.level}
              open={result.complete ? 0 : result.openRequired.length}
            />
          </p>
          {overallDescription ? (
            <div className="overall__description">
              <Markdown source={overallDescription} />
            </div>
          ) : null}
          {!result.complete ? (
            <p>{t('provisional', { count: result.openRequired.length })}</p>
          ) : null}
          <LevelObligations q={q} result={result} />
        </section>

        <section aria-labelledby="domains">
          <h2 id="domains" tabIndex={-1}>
            {t('domains.title')}
          </h2>
          <IgnoredOverrides
            q={q}
            result={result}
            onDone={setOverrideMessage}
            focusAfter="domains"
          />
          {!result.complete ? (
            <p className="notice">
              {t('provisionalLevels', { count: result.openRequired.length })}
            </p>
          ) : null}
          <table className="domain-table">
            <caption className="visually-hidden">{t('domains.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('domains.domain')}</th>
                <th scope="col">{t('register:override.colComputed')}</th>
                <th scope="col">{t('register:override.colFinal')}</th>
                <th scope="col">{t('domains.points')}</th>
                <th scope="col">{t('domains.why')}</th>
              </tr>
            </thead>
            <tbody>
              {result.domains.map((d) => (
                <tr key={d.domain}>
                  <th scope="row">
                    {pick(q.domains.find((x) => x.id === d.domain)?.label, lang)}{' '}
                  </th>
                  <td data-label={t('register:override.colComputed')}>
                    <LevelBadge
                      q={q}
                      level={d.computed}
                      provisional={!result.complete || d.trace.some((e) => e.kind === 'unanswered')}
                    />
                  </td>
                  <td data-label={t('register:override.colFinal')}>
                    <LevelBadge
                      q={q}
                      level={d.final}
                      provisional={!result.complete || d.trace.some((e) => e.kind === 'unanswered')}
                    />
                    {d.override ? (
                      <p className="override-note">
                        {t('register:override.adjusted')}: {d.override.justification}
                        {overrideWho(d.domain)}
                      </p>
                    ) : ignoredOf(d.domain) ? (
                      <p className="override-note field-error">
                        {ignoredText(ignoredOf(d.domain)!)}
                      </p>
                    ) : (
                      <span className="visually-hidden"> {t('register:override.notAdjusted')}</span>
                    )}
                    {store.readOnly ? null : (
                      <p>
                        <button
                          type="button"
                          className="link-button"
                          id={`override-${d.domain}`}
                          onClick={() => setOverriding(d)}
                        >
                          {Object.hasOwn(a.overrides, d.domain)
                            ? t('register:override.change')
                            : t('register:override.open')}
                          <span className="visually-hidden">
                            : {pick(q.domains.find((x) => x.id === d.domain)?.label, lang)}
                          </span>
                        </button>
                      </p>
                    )}
                  </td>
                  <td data-label={t('domains.points')}>
                    {d.max > 0 ? t('domains.pointsValue', { raw: d.raw, max: d.max }) : '—'}
                  </td>
                  <td>
                    <details>
                      <summary>{t('domains.whyToggle')}</summary>
                      {d.trace.length === 0 ? (
                        <p>{t('domains.noTrace')}</p>
                      ) : (
                        <ul className="trace">
                          {d.trace.map((e, i) => (
                            <li key={i}>{traceLine(e)}</li>
                          ))}
                        </ul>
                      )}
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p role="status" aria-live="polite">
            {overrideMessage}
          </p>
        </section>

        <DomainBars q={q} result={result} />

        <section aria-labelledby="flags">
          <h2 id="flags">{t('redFlags.title')}</h2>
          {result.redFlags.length === 0 ? (
            <p>{t('redFlags.none')}</p>
          ) : (
            <ul className="red-flags">
              {result.redFlags.map((f) => {
                const def = q.redFlags?.find((x) => x.id === f.id);
                return (
                  <li key={f.id}>
                    <strong>
                      <span aria-hidden="true">⚑ </span>
                      {pick(def?.text, lang)}
                    </strong>{' '}
                    —{' '}
                    {t('redFlags.raises', {
                      level: pick(q.levels.find((l) => l.id === f.minLevel)?.label, lang),
                      domain:
                        f.domain === OVERALL_DOMAIN
                          ? t('redFlags.overall')
                          : pick(q.domains.find((x) => x.id === f.domain)?.label, lang),
                    })}
                    {f.questions.length ? (
                      <span className="red-flags__by">
                        {' '}
                        {t('redFlags.by')}{' '}
                        {f.questions.map((qid) => questionTitle(q, qid, lang)).join('; ')}
                      </span>
                    ) : null}
                    <RedFlagResponse
                      flagId={f.id}
                      flagText={pick(def?.text, lang)}
                      coveredBy={coverOf(f.id)}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        {result.openRequired.length > 0 ? (
          <section aria-labelledby="open">
            <h2 id="open">{t('open.title')}</h2>
            <ul>
              {result.openRequired.map((qid) => {
                const entry = index.byId.get(qid)!;
                const step = q.sections.indexOf(entry.section);
                return (
                  <li key={qid}>
                    <a href={href({ name: 'step', id: a.id, step })}>
                      {questionTitle(q, qid, lang)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        {unconfirmed.length > 0 && a.carriedFrom ? (
          <section aria-labelledby="carried-open">
            <h2 id="carried-open">{t('carried.title')}</h2>
            <p>{t('carried.intro', carriedSource(a.carriedFrom, lang))}</p>
            <ul>
              {unconfirmed.map((qid) => {
                const entry = index.byId.get(qid)!;
                const step = q.sections.indexOf(entry.section);
                return (
                  <li key={qid}>
                    <a href={href({ name: 'step', id: a.id, step })}>
                      {pick(entry.question.label, lang)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        {result.notApplicable.length > 0 ? (
          <section aria-labelledby="not-applicable">
            <h2 id="not-applicable">{t('notApplicable.title')}</h2>
            <p>{t('notApplicable.intro')}</p>
            <ul>
              {result.notApplicable.map(({ questionId, reason }) => {
                const entry = index.byId.get(questionId)!;
                const step = q.sections.indexOf(entry.section);
                return (
                  <li key={questionId}>
                    <a href={href({ name: 'step', id: a.id, step })}>
                      {questionTitle(q, questionId, lang)}
                    </a>
                    {' — '}
                    {reason}
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        {q.carryOver?.length ? <CarryStart /> : null}
        {keptAside.length > 0 ? (
          <section aria-labelledby="kept-aside">
            <h2 id="kept-aside">{t('keptAside.title')}</h2>
            <p>{t('keptAside.intro')}</p>
            <ul>
              {keptAside.map((k) => (
                <li key={`${k.section}@${k.option}`}>
                  {t('keptAside.item', { label: k.label, count: k.questions.length })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <RegisterSummary q={q} a={a} result={result} />

        <ConclusionForm />

        <section aria-labelledby="export" className="panel">
          <h2 id="export">{t('export.title')}</h2>
          <div className="actions">
            <ExportPdfButton />
            <button type="button" className="button" onClick={() => void exportJson()}>
              {t('export.json')}
            </button>
          </div>
          <p role="status" aria-live="polite">
            {exported}
          </p>
        </section>
      </div>
      {overriding ? (
        <OverrideDialog
          domain={overriding}
          onClose={() => setOverriding(null)}
          onDone={setOverrideMessage}
        />
      ) : null}
    </div>
  );
}
