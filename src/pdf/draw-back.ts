/** Framework coverage, sign-off and the integrity block. */
import type { jsPDF } from 'jspdf';
import type { ReportModel, ReportSignOffEntry } from '../core/report';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE, type Flow } from './layout';
import { drawPdfImage, type PdfImage } from './images';
import { fieldTable, table } from './tables';

export function drawCoverage(flow: Flow, m: ReportModel): void {
  flow.heading(m.labels.partCoverage, SIZE.h1, { after: 3 });
  flow.text(m.labels.coverageIntro, { after: 3 });
  const rows: (string | { content: string; colSpan: number; styles: object })[][] = [];
  let framework = '';
  for (const r of m.coverage.rows) {
    if (r.framework !== framework) {
      framework = r.framework;
      rows.push([
        {
          content: framework,
          colSpan: 4,
          styles: { fontStyle: 'bold', fillColor: COLOR.noteFill, textColor: COLOR.accent },
        },
      ]);
    }
    rows.push([r.code, r.text, r.where.length > 0 ? r.where.join(', ') : '—', r.statusLabel]);
  }
  table(flow, {
    head: [[m.labels.colElement, m.labels.colAsks, m.labels.colWhere, m.labels.colStatus]],
    body: rows,
    // The question numbers under "Where" get the room; "Onderdeel" in bold just fits in 24 mm.
    columnStyles: {
      0: { cellWidth: 24 },
      1: { cellWidth: 'auto' },
      2: { cellWidth: 44 },
      3: { cellWidth: 31 },
    },
  });
}

/** Drawn signatures, ready to place, by data URL (preparing is asynchronous, drawing is not). */
export type SignatureImages = Map<string, PdfImage>;

function signatureImage(doc: jsPDF, image: PdfImage | undefined, x: number, y: number): boolean {
  if (!image) return false;
  const h = 16;
  const w = Math.min(70, (image.width / Math.max(1, image.height)) * h);
  drawPdfImage(doc, image, x, y, w, h);
  return true;
}

/**
 * Room a sign-off block needs (its rows, and the drawn signature under them), so that a block
 * starts on a new page rather than splitting across two; an estimate on the safe side.
 */
const entryHeight = (e: ReportSignOffEntry) => (e.signature.kind === 'drawn' ? 78 : 58);

function drawEntry(
  flow: Flow,
  e: ReportSignOffEntry,
  m: ReportModel,
  images: SignatureImages,
): void {
  const L = m.labels;
  flow.ensure(entryHeight(e));
  fieldTable(
    flow,
    [
      { label: L.signOffName, value: e.name },
      { label: L.signOffFunction, value: e.function },
      { label: L.signOffOrganisation, value: e.organisation },
      { label: L.signOffDate, value: e.date },
      { label: L.signOffPlace, value: e.place },
      {
        label: L.signOffSeal,
        value: `${e.contentHash.slice(0, 16)}… (v${e.version}): ${e.sealText}`,
      },
      { label: L.signOffSignature, value: e.signature.text },
    ].filter((r) => r.value.trim() !== ''),
    40,
  );
  if (e.signature.kind === 'drawn') {
    flow.ensure(20);
    // Directly under the "Signature" row, which the table ends with.
    const y = flow.y - 3;
    if (signatureImage(flow.doc, images.get(e.signature.dataUrl), PAGE.left + 40, y)) {
      flow.y = y + 19;
    }
  }
}

/** An empty block to sign on paper, for a printed draft. */
function drawBlank(flow: Flow, m: ReportModel): void {
  const doc = flow.doc;
  flow.ensure(26);
  flow.text(m.labels.signOffNotSigned, { bold: true, color: '#8a1c1c', after: 2 });
  const top = flow.y;
  const cols = [m.labels.signOffName, m.labels.signOffDate, m.labels.signOffSignature];
  const w = CONTENT_WIDTH / 3;
  doc.setDrawColor(COLOR.rule);
  doc.setLineWidth(0.25);
  cols.forEach((label, i) => {
    const x = PAGE.left + i * w;
    doc.line(x, top + 12, x + w - 6, top + 12);
    doc.setFont('DejaVuSans', 'normal');
    doc.setFontSize(SIZE.tiny);
    doc.setTextColor(COLOR.muted);
    doc.text(label, x, top + 15.5);
  });
  flow.y = top + 20;
}

