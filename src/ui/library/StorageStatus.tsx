import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../core/assessment';
import { formatSize } from '../../core/texts/format-size';
import {
  isPersisted,
  requestPersistence,
  storageUse,
  type PersistenceResult,
  type StorageUse,
} from '../../storage/persistence';
import { hasUnexportedChanges } from './library-model';

// Ask the browser at most once per visit; Firefox may show a prompt, which must not repeat.
let askedThisVisit = false;

/**
 * Storage status: does the browser keep the data for good, how much space it takes, and how many
 * assessments have changes that are in no exported file.
 */
export function StorageStatus({ items }: { items: AssessmentSummary[] | null }) {
  const { t, i18n } = useTranslation('library');
  const id = useId();
  const [persist, setPersist] = useState<PersistenceResult | null>(null);
  const [use, setUse] = useState<StorageUse | null>(null);
  const count = items?.length ?? 0;

  useEffect(() => {
    let live = true;
    // Ask for persistent storage once there is work worth keeping.
    const ask = count > 0 && !askedThisVisit;
    if (ask) askedThisVisit = true;
    void (ask ? requestPersistence() : isPersisted()).then((p) => live && setPersist(p));
    void storageUse().then((u) => live && setUse(u));
    return () => {
      live = false;
    };
  }, [count, items]);

  // Shown from the first render on, with room for the two lines an empty library gets (the
  // browser's answers come a moment later): the prerendered start screen then does not move when
  // they come (docs/performance.md, layout shift).
  const unexported = items?.filter(hasUnexportedChanges).length ?? 0;
  return (
    <section aria-labelledby={id} className="library-storage">
      <h2 id={id}>{t('status_storage.title')}</h2>
      <ul className="library-storage__lines">
        {persist ? (
          <li>
            {!persist.supported
              ? t('status_storage.persistUnknown')
              : persist.persisted
                ? t('status_storage.persisted')
                : t('status_storage.notPersisted')}
          </li>
        ) : null}
        {use?.usage != null ? (
          <li>
            {use.quota != null
              ? t('status_storage.used', {
                  used: formatSize(use.usage, i18n.language),
                  quota: formatSize(use.quota, i18n.language),
                })
              : t('status_storage.usedOnly', { used: formatSize(use.usage, i18n.language) })}
          </li>
        ) : null}
        {items && items.length > 0 ? (
          <li>
            {unexported > 0
              ? t('status_storage.unexported', { count: unexported })
              : t('status_storage.allExported')}
          </li>
        ) : null}
      </ul>
    </section>
  );
}
