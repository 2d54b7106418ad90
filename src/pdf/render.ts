/**
 * The public entry point of the PDF report: assessment in, PDF bytes out. Browser- and Node-safe
 * (no DOM). The UI loads this module with `await import('../pdf/render')`, so jsPDF and the font
 * stay out of the first screen's bundle.
 */
import { jsPDF } from 'jspdf';
import type { Assessment } from '../core/assessment';
import type { Questionnaire } from '../core/questionnaire';
import { serializeAssessment } from '../core/assessment';
import { sha256Hex } from '../core/assessment';
import { buildReport, type ReportModel, type ReportPartId } from '../core/report';
import { fillTemplate } from '../core/texts';
import { addArchiveParts, pdfDate } from './archive';
import { drawContext, drawCover, drawSummary } from './draw-front';
import { drawActionPlan, drawAnswers, drawConclusion, drawRegister } from './draw-body';
import { drawCoverage, drawIntegrity, drawSignOff, type SignatureImages } from './draw-back';
import { decodePngDataUrl } from './png';
import { installPdfImages, preparePdfImage } from './images';
import { drawable, registerFonts } from './fonts';
import { COLOR, Flow, PAGE, SIZE } from './layout';
import { FRIA_PDF_MARKER } from './marker';
import { fitRunningHeader } from './wrap';

/** Width of the running header, in mm: the rest of the line is kept for the DRAFT mark. */
const HEADER_WIDTH = 120;

export interface RenderOptions {
  /** The app's version, printed in the integrity block and the PDF's metadata. */
  appVersion: string;
  /** The moment of making; defaults to now. Fixing it makes the output byte-for-byte repeatable. */
  now?: Date;
  /** IANA time zone for printed moments; the runtime's own when left out. */
  timeZone?: string;
  /** What happens next to the PDF, when known (src/core/report/report-model.ts). */
  digitalSignature?: 'now' | 'fields';
}

export const ATTACHMENT_DESCRIPTION = 'FRIA Wizard assessment file (.fria.json)';
export const ATTACHMENT_MIME = 'application/json';

/** Draws a report model; exported so the tests can draw a model they shaped themselves. */
export async function renderModel(
  model: ReportModel,
  attachment: { bytes: Uint8Array; now: Date },
): Promise<Uint8Array> {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  // PDF/A-3 builds on PDF 1.7, and the attachment, XMP and output intent need more than jsPDF's
  // default header of 1.3.
  (doc as unknown as { __private__: { setPdfVersion(v: string): void } }).__private__.setPdfVersion(
    '1.7',
  );
  await registerFonts(doc);
  const images = await signatureImages(model);
  installPdfImages(doc, [...images.values()]);
  const flow = new Flow(doc);
  const outline = (title: string, page: number, parent: unknown = null) =>
    doc.outline.add(parent as never, drawable(title), { pageNumber: page });

  const parts: Record<ReportPartId, () => void> = {
    cover: () => drawCover(flow, model),
    summary: () => drawSummary(flow, model),
    context: () => drawContext(flow, model),
    answers: () => {
      const parent = outline(title('answers'), flow.page);
      drawAnswers(flow, model, (t, page) => outline(t, page, parent));
    },
    register: () => drawRegister(flow, model),
    actionPlan: () => drawActionPlan(flow, model),
    conclusion: () => drawConclusion(flow, model),
    coverage: () => drawCoverage(flow, model),
    signOff: () => drawSignOff(flow, model, images),
    integrity: () => drawIntegrity(flow, model),
  };
  const title = (id: ReportPartId) => model.parts.find((p) => p.id === id)?.title ?? id;
  model.parts.forEach((part, i) => {
    if (i > 0) flow.newPage();
    if (part.id !== 'answers') outline(part.title, flow.page);
    parts[part.id]();
  });

  drawPageFurniture(doc, model);
  // A comment inside the first page object: early in the file, so even a PDF cut off before its
  // attachment can be recognised as ours (read-embedded.ts).
  const internal = doc.internal as unknown as {
    events: { subscribe(topic: string, cb: (e: { pageNumber: number }) => void): string };
    write(text: string): void;
  };
  internal.events.subscribe('putPage', (e) => {
    if (e.pageNumber === 1) internal.write(FRIA_PDF_MARKER);
  });

  const created = attachment.now;
  doc.setDocumentProperties({
    title: model.document.title,
    subject: model.document.subject,
    author: model.document.author,
    keywords: model.document.keywords,
    creator: model.document.creator,
  });
  doc.setCreationDate(pdfDate(created));
  doc.setFileId(
    (await sha256Hex(`${model.integrity.assessmentHash}|${created.toISOString()}`)).slice(0, 32),
  );
  doc.setLanguage(model.document.language as Parameters<jsPDF['setLanguage']>[0]);
  doc.setDisplayMode('fullwidth', 'continuous', 'UseOutlines');
  addArchiveParts(
    doc,
    {
      fileName: model.document.attachmentName,
      mimeType: ATTACHMENT_MIME,
      description: ATTACHMENT_DESCRIPTION,
      bytes: attachment.bytes,
      modified: created,
    },
    {
      title: model.document.title,
      author: model.document.author,
      subject: model.document.subject,
      keywords: model.document.keywords,
      creator: model.document.creator,
      producer: `jsPDF ${jsPDF.version}`,
      language: model.document.language,
      created,
    },
  );
  return new Uint8Array(doc.output('arraybuffer'));
}

