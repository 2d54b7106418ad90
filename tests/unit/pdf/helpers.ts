/**
 * Shared material for the report tests: the mini questionnaire, a sample assessment whose levels
 * are computed by hand in report.test.ts, and the poppler/qpdf tools that read the PDF back the
 * way a user's tools would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { createAssessment } from '../../../src/core/assessment/assessment';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import mini from '../../fixtures/mini-questionnaire.json';

export function miniQuestionnaire(): Questionnaire {
  const r = validateQuestionnaire(structuredClone(mini));
  if (!r.valid) throw new Error(`mini questionnaire invalid: ${r.problems[0]?.message}`);
  return r.questionnaire;
}

export const NOW = '2025-03-12T10:15:00.000Z';
export const GENERATED = new Date('2025-03-14T09:00:00.000Z');

/** Answers on every visible question of the mini questionnaire, plus one on a hidden question. */
export async function sampleAssessment(
  q: Questionnaire = miniQuestionnaire(),
  locale = 'nl',
): Promise<Assessment> {
  const a = await createAssessment(
    q,
    {
      title: 'Toeslagen-check 2025',
      systemName: 'Risicoscan Toeslagen',
      organisation: 'Gemeente Voorbeeld',
      owner: 'Jan Jansen',
      locale,
    },
    { id: 'assessment-1', now: NOW },
  );
  return {
    ...a,
    answers: {
      purpose: 'Het systeem rangschikt aanvragen voor extra controle op basis van risico.',
      personalData: true,
      dataKinds: ['health', 'contact'],
      legalGround: 'no',
      // Hidden: legalGround is not "yes".
      groundText: 'VERBORGEN-ANTWOORD-42',
      automated: 'alone',
      usersPerYear: 12345.5,
      startDate: '2025-06-01',
    },
    notes: {
      purpose: 'Toelichting bij het doel: afgestemd met de afdeling Inkomen.',
      legalGround: 'Nog uitzoeken met de jurist.',
      groundText: 'VERBORGEN-NOTITIE-42',
    },
    redFlagResponses: { specialNoGround: 'We leggen eerst een grondslag vast.' },
    // Every proposal these answers make is handled, as signing requires: the red flag and the
    // personal-data answer were taken together into r1, the decision without a human into r2.
    proposals: {
      'redFlag:specialNoGround': { status: 'accepted', riskId: 'r1', at: NOW },
      'answer:personalData:privacy': { status: 'accepted', riskId: 'r1', at: NOW },
      'redFlag:soloDecision': { status: 'accepted', riskId: 'r2', at: NOW },
    },
    register: [
      {
        id: 'r1',
        domain: 'privacy',
        title: 'Onrechtmatige verwerking van gezondheidsgegevens',
        description: 'Gezondheidsgegevens worden gebruikt zonder wettelijke grondslag.',
        affectedGroups: 'Aanvragers met een zorgindicatie',
        proposal: 'redFlag:specialNoGround',
        likelihood: 4,
        severity: 5,
        residualLikelihood: 2,
        residualSeverity: 4,
        measures: [
          {
            id: 'm1',
            text: 'Grondslag laten toetsen door de jurist',
            owner: 'Team Juridisch',
            dueDate: '2025-05-01',
            status: 'planned',
          },
          {
            id: 'm2',
            text: 'Alleen noodzakelijke gegevens gebruiken',
            owner: '',
            dueDate: '',
            status: 'inProgress',
          },
        ],
      },
      {
        id: 'r2',
        domain: 'autonomy',
        title: 'Besluit zonder menselijke blik',
        description: 'Aanvragen worden afgewezen zonder dat een medewerker meekijkt.',
        affectedGroups: 'Alle aanvragers',
        proposal: 'redFlag:soloDecision',
        likelihood: 3,
        severity: 4,
        residualLikelihood: 1,
        residualSeverity: 4,
        measures: [
          {
            id: 'm3',
            text: 'Elke afwijzing laten controleren door een medewerker',
            owner: 'Teamleider',
            dueDate: '2025-01-15',
            status: 'done',
          },
        ],
      },
    ],
    overrides: {
      inclusion: { level: 'medium', justification: 'De doelgroep is kwetsbaar.' },
    },
    conclusion: {
      decision: 'proceedWithConditions',
      reasoning: 'Doorgaan kan alleen als de grondslag vaststaat.',
      conditions: ['Grondslag vastgelegd', 'Menselijke controle op elke afwijzing'],
    },
  };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'fria-report-'));

