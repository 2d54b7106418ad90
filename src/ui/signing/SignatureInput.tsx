import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureKind, SignOff } from '../../core/assessment';

export type SignatureValue = NonNullable<SignOff['signature']>;

/**
 * A signature drawn with pointer, touch or pen (signature_pad, loaded only when this shows), or a
 * typed name as the keyboard-accessible alternative. Both are recorded with their kind.
 */
export function SignatureInput({
  idPrefix,
  value,
  onChange,
  error,
}: {
  idPrefix: string;
  value: SignatureValue | null;
  onChange: (v: SignatureValue | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('signing');
  const [method, setMethod] = useState<SignatureKind>(value?.kind ?? 'drawn');
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset className="field signature-input" aria-describedby={error ? errorId : undefined}>
      <legend>
        {t('form.signature')} <span className="required">({t('common:required')})</span>
      </legend>
      <div>
        <label className="inline-choice">
          <input
            type="radio"
            id={`${idPrefix}-draw`}
            name={`${idPrefix}-method`}
            checked={method === 'drawn'}
            onChange={() => {
              setMethod('drawn');
              onChange(null);
            }}
          />{' '}
          {t('form.methodDraw')}
        </label>
        <label className="inline-choice">
          <input
            type="radio"
            id={`${idPrefix}-type`}
            name={`${idPrefix}-method`}
            checked={method === 'typed'}
            onChange={() => {
              setMethod('typed');
              onChange(null);
            }}
          />{' '}
          {t('form.methodType')}
        </label>
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {method === 'drawn' ? (
        <DrawPad idPrefix={idPrefix} empty={value === null} onChange={onChange} />
      ) : (
        <div className="field">
          <label htmlFor={`${idPrefix}-typed`}>{t('form.typed')}</label>
          <input
            id={`${idPrefix}-typed`}
            type="text"
            className="signature-input__typed"
            autoComplete="name"
            aria-invalid={error ? true : undefined}
            value={value?.kind === 'typed' ? value.data : ''}
            onChange={(e) =>
              onChange(e.target.value.trim() ? { kind: 'typed', data: e.target.value } : null)
            }
          />
        </div>
      )}
    </fieldset>
  );
}

interface Pad {
  clear(): void;
  isEmpty(): boolean;
  toDataURL(type?: string): string;
  off(): void;
  addEventListener(type: string, cb: () => void): void;
}

function DrawPad({
  idPrefix,
  empty,
  onChange,
}: {
  idPrefix: string;
  /** True when the form holds no signature (e.g. after someone signed): the box is wiped too. */
  empty: boolean;
  onChange: (v: SignatureValue | null) => void;
}) {
  const { t } = useTranslation('signing');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<Pad | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // The next signer must not find the previous signer's drawing in the box.
  useEffect(() => {
    if (empty && padRef.current && !padRef.current.isEmpty()) padRef.current.clear();
  }, [empty]);

  useEffect(() => {
    let cancelled = false;
    void import('signature_pad').then(({ default: SignaturePad }) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      // Draw at device resolution: coordinates stay in CSS pixels through the context's scale.
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      const pad = new SignaturePad(canvas, {
        penColor: '#1b1b1b',
        backgroundColor: 'rgba(0,0,0,0)',
      });
      pad.addEventListener('endStroke', () => {
        onChangeRef.current(
          pad.isEmpty() ? null : { kind: 'drawn', data: pad.toDataURL('image/png') },
        );
      });
      padRef.current = pad;
    });
    return () => {
      cancelled = true;
      padRef.current?.off();
      padRef.current = null;
    };
  }, []);

  return (
    <div className="signature-pad">
      <p className="hint" id={`${idPrefix}-draw-help`}>
        {t('form.drawHelp')}
      </p>
      <canvas
        ref={canvasRef}
        className="signature-pad__canvas"
        role="img"
        aria-label={t('form.drawLabel')}
        aria-describedby={`${idPrefix}-draw-help`}
        data-testid="signature-canvas"
      />
      <button
        type="button"
        className="link-button"
        onClick={() => {
          padRef.current?.clear();
          onChangeRef.current(null);
        }}
      >
        {t('form.clear')}
      </button>
    </div>
  );
}