/** Drawn signatures decoded up front; one that cannot be decoded is named in words only. */
async function signatureImages(model: ReportModel): Promise<SignatureImages> {
  const out: SignatureImages = new Map();
  const s = model.signOff;
  for (const e of [...s.roles.flatMap((r) => r.entries), ...s.other]) {
    if (e.signature.kind !== 'drawn' || out.has(e.signature.dataUrl)) continue;
    const image = await decodePngDataUrl(e.signature.dataUrl);
    if (image) out.set(e.signature.dataUrl, preparePdfImage(image, `FriaSig${out.size + 1}`));
  }
  return out;
}

/** Header, DRAFT mark, short hash and "page X of Y" on every page, drawn once the count is known. */
function drawPageFurniture(doc: jsPDF, m: ReportModel): void {
  const pages = doc.getNumberOfPages();
  const right = PAGE.width - PAGE.right;
  doc.setFont('DejaVuSans', 'normal');
  doc.setFontSize(SIZE.tiny + 0.5);
  const header = drawable(
    fitRunningHeader(m.running.title, m.running.system, HEADER_WIDTH, (s) =>
      doc.getTextWidth(drawable(s)),
    ),
  );
  for (let p = 1; p <= pages; p++) {
    doc.setPage(p);
    doc.setFont('DejaVuSans', 'normal');
    doc.setFontSize(SIZE.tiny + 0.5);
    doc.setTextColor(COLOR.muted);
    doc.text(header, PAGE.left, PAGE.headerY);
    if (m.running.draftMark) {
      doc.setFont('DejaVuSans', 'bold');
      const mark = drawable(m.running.draftMark);
      const w = doc.getTextWidth(mark) + 4;
      doc.setDrawColor('#8a1c1c');
      doc.setLineWidth(0.35);
      doc.rect(right - w, PAGE.headerY - 3.4, w, 4.8, 'S');
      doc.setTextColor('#8a1c1c');
      doc.text(mark, right - w / 2, PAGE.headerY, { align: 'center' });
    }
    doc.setDrawColor(COLOR.rule);
    doc.setLineWidth(0.2);
    doc.line(PAGE.left, PAGE.headerY + 3, right, PAGE.headerY + 3);
    doc.line(PAGE.left, PAGE.footerY - 4, right, PAGE.footerY - 4);
    doc.setFont('DejaVuSans', 'normal');
    doc.setTextColor(COLOR.muted);
    doc.text(
      drawable(m.labels.hashShort.replace('{hash}', m.running.shortHash)),
      PAGE.left,
      PAGE.footerY,
    );
    doc.text(drawable(fillTemplate(m.labels.pageOf, { page: p, pages })), right, PAGE.footerY, {
      align: 'right',
    });
  }
}

/**
 * The PDF report of an assessment, with the assessment file attached. Same bytes in the browser
 * and on the command line for the same inputs and `now`.
 */
export async function renderReportPdf(
  assessment: Assessment,
  questionnaire: Questionnaire,
  locale: string,
  opts: RenderOptions,
): Promise<Uint8Array> {
  const now = opts.now ?? new Date();
  const model = await buildReport(assessment, questionnaire, locale, {
    appVersion: opts.appVersion,
    generatedAt: now.toISOString(),
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    ...(opts.digitalSignature ? { digitalSignature: opts.digitalSignature } : {}),
  });
  const bytes = new TextEncoder().encode(serializeAssessment(assessment));
  return renderModel(model, { bytes, now });
}
