import { useState } from 'react';
import { useFilesChosenEarly } from '../components/use-files-chosen-early';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { href, navigate } from '../router';
import { setPreselectedQuestionnaire } from './preselect';
import { Library } from '../library';

/** Home: continue an assessment, start a new one, or load a questionnaire file. */
export function StartScreen() {
  const { t, i18n } = useTranslation('start');
  const [problems, setProblems] = useState<{ path: string; text: string }[] | null>(null);
  const [fileName, setFileName] = useState('');
  const fileInput = useFilesChosenEarly((files) => void onFile(files[0]));

  async function onFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    // The validator (zod and the questionnaire schema) loads when a file is chosen, not at start-up.
    const [{ readQuestionnaireFile }, { rememberUserQuestionnaire }] = await Promise.all([
      import('./questionnaire-file'),
      import('../questionnaires'),
    ]);
    const r = await readQuestionnaireFile(file, i18n.language);
    if (!r.ok) {
      setProblems(r.problems);
      return;
    }
    setProblems(null);
    rememberUserQuestionnaire(r.questionnaire);
    setPreselectedQuestionnaire(r.questionnaire);
    navigate({ name: 'new' });
  }

  return (
    <div className="stack">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      <div className="actions">
        <a className="button button--primary" href={href({ name: 'new' })}>
          {t('newAssessment')}
        </a>
      </div>
      <Library />
      <section aria-labelledby="load-q" className="panel">
        <h2 id="load-q">{t('loadQuestionnaire.title')}</h2>
        <p>{t('loadQuestionnaire.intro')}</p>
        <label className="file-input">
          <span>{t('loadQuestionnaire.button')}</span>
          <input
            type="file"
            accept=".json,application/json"
            ref={fileInput}
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
        {problems ? (
          <div className="error-summary" role="alert" tabIndex={-1}>
            <h3>{t('loadQuestionnaire.invalid', { file: fileName, count: problems.length })}</h3>
            <ul>
              {problems.slice(0, 200).map((p, i) => (
                <li key={i}>
                  {p.path ? <code>{p.path}</code> : null} {p.text}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </div>
  );
}
