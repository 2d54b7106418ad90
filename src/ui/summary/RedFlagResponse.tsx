import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';
import { useDeferredWrite } from '../state/use-deferred-write';
import { TextField } from '../register';
import { useStoreValue } from '../state/assessment-store';
import { href } from '../router';

/**
 * The written response to a red flag that fired: what the team does about it, or why it does not
 * apply. A flag taken into the register is answered by that risk (a link to it); otherwise the
 * text is required before signing (core/signoff/signoff.ts) and printed under the flag in the PDF. Saved as
 * it is typed (300 ms after typing stops, at once when the field is left or the screen closes).
 */
export function RedFlagResponse({
  flagId,
  flagText,
  coveredBy,
}: {
  flagId: string;
  flagText: string;
  /** The register risk the flag was taken into: it answers the flag, a text is then optional. */
  coveredBy?: { id: string; number: string; title: string } | null;
}) {
  const { t } = useTranslation('summary');
  const { store } = useSession();
  const assessmentId = useStoreValue(store, (a) => a.id);
  const [text, setText] = useState(() => store.get().redFlagResponses[flagId] ?? '');
  const { schedule, flush } = useDeferredWrite(
    useCallback(
      (value: string) =>
        store.update((a) => {
          const responses = { ...a.redFlagResponses };
          if (value.trim() === '') delete responses[flagId];
          else responses[flagId] = value;
          return { ...a, redFlagResponses: responses };
        }),
      [store, flagId],
    ),
  );
  return (
    <div onBlur={flush}>
      {coveredBy ? (
        <p className="red-flags__covered">
          {t('redFlags.coveredBy')}{' '}
          <a href={href({ name: 'register', id: assessmentId, target: coveredBy.id })}>
            {coveredBy.number} {coveredBy.title}
          </a>
          . {t('redFlags.coveredHint')}
        </p>
      ) : null}
      <TextField
        id={`flag-response-${flagId}`}
        label={
          coveredBy
            ? t('redFlags.responseOptional', { flag: flagText })
            : t('redFlags.response', { flag: flagText })
        }
        hint={t('redFlags.responseHint')}
        value={text}
        multiline
        maxLength={10000}
        readOnly={store.readOnly}
        onChange={(v) => {
          setText(v);
          schedule(v);
        }}
      />
    </div>
  );
}
