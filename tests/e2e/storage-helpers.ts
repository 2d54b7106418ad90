/**
 * Helpers for the storage end-to-end tests: assessment and backup files made with the core (on the
 * mini questionnaire, embedded, so the app opens them without a built-in questionnaire).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createAssessment, serializeAssessment } from '../../src/core/assessment/assessment';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { createBackup, serializeBackup } from '../../src/core/assessment/backup';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import mini from '../fixtures/mini-questionnaire.json';

export function miniQuestionnaire() {
  const r = validateQuestionnaire(structuredClone(mini));
  if (!r.valid) throw new Error('mini questionnaire invalid');
  return r.questionnaire;
}

/** Ten (or n) distinct assessments with answers, titles and systems that tell them apart. */
export async function sampleAssessments(n = 10): Promise<Assessment[]> {
  const q = miniQuestionnaire();
  const out: Assessment[] = [];
  for (let i = 1; i <= n; i++) {
    const a = await createAssessment(
      q,
      {
        title: `Beoordeling ${String(i).padStart(2, '0')}: ${['Camera’s', 'Chatbot', 'Risicomodel', 'Fraudescore', 'Roostering'][i % 5]}`,
        systemName: `Systeem ${i} — Łódź/Ærø`,
        organisation: 'Gemeente Zuidstad',
        owner: `Team ${i}`,
        locale: 'nl',
      },
      {
        id: `sample-${i}`,
        now: new Date(Date.UTC(2026, 9, i, 9, 0, 0)).toISOString(),
        embedQuestionnaire: true,
      },
    );
    a.answers = {
      purpose: `Doel van systeem ${i}: minder wachttijd, ĳverig werk.`,
      personalData: i % 2 === 0,
      ...(i % 2 === 0
        ? {
            dataKinds: ['contact', ...(i % 4 === 0 ? ['health'] : [])],
            legalGround: i % 3 === 0 ? 'no' : 'yes',
          }
        : {}),
      automated: ['advice', 'checked', 'alone'][i % 3]!,
      usersPerYear: i * 1000,
    };
    a.notes = { purpose: `Notitie ${i}` };
    out.push(a);
  }
  return out;
}

export function writeBackup(dir: string, list: Assessment[], name = 'backup.json'): string {
  const file = join(dir, name);
  writeFileSync(file, serializeBackup(createBackup(list, { now: '2026-11-01T12:00:00.000Z' })));
  return file;
}

export function writeAssessment(dir: string, a: Assessment, name = `${a.id}.fria.json`): string {
  const file = join(dir, name);
  writeFileSync(file, serializeAssessment(a));
  return file;
}

/** Picks files in the library's import field. */
export async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.getByLabel(/Bestanden importeren of terugzetten/).setInputFiles(files);
}