export function drawSignOff(flow: Flow, m: ReportModel, images: SignatureImages): void {
  const s = m.signOff;
  flow.heading(m.labels.partSignOff, SIZE.h1, { after: 3 });
  flow.text(s.statusText, { size: SIZE.h3, bold: true, after: 2 });
  flow.text(m.labels.signOffIntro, { color: COLOR.muted, after: 3 });
  flow.text(m.labels.signOffDeclaration, { size: SIZE.small, bold: true, color: COLOR.muted });
  flow.text(s.declaration, { after: 4 });
  for (const role of s.roles) {
    flow.heading(
      `${capitalise(role.label)} (${role.required ? m.labels.signOffRequired : m.labels.signOffOptional})`,
      SIZE.h3,
      {
        before: 3,
        after: 1.5,
        keep: role.entries[0] ? entryHeight(role.entries[0]) : 26,
        color: COLOR.text,
      },
    );
    if (role.entries.length === 0) drawBlank(flow, m);
    for (const e of role.entries) drawEntry(flow, e, m, images);
  }
  for (const e of s.other) {
    flow.heading(capitalise(e.role), SIZE.h3, {
      before: 3,
      after: 1.5,
      keep: entryHeight(e),
      color: COLOR.text,
    });
    drawEntry(flow, e, m, images);
  }
  if (s.withdrawn.length > 0) {
    flow.heading(m.labels.signOffWithdrawn, SIZE.h2, { before: 5 });
    for (const line of s.withdrawn) flow.text(line, { after: 2 });
  }
  if (s.changes) {
    flow.heading(s.changes.title, SIZE.h2, { before: 5, keep: 20 });
    for (const line of s.changes.lines) flow.bullet(line);
  }
  if (s.versions.length > 0) {
    flow.heading(m.labels.versionsTitle, SIZE.h2, { before: 5, keep: 20 });
    for (const line of s.versions) flow.text(line, { after: 1.5 });
  }
  if (s.previous.length > 0) {
    flow.heading(m.labels.signOffPrevious, SIZE.h2, { before: 5, keep: 30 });
    flow.text(m.labels.signOffPreviousIntro, { size: SIZE.small, color: COLOR.muted, after: 2 });
    // One compact row per earlier signature: the full blocks belong to the version they signed.
    table(flow, {
      head: [
        [
          m.labels.colVersion,
          m.labels.colRole,
          m.labels.colName,
          m.labels.colDate,
          m.labels.colSignedHash,
          m.labels.colCheck,
        ],
      ],
      body: s.previous.map((e) => [String(e.version), e.role, e.name, e.date, e.hash, e.check]),
      columnStyles: {
        0: { cellWidth: 13 },
        // Wide enough for the 16 characters and the ellipsis on one line: a hash must not wrap.
        4: { cellWidth: 37, font: 'DejaVuSans', overflow: 'visible' },
        5: { cellWidth: 42 },
      },
    });
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A hash in groups of eight, so people can compare it by eye. */
export function groupedHash(hash: string): string {
  return hash.replace(/(.{8})(?=.)/g, '$1 ');
}

export function drawIntegrity(flow: Flow, m: ReportModel): void {
  const i = m.integrity;
  flow.heading(m.labels.partIntegrity, SIZE.h1, { after: 3 });
  flow.text(m.labels.integrityIntro, { after: 3 });
  fieldTable(
    flow,
    i.fields.map((f) => ({
      label: f.label,
      value: /^[0-9a-f]{64}$/.test(f.value) ? groupedHash(f.value) : f.value,
    })),
    62,
  );
  if (i.questionnaireHashDiffers) flow.text(i.questionnaireHashDiffers, { bold: true, after: 3 });
  flow.space(2);
  flow.text(i.howTo, { color: COLOR.muted });
}
