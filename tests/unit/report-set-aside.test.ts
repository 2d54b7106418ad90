import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/core/files/zod-setup';
import { createAssessment } from '../../src/core/assessment/assessment';
import { buildReport } from '../../src/core/report/report';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { renderReportPdf } from '../../src/pdf/render';
import mini from '../fixtures/mini-questionnaire.json';

async function withSetAside() {
  const r = validateQuestionnaire(structuredClone(mini));
  if (!r.valid) throw new Error('mini invalid');
  const q = r.questionnaire;
  const base = await createAssessment(
    q,
    { title: 'T', systemName: 'Parkeerbeheer', organisation: 'O', owner: 'E', locale: 'nl' },
    { id: 'sa1', now: '2026-11-28T10:00:00.000Z' },
  );
  const a = {
    ...base,
    setAside: [
      {
        questionId: 'oldCameraQuestion',
        value: 'Camera’s bij elke ingang',
        note: 'Zie besluit 2025-14',
        reason: 'questionRemoved' as const,
        fromVersion: '0.9.0',
      },
      {
        questionId: 'automated',
        value: 'robot',
        reason: 'optionRemoved' as const,
        fromVersion: '0.9.0',
      },
    ],
  };
  return { q, a };
}

describe('answers kept aside in the report', () => {
  it('lists every set-aside answer with its question, value, note and reason in the model', async () => {
    const { q, a } = await withSetAside();
    const m = await buildReport(a, q, 'nl', {
      appVersion: 'test',
      generatedAt: '2026-11-28T12:00:00.000Z',
    });
    expect(m.setAside).toEqual([
      {
        question: 'oldCameraQuestion',
        answer: 'Camera’s bij elke ingang',
        note: 'Zie besluit 2025-14',
        reason: 'De vraag staat niet meer in versie 1.0.0 van de vragenlijst.',
      },
      {
        question: 'Hoe zelfstandig beslist het systeem?',
        answer: 'robot',
        note: null,
        reason: 'Het gekozen antwoord is sinds versie 1.0.0 geen keuze meer.',
      },
    ]);
  });

  it('prints them in the PDF under their own heading, in English too', async () => {
    const { q, a } = await withSetAside();
    for (const [lang, heading, reason] of [
      ['nl', 'Apart gezette antwoorden', 'De vraag staat niet meer in versie 1.0.0'],
      ['en', 'Answers kept aside', 'The question is no longer in version 1.0.0'],
    ] as const) {
      const bytes = await renderReportPdf(a, q, lang, { appVersion: 'test' });
      const file = join(mkdtempSync(join(tmpdir(), 'fria-setaside-')), 'r.pdf');
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain(heading);
      expect(text).toContain('Camera’s bij elke ingang');
      expect(text).toContain('Zie besluit 2025-14');
      expect(text).toContain(reason);
    }
  });
});
