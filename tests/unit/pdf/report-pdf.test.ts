/**
 * The PDF bytes, read back with the tools an auditor would use: qpdf, pdffonts, pdftotext,
 * pdfdetach, pdfinfo. Run on the sample assessment and on every example assessment of the
 * built-in questionnaires, in both languages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/pdf/render';
import { buildReport, type ReportModel } from '../../../src/core/report/report';
import {
  assessmentHash,
  parseAssessmentText,
  serializeAssessment,
} from '../../../src/core/assessment/assessment';
import { validateQuestionnaireText } from '../../../src/core/questionnaire/validate';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { run as runCli } from '../../../src/cli/main';
import {
  GENERATED,
  bodyText,
  bulletsWithoutHangingIndent,
  detach,
  fonts,
  fullText,
  miniQuestionnaire,
  outlineTitles,
  pageCount,
  pdfInfo,
  run,
  sampleAssessment,
  signaturePng,
  squash,
  strandedHeadings,
  tempDir,
  textBlocks,
  writeTemp,
} from './helpers';

const OPTS = { appVersion: '0.1.0', now: GENERATED, timeZone: 'UTC' };

interface Case {
  name: string;
  assessment: Assessment;
  questionnaire: Questionnaire;
}

/** Every check of the report on one assessment in one language. */
async function checkPdf(c: Case, locale: 'nl' | 'en') {
  const pdf = await renderReportPdf(c.assessment, c.questionnaire, locale, OPTS);
  const path = writeTemp(pdf);
  const model: ReportModel = await buildReport(c.assessment, c.questionnaire, locale, {
    appVersion: OPTS.appVersion,
    generatedAt: GENERATED.toISOString(),
    timeZone: 'UTC',
  });

  const check = run('qpdf', ['--check', path]);
  expect(check.status, check.stdout + check.stderr).toBe(0);

  const used = fonts(path);
  expect(used.length).toBeGreaterThan(0);
  for (const f of used) expect(f, f.name).toMatchObject({ emb: 'yes', uni: 'yes' });

  const body = squash(bodyText(path));
  const mustShow = [c.assessment.meta.systemName];
  for (const s of model.sections) {
    mustShow.push(s.title);
    for (const q of s.questions) {
      mustShow.push(q.label, ...q.answer);
      if (q.note) mustShow.push(q.note);
    }
  }
  for (const text of mustShow) expect(body, text.slice(0, 60)).toContain(squash(text));

  // Hidden questions: their label, answer and note appear nowhere in the PDF's text.
  const all = fullText(path);
  const visible = new Set(model.sections.flatMap((s) => s.questions.map((q) => q.id)));
  for (const section of c.questionnaire.sections) {
    for (const q of section.questions) {
      if (visible.has(q.id)) continue;
      const label = q.label[locale] ?? '';
      // A hidden question may share its label with a visible one; only distinct labels can be checked.
      if (model.sections.some((s) => s.questions.some((v) => v.label === label))) continue;
      expect(squash(all)).not.toContain(squash(label));
      const answer = c.assessment.answers[q.id];
      if (typeof answer === 'string' && answer.length > 6 && !q.type.endsWith('Choice')) {
        expect(squash(all)).not.toContain(squash(answer));
      }
      const note = c.assessment.notes[q.id];
      if (note && note.length > 6) expect(squash(all)).not.toContain(squash(note));
    }
  }

  // Page furniture on every page, in the report's language.
  const pages = pageCount(path);
  const perPage = all.split('\f').slice(0, pages);
  expect(perPage).toHaveLength(pages);
  perPage.forEach((text, i) => {
    const pageOf = locale === 'nl' ? `pagina ${i + 1} van ${pages}` : `page ${i + 1} of ${pages}`;
    expect(text).toContain(pageOf);
    expect(text).toContain(`hash ${model.running.shortHash}`);
    if (model.running.draftMark) expect(text).toContain(model.running.draftMark);
  });

  // Nothing runs past the side margins (22 mm = 62.4 pt), on any page: no clipped legend,
  // cell or heading. Half a point of slack for rounding in the text boxes.
  const { pageWidth, blocks } = textBlocks(path);
  const margin = (22 * 72) / 25.4;
  for (const w of blocks.flatMap((b) => b.words)) {
    expect(w.xMin, `"${w.text}" on page ${w.page}`).toBeGreaterThanOrEqual(margin - 0.5);
    expect(w.xMax, `"${w.text}" on page ${w.page}`).toBeLessThanOrEqual(pageWidth - margin + 0.5);
  }

  // No heading is left at the bottom of a page without what it introduces; list items keep
  // their wrapped lines clear of the bullet; no word is hyphenated (every word fits its column).
  expect(strandedHeadings(path)).toEqual([]);
  expect(bulletsWithoutHangingIndent(path)).toEqual([]);
  expect(all).not.toContain('\u00ad');

  // The attachment: listed by name, and byte for byte the assessment file.
  const { names, bytes } = detach(path);
  expect(names).toEqual([model.document.attachmentName]);
  expect(bytes.toString('utf8')).toBe(serializeAssessment(c.assessment));
  const reparsed = parseAssessmentText(bytes.toString('utf8'));
  expect(reparsed.ok).toBe(true);
  if (reparsed.ok) {
    expect(await assessmentHash(reparsed.value)).toBe(await assessmentHash(c.assessment));
  }

  // Bookmarks per part, the sections under "answers".
  const outline = outlineTitles(path);
  expect(outline.map((o) => o.title)).toEqual(model.parts.map((p) => p.title));
  const answers = outline.find((o) => o.title === model.labels.partAnswers)!;
  expect(answers.kids).toEqual(model.sections.map((s) => `${s.number}  ${s.title}`));
  expect(outline.map((o) => o.page)).toEqual([...outline.map((o) => o.page)].sort((a, b) => a - b));

  // Document information.
  const info = pdfInfo(path);
  expect(info).toMatchObject({
    Title: model.document.title,
    Subject: model.document.subject,
    Keywords: model.document.keywords,
    Creator: 'FRIA Wizard 0.1.0',
    'Metadata Stream': 'yes',
  });
  if (model.document.author) expect(info.Author).toBe(model.document.author);
  const raw = Buffer.from(pdf).toString('latin1');
  expect(raw).toContain(`/Lang (${model.document.language})`);
  return { pdf, path, pages, model, body };
}

