import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';
import { useDeferredWrite } from '../state/use-deferred-write';
import { TextField } from '../register';

/**
 * The written response to a red flag that fired: what the team does about it, or why it does not
 * apply. Required before signing (core/signoff/signoff.ts) and printed under the flag in the PDF. Saved as
 * it is typed (300 ms after typing stops, at once when the field is left or the screen closes).
 */
export function RedFlagResponse({ flagId, flagText }: { flagId: string; flagText: string }) {
  const { t } = useTranslation('summary');
  const { store } = useSession();
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
      <TextField
        id={`flag-response-${flagId}`}
        label={t('redFlags.response', { flag: flagText })}
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
