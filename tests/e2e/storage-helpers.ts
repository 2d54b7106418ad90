/**
 * Helpers for the storage end-to-end tests: assessment and backup files made with the core (on the
 * mini questionnaire, embedded, so the app opens them without a built-in questionnaire).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openPage, SINGLE_FILE_URL, tempDir, type Watched } from './browser';
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

/** A fresh profile with the sample assessments imported from a backup. */
export async function libraryWithSamples(
  browser: Browser,
  n: number,
): Promise<{ w: Watched; samples: Assessment[]; dir: string }> {
  const w = await openPage(browser, { locale: 'nl-NL' });
  await w.page.goto(SINGLE_FILE_URL);
  const samples = await sampleAssessments(n);
  const dir = tempDir();
  await importFiles(w.page, [writeBackup(dir, samples)]);
  await w.page.getByText(`${n} beoordeling${n === 1 ? '' : 'en'} toegevoegd`).waitFor();
  return { w, samples, dir };
}

export function library(page: Page) {
  return page.getByRole('region', { name: 'Verder met een beoordeling' });
}

export async function storedPurpose(page: Page, id: string): Promise<string | null> {
  return page.evaluate(
    (id) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('fria-wizard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('assessments').objectStore('assessments').get(id);
          get.onsuccess = () => {
            db.close();
            const rec = get.result as { json?: string } | undefined;
            resolve(rec?.json ? (JSON.parse(rec.json).answers.purpose ?? null) : null);
          };
        };
      }),
    id,
  );
}