const unreadable: string[] = [];

function builtinFixtures(): Case[] {
  const root = 'questionnaires';
  if (!existsSync(root)) return [];
  const cases: Case[] = [];
  for (const id of readdirSync(root)) {
    const dir = join(root, id, 'fixtures');
    const qFile = join(root, id, 'questionnaire.json');
    if (!existsSync(dir) || !existsSync(qFile)) continue;
    const qr = validateQuestionnaireText(readFileSync(qFile, 'utf8'));
    if (!qr.valid) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const r = parseAssessmentText(readFileSync(join(dir, file), 'utf8'));
      if (!r.ok) {
        // Other JSON (e.g. expected levels) is skipped; an unreadable .fria.json is an error.
        if (file.endsWith('.fria.json'))
          unreadable.push(`${id}/${file}: ${r.problems[0]?.message}`);
        continue;
      }
      cases.push({
        name: `${id}/${file}`,
        assessment: r.value,
        questionnaire: r.value.questionnaireSnapshot ?? qr.questionnaire,
      });
    }
  }
  return cases;
}

// Each test draws a report and reads it back with poppler and qpdf: slow while the machine is busy.
describe('the PDF report of the sample assessment', { timeout: 60_000 }, () => {
  let sample: Case;
  beforeAll(async () => {
    sample = {
      name: 'sample',
      assessment: await sampleAssessment(),
      questionnaire: miniQuestionnaire(),
    };
  });

  it.each(['nl', 'en'] as const)('passes every check in %s', async (locale) => {
    const { body, pages } = await checkPdf(sample, locale);
    // A few things a reader looks for, in the right language.
    const want =
      locale === 'nl'
        ? [
            'Samenvatting',
            'Totaalniveau: Zeer hoog',
            'Rode vlaggen',
            'Risicoregister',
            'Niet ondertekend',
          ]
        : ['Summary', 'Overall level: Very high', 'Red flags', 'Risk register', 'Not signed'];
    for (const w of want) expect(body).toContain(squash(w));
    // Every part starts on its own page: ten parts, at least ten pages.
    expect(pages).toBeGreaterThanOrEqual(10);
  });

  it('renders and keeps extractable Dutch, German, French, Polish, Turkish, Greek and Bulgarian text', async () => {
    const a = await sampleAssessment();
    const samples = [
      'Vrijdag één café, reünie, ’s-Hertogenbosch, IJsselmeer',
      'Größe, Straße, Äpfel, Übermut, Ökologie',
      'Ça, œuvre, garçon, élève, «guillemets», naïveté',
      'Zażółć gęślą jaźń, Łódź, Świętokrzyskie',
      'İstanbul, ığdır, Şişli, çağrı, Gümüşhane',
      'Ελληνικά: Γειά σου Κόσμε, ψυχή, Ωμέγα',
      'Български: Здравей, свят',
    ];
    a.answers = { ...a.answers, purpose: samples.join('\n') };
    a.notes = { ...a.notes, purpose: 'Noot – “quotes” … € ≤ ≥ → • ‰' };
    const path = writeTemp(await renderReportPdf(a, miniQuestionnaire(), 'nl', OPTS));
    const body = squash(bodyText(path));
    for (const s of samples) expect(body).toContain(squash(s));
    expect(body).toContain(squash('Noot – “quotes” … € ≤ ≥ → • ‰'));
  });

  it('draws characters outside the embedded font as a visible replacement mark, never as a gap', async () => {
    const a = await sampleAssessment();
    a.answers = { ...a.answers, purpose: 'Emoji 🙂 en 漢字 blijven zichtbaar als vervanging.' };
    const path = writeTemp(await renderReportPdf(a, miniQuestionnaire(), 'nl', OPTS));
    const body = squash(bodyText(path));
    expect(body).toContain(
      squash('Emoji \ufffd en \ufffd\ufffd blijven zichtbaar als vervanging.'),
    );
  });

  it('shows sign-offs instead of the draft mark once every required role signed', async () => {
    const { addSignOff } = await import('../../../src/core/signoff/signoff');
    const q = miniQuestionnaire();
    let a: Assessment = {
      ...(await sampleAssessment()),
      redFlagResponses: {
        specialNoGround: 'Grondslag volgt.',
        soloDecision: 'Medewerker kijkt mee.',
      },
    };
    for (const [i, role] of ['preparer', 'approver'].entries()) {
      a = await addSignOff(
        a,
        q,
        {
          role,
          name: ['Anna de Vries', 'Bram Ελευθερίου'][i]!,
          function: 'Adviseur',
          organisation: 'Gemeente Voorbeeld',
          date: '2025-03-13',
          place: 'Utrecht',
          signature:
            i === 0
              ? { kind: 'typed', data: 'A. de Vries' }
              : { kind: 'drawn', data: signaturePng() },
        },
        { id: `s${i}`, now: '2025-03-13T12:00:00.000Z' },
      );
    }
    const path = writeTemp(await renderReportPdf(a, q, 'nl', OPTS));
    const text = fullText(path);
    expect(text).not.toContain('CONCEPT');
    expect(squash(text)).toContain(squash('Anna de Vries'));
    expect(squash(text)).toContain(squash('Bram Ελευθερίου'));
    expect(squash(text)).toContain(squash('ze was alleen intern consistent'));
    expect(squash(text)).toContain(squash('Getypte naam: A. de Vries'));
    expect(squash(text)).toContain(squash('Getekende handtekening'));
    // The drawn signature is on the sign-off page as an image, flattened onto white: no soft mask.
    const signOffPage = text.split('\f').findIndex((p) => p.includes('Getekende handtekening')) + 1;
    const images = run('pdfimages', [
      '-list',
      '-f',
      String(signOffPage),
      '-l',
      String(signOffPage),
      path,
    ]);
    expect(images.stdout).toMatch(/\bimage\s+120\s+40\s+rgb\b/);
    expect(images.stdout).not.toContain('smask');
    expect(run('qpdf', ['--check', path]).status).toBe(0);
  });

  it('is the same, byte for byte, for the same input and moment: the CLI gives the app’s PDF', async () => {
    const a = await sampleAssessment();
    const q = miniQuestionnaire();
    const one = await renderReportPdf(a, q, 'en', OPTS);
    const two = await renderReportPdf(a, q, 'en', OPTS);
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);

    const dir = tempDir();
    const input = join(dir, 'in.fria.json');
    const out = join(dir, 'out.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(input, serializeAssessment(a));
    const lines: string[] = [];
    const io = { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s), env: {} };
    const code = await runCli(
      ['report', input, '-o', out, '--lang', 'en', '--now', GENERATED.toISOString()],
      io,
    );
    expect(code, lines.join('\n')).toBe(0);
    // The app renders what it read from storage or a file: the parsed assessment (zod puts the
    // keys in schema order). Moments print in the runtime's time zone in both.
    const parsed = parseAssessmentText(serializeAssessment(a));
    if (!parsed.ok) throw new Error('sample does not parse');
    const fromApp = await renderReportPdf(parsed.value, q, 'en', {
      appVersion: '0.1.0',
      now: GENERATED,
    });
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(fromApp))).toBe(true);
  });
});

describe('the PDF report of every built-in example assessment', { timeout: 60_000 }, () => {
  const cases = builtinFixtures();
  it('reads every example assessment file of the built-in questionnaires', () => {
    expect(unreadable).toEqual([]);
    for (const c of cases) expect(c.assessment.questionnaire.id).toBe(c.questionnaire.id);
  });
  for (const c of cases) {
    it.each(['nl', 'en'] as const)(`${c.name} passes every check in %s`, async (locale) => {
      await checkPdf(c, locale);
    });
  }
});