export function writeTemp(bytes: Uint8Array, name = 'report.pdf'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

export function run(
  cmd: string,
  args: string[],
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The text of the page bodies in drawing order (`-raw`), with the running header and footer
 * cropped away, so a paragraph that continues on the next page reads on without interruption.
 */
export function bodyText(path: string): string {
  return execFileSync(
    'pdftotext',
    ['-raw', '-enc', 'UTF-8', '-x', '0', '-y', '50', '-W', '596', '-H', '738', path, '-'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

export function fullText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Text without any white space: wrapping and page breaks change only white space. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

export function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export function pdfInfo(path: string): Record<string, string> {
  const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' });
  return Object.fromEntries(
    info
      .split('\n')
      .map((l) => /^([A-Za-z ]+):\s+(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** pdffonts rows: name, whether embedded, whether subset, whether it has a ToUnicode map. */
export function fonts(path: string): { name: string; emb: string; sub: string; uni: string }[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name … emb sub uni objectId gen
      return {
        name: cols[0]!,
        emb: cols[cols.length - 5]!,
        sub: cols[cols.length - 4]!,
        uni: cols[cols.length - 3]!,
      };
    });
}

/** Saves the first attachment with pdfdetach and returns its name (from -list) and bytes. */
export function detach(path: string): { names: string[]; bytes: Buffer } {
  const list = execFileSync('pdfdetach', ['-enc', 'UTF-8', '-list', path], { encoding: 'utf8' });
  const names = list
    .split('\n')
    .slice(1)
    .map((l) => /^\d+:\s(.*)$/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined);
  const out = join(tempDir(), 'attachment.json');
  execFileSync('pdfdetach', ['-save', '1', '-o', out, path]);
  return { names, bytes: readFileSync(out) };
}

/** Bookmark titles, top level and nested, from qpdf's JSON view. */
export function outlineTitles(path: string): { title: string; page: number; kids: string[] }[] {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json', '--json-key=outlines', path], { encoding: 'utf8' }),
  ) as {
    outlines: { title: string; destpageposfrom1: number; kids: { title: string }[] }[];
  };
  return json.outlines.map((o) => ({
    title: o.title,
    page: o.destpageposfrom1,
    kids: o.kids.map((k) => k.title),
  }));
}

/** A small RGBA PNG (transparent background, a dark diagonal stroke), as signature_pad makes. */
export function signaturePng(width = 120, height = 40): string {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const on = Math.abs(y - (x * height) / width) < 2 || Math.abs(y - height / 2) < 1.5;
      const at = y * (width * 4 + 1) + 1 + x * 4;
      raw.set(on ? [20, 30, 60, 255] : [0, 0, 0, 0], at);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

export interface PdfWord {
  page: number;
  text: string;
  /** Points from the top left of the page. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface PdfBlock {
  page: number;
  /** The block's lines joined with single spaces: how a reader reads a wrapped cell or paragraph. */
  text: string;
  words: PdfWord[];
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Text blocks with word boxes, from `pdftotext -bbox-layout`. A table cell, a heading or a
 * paragraph is one block, so a word broken over two lines shows up as two words of one block.
 */
export function textBlocks(path: string): { pageWidth: number; blocks: PdfBlock[] } {
  const xml = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox-layout', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const blocks: PdfBlock[] = [];
  let pageWidth = 0;
  const pages = xml.split('<page ').slice(1);
  pages.forEach((pageXml, i) => {
    pageWidth = Number(/width="([\d.]+)"/.exec(pageXml)?.[1]);
    for (const blockXml of pageXml.split('<block ').slice(1)) {
      const words: PdfWord[] = [];
      const lines = blockXml.split('<line ').slice(1);
      const lineTexts = lines.map((lineXml) => {
        const texts: string[] = [];
        for (const w of lineXml.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        )) {
          const text = unescapeXml(w[5]!);
          texts.push(text);
          words.push({
            page: i + 1,
            text,
            xMin: Number(w[1]),
            yMin: Number(w[2]),
            xMax: Number(w[3]),
            yMax: Number(w[4]),
          });
        }
        return texts.join(' ');
      });
      blocks.push({ page: i + 1, text: lineTexts.join(' '), words });
    }
  });
  return { pageWidth, blocks };
}

/** The text of one page (1-based), as pdftotext lays it out. */
export function pageText(path: string, page: number): string {
  return execFileSync(
    'pdftotext',
    ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-'],
    { encoding: 'utf8' },
  );
}

/**
 * Headings left at the bottom of a page, found by text size: a heading of a part or section
 * (12 pt and up) with nothing after it on its page but a line or three of small print, or a
 * 10-pt heading as the page's last line. The cover is left out (its DRAFT box is large type).
 */
export function strandedHeadings(path: string): string[] {
  const { blocks } = textBlocks(path);
  const pages = new Map<number, { y: number; h: number; text: string }[]>();
  for (const b of blocks) {
    // Lines of a block share their top; group words into lines by it.
    const lines = new Map<number, PdfWord[]>();
    for (const w of b.words) {
      const key = Math.round(w.yMin * 2) / 2;
      lines.set(key, [...(lines.get(key) ?? []), w]);
    }
    for (const [y, ws] of lines) {
      // The running header and footer are not body text.
      if (y < 50 || y > 790) continue;
      const list = pages.get(b.page) ?? [];
      list.push({
        y,
        h: Math.max(...ws.map((w) => w.yMax - w.yMin)),
        text: ws.map((w) => w.text).join(' '),
      });
      pages.set(b.page, list);
    }
  }
  const out: string[] = [];
  const last = Math.max(0, ...pages.keys());
  for (const [page, lines] of pages) {
    if (page === 1 || page === last) continue;
    lines.sort((a, b) => a.y - b.y);
    // pdftotext boxes: 12 pt and larger type is 14 pt high and more, 10 pt is 11.6, 9.5 pt 11.1.
    const big = lines.map((l, i) => (l.h >= 13.5 ? i : -1)).filter((i) => i >= 0);
    if (big.length > 0) {
      const after = lines.slice(big.at(-1)! + 1);
      if (after.length < 4 && !after.some((l) => l.h >= 11)) {
        out.push(`page ${page}: "${lines[big.at(-1)!]!.text}"`);
      }
    }
    const end = lines.at(-1);
    if (end && end.h >= 11.5 && end.h < 13.5) out.push(`page ${page}: "${end.text}" (last line)`);
  }
  return out;
}

/**
 * List items whose wrapped lines run back under their bullet: a line that starts with "•" and
 * a next line of the same size, one line lower, that starts left of the item's text.
 */
export function bulletsWithoutHangingIndent(path: string): string[] {
  const { blocks } = textBlocks(path);
  const byPage = new Map<number, PdfWord[]>();
  for (const w of blocks.flatMap((b) => b.words)) {
    byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  }
  const out: string[] = [];
  for (const [page, words] of byPage) {
    const lines = new Map<number, PdfWord[]>();
    for (const w of words) {
      const key = Math.round(w.yMin * 2) / 2;
      lines.set(key, [...(lines.get(key) ?? []), w]);
    }
    const sorted = [...lines.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([y, ws]) => ({ y, words: ws.sort((a, b) => a.xMin - b.xMin) }));
    sorted.forEach((line, i) => {
      const [mark, first] = line.words;
      if (mark?.text !== '•' || !first) return;
      const next = sorted[i + 1];
      if (!next) return;
      const h = mark.yMax - mark.yMin;
      const start = next.words[0]!;
      // Same type size, the very next line (pdftotext boxes are 1.164 × the size; lines 1.38 ×).
      const sameSize = Math.abs(start.yMax - start.yMin - h) < 0.3;
      const nextLine = next.y - line.y < (h / 1.164) * 1.38 * 1.1;
      if (sameSize && nextLine && start.text !== '•' && start.xMin < first.xMin - 1) {
        out.push(
          `page ${page}: "${next.words
            .map((w) => w.text)
            .join(' ')
            .slice(0, 40)}"`,
        );
      }
    });
  }
  return out;
}
