/** Cover, summary (domain table, red flags, risk map, why) and context. */
import type { jsPDF } from 'jspdf';
import type { RowInput } from 'jspdf-autotable';
import type { LevelRef, ReportHeatMap, ReportModel } from '../core/report';
import { drawable } from './fonts';
import { drawLevelMeter, drawLevelPattern } from './graphics';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE, lineHeight, tint, type Flow } from './layout';
import { METER, fieldTable, meterWidth, table } from './tables';

export function drawCover(flow: Flow, m: ReportModel): void {
  const doc = flow.doc;
  flow.y = 44;
  flow.text(m.cover.title, { size: SIZE.h2, color: COLOR.accent, after: 3 });
  flow.text(m.cover.systemName, { size: SIZE.title, bold: true, after: 4 });
  const org = m.cover.fields.find((f) => f.label === m.labels.coverOrganisation)?.value;
  if (org) flow.text(org, { size: SIZE.h2, color: COLOR.muted, after: 6 });
  doc.setDrawColor(COLOR.accent);
  doc.setLineWidth(0.8);
  doc.line(PAGE.left, flow.y, PAGE.left + 28, flow.y);
  flow.space(8);

  // The overall level: name, pattern and colour together, and what it means (often the next step).
  const boxTop = flow.y;
  const level = m.cover.overall;
  const descStyle = { size: SIZE.body, indent: 5, width: CONTENT_WIDTH - 5 };
  const descLines = m.cover.overallDescription
    ? flow.wrap(m.cover.overallDescription, descStyle)
    : [];
  const boxH = 24 + (descLines.length > 0 ? descLines.length * lineHeight(SIZE.body) + 2 : 0);
  doc.setFillColor(level ? tint(level.color, 0.86) : COLOR.noteFill);
  doc.setDrawColor(level ? level.color : COLOR.rule);
  doc.setLineWidth(0.4);
  doc.rect(PAGE.left, boxTop, CONTENT_WIDTH, boxH, 'FD');
  flow.y = boxTop + 3;
  flow.text(m.labels.coverOverall, { size: SIZE.small, color: COLOR.muted, indent: 5 });
  flow.text(m.cover.overallText, { size: SIZE.h1 + 2, bold: true, indent: 5 });
  if (level) drawLevelMeter(doc, PAGE.left + 5, flow.y + 0.5, level, 3.2, 1);
  if (descLines.length > 0) {
    flow.y = boxTop + 24;
    flow.lines(descLines, descStyle);
  }
  flow.y = boxTop + boxH + 4;
  if (m.cover.provisional)
    flow.text(m.cover.provisional, { size: SIZE.small, color: COLOR.muted, after: 2 });
  flow.space(3);

  fieldTable(
    flow,
    m.cover.fields.filter((f) => f.value !== org || f.label !== m.labels.coverOrganisation),
    50,
  );

  if (m.cover.note && m.running.draftMark) {
    flow.space(2);
    const lines = flow.wrap(m.cover.note, { size: SIZE.small + 0.5, width: CONTENT_WIDTH - 34 });
    const h = Math.max(12, lines.length * lineHeight(SIZE.small + 0.5) + 6);
    flow.ensure(h);
    const top = flow.y;
    doc.setDrawColor('#8a1c1c');
    doc.setLineWidth(0.5);
    doc.rect(PAGE.left, top, CONTENT_WIDTH, h, 'S');
    doc.setFont('DejaVuSans', 'bold');
    doc.setFontSize(SIZE.h2);
    doc.setTextColor('#8a1c1c');
    doc.text(drawable(m.running.draftMark), PAGE.left + 5, top + h / 2 + 1.6);
    // The note centred in the box, level with the mark beside it.
    flow.y = top + (h - lines.length * lineHeight(SIZE.small + 0.5)) / 2;
    flow.lines(lines, { size: SIZE.small + 0.5 }, PAGE.left + 32);
    flow.y = top + h + 4;
  }

  // Bottom of the cover: what this document carries.
  flow.y = Math.max(flow.y, 250);
  flow.text(m.context.about, { size: SIZE.tiny, color: COLOR.muted });
}

export function drawSummary(flow: Flow, m: ReportModel): void {
  const s = m.summary;
  const doc = flow.doc;
  flow.heading(m.labels.partSummary, SIZE.h1, { after: 3 });
  const top = flow.y;
  flow.text(s.overallText, { size: SIZE.h2, bold: true });
  if (s.overall) {
    drawLevelMeter(
      doc,
      PAGE.width - PAGE.right - meterWidth(s.overall.count) * 1.3,
      top + 1,
      s.overall,
      3.1,
      1,
    );
  }
  if (s.overallDescription) flow.text(s.overallDescription, { size: SIZE.body, after: 1.5 });
  flow.text(s.overallHow, { size: SIZE.small, color: COLOR.muted, after: 1 });
  if (s.mitigationHow) flow.text(s.mitigationHow, { size: SIZE.small, after: 1 });
  if (s.provisional) flow.text(s.provisional, { size: SIZE.small, color: COLOR.muted });
  if (s.obligations) drawObligations(flow, s.obligations);
  drawDecision(flow, s.decision);
  flow.space(3);
  flow.text(s.intro, { size: SIZE.body, after: 3 });

  // Domain, points, computed and final level. An assessor's change gets its own row under the
  // domain, across the other columns: a reason is a sentence, too long for a narrow column.
  const levelCells = new Map<string, LevelRef>();
  const body: RowInput[] = [];
  for (const d of s.domains) {
    const row = body.length;
    if (d.computed) levelCells.set(`${row}:2`, d.computed);
    if (d.final) levelCells.set(`${row}:3`, d.final);
    const notes = (d.override ? 1 : 0) + (d.ignoredOverride ? 1 : 0);
    const name = notes > 0 ? { content: d.label, rowSpan: notes + 1 } : d.label;
    // While required questions are open both levels are provisional (the count is said above).
    const mark = (l: LevelRef | null) =>
      l ? (s.levelNoteShort ? `${l.label} (${s.levelNoteShort})` : l.label) : m.labels.notAssessed;
    body.push([name, d.scoreText, mark(d.computed), mark(d.final)]);
    if (d.override) {
      body.push([
        {
          content: `${m.labels.colOverride}: ${d.override.text}`,
          colSpan: 3,
          styles: { textColor: COLOR.muted, fillColor: COLOR.noteFill },
        },
      ]);
    }
    // An override the file holds but scoring could not apply: said in words, in the row of its
    // domain, so the final level beside it is read as the computed one.
    if (d.ignoredOverride) {
      body.push([
        {
          content: d.ignoredOverride,
          colSpan: 3,
          styles: { textColor: COLOR.warning, fillColor: COLOR.noteFill },
        },
      ]);
    }
  }
  // Level columns as wide as the longest level name needs (22 to 30 mm of text), as long as the
  // domain column keeps room for its longest word.
  const meterPad = meterWidth(s.levels.length) + 4;
  const cellSize = SIZE.small + 0.5;
  const widest = (texts: string[], bold: boolean) => {
    doc.setFont('DejaVuSans', bold ? 'bold' : 'normal');
    doc.setFontSize(cellSize);
    return Math.max(0, ...texts.map((t) => doc.getTextWidth(drawable(t))));
  };
  const domainWords = s.domains.flatMap((d) => d.label.split(/\s+/));
  const domainMin = widest(domainWords, true) + 4.5;
  const levelText = Math.min(
    30,
    Math.max(
      22,
      widest(
        s.levels.map((l) => l.label),
        false,
      ) + 1,
    ),
  );
  // Points: "10 of 13 (76.9%)", with a second line when measures earned credit.
  const pointsWidth = Math.min(
    44,
    Math.max(
      26,
      widest(
        s.domains.flatMap((d) => d.scoreText.split('\n')),
        false,
      ) + 4.5,
    ),
  );
  const room = (CONTENT_WIDTH - pointsWidth - domainMin) / 2 - meterPad - 2;
  const levelColumn = {
    cellWidth: Math.max(16, Math.min(levelText, room)) + meterPad + 2,
    cellPadding: { top: 1.6, bottom: 1.6, left: meterPad, right: 2 },
  };
  table(flow, {
    head: [[m.labels.colDomain, m.labels.colScore, m.labels.colComputed, m.labels.colFinal]],
    body,
    columnStyles: {
      0: { cellWidth: 'auto', fontStyle: 'bold' },
      1: { cellWidth: pointsWidth },
      2: levelColumn,
      3: levelColumn,
    },
    levelCells,
  });
  for (const text of s.strayOverrides) {
    flow.text(text, {
      size: SIZE.small,
      color: COLOR.warning,
      after: 2,
    });
  }

  drawLegend(flow, s.levels, m.labels.legendTitle);
  drawLevelGuide(flow, m);

  // A red flag's text, scope and the start of its triggers stay together on a page, and the
  // heading stays with the first flag.
  const flagHead = (f: (typeof s.redFlags)[number]) =>
    flow.wrap(f.text, { bold: true, indent: 5 }).length * lineHeight(SIZE.body) +
    (flow.wrap(f.scope, { size: SIZE.small, indent: 5 }).length + 2) * lineHeight(SIZE.small);
  const flagsIntro = s.redFlags.length === 0 ? m.labels.redFlagsNone : m.labels.redFlagsIntro;
  flow.heading(m.labels.redFlagsTitle, SIZE.h2, {
    before: 4,
    keep:
      flow.wrap(flagsIntro, { size: SIZE.small }).length * lineHeight(SIZE.small) +
      2 +
      (s.redFlags[0] ? flagHead(s.redFlags[0]) : 0),
  });
  if (s.redFlags.length === 0) flow.text(m.labels.redFlagsNone, { after: 2 });
  else {
    flow.text(m.labels.redFlagsIntro, { size: SIZE.small, color: COLOR.muted, after: 2 });
    for (const f of s.redFlags) {
      flow.ensure(flagHead(f));
      const y0 = flow.y;
      doc.setFillColor('#8a1c1c');
      doc.rect(PAGE.left, y0 + 1, 2.2, 2.2, 'F');
      flow.text(f.text, { bold: true, indent: 5 });
      flow.text(f.scope, { size: SIZE.small, color: COLOR.muted, indent: 5 });
      if (f.triggers.length > 0) {
        flow.text(
          `${m.labels.redFlagTriggeredBy}: ${f.triggers.map((t) => `${t.number} ${t.question} → ${t.answer}`).join('; ')}`,
          { size: SIZE.small, indent: 5 },
        );
      }
      const answer = [f.response, f.coveredBy].filter((x) => x !== null).join(' ');
      flow.text(`${m.labels.redFlagResponse}: ${answer || m.labels.redFlagNoResponse}`, {
        size: SIZE.small,
        indent: 5,
        after: 2.5,
      });
    }
  }

  // The heading stays with the whole map: the two grids cannot break across pages.
  const introHeight =
    flow.wrap(m.labels.heatMapIntro, { size: SIZE.small }).length * lineHeight(SIZE.small) + 2;
  flow.heading(m.labels.heatMapTitle, SIZE.h2, {
    before: 4,
    keep:
      s.heatMap.total === 0
        ? 12
        : introHeight + HEAT_MAP_HEIGHT + layoutLegend(doc, s.levels, m.labels.legendTitle).height,
  });
  if (s.heatMap.total === 0) flow.text(m.labels.heatMapEmpty, { color: COLOR.muted, after: 2 });
  else {
    flow.text(m.labels.heatMapIntro, { size: SIZE.small, color: COLOR.muted, after: 2 });
    drawHeatMaps(flow, s.heatMap, m);
    drawLegend(flow, s.levels, m.labels.legendTitle);
  }

  if (s.openRequired.length > 0) {
    flow.heading(m.labels.openRequiredTitle, SIZE.h2, { before: 4 });
    for (const q of s.openRequired)
      flow.text(`${q.number}  ${q.question}`, { size: SIZE.small, indent: 2 });
    flow.space(2);
  }

  if (s.unconfirmedCarried.length > 0) {
    flow.heading(m.labels.carriedTitle, SIZE.h2, { before: 4 });
    if (s.carriedIntro)
      flow.text(s.carriedIntro, { size: SIZE.small, color: COLOR.muted, after: 2 });
    for (const q of s.unconfirmedCarried)
      flow.text(`${q.number}  ${q.question} — ${q.answer}`, { size: SIZE.small, indent: 2 });
    flow.space(2);
  }

  if (s.notApplicable.length > 0) {
    flow.heading(m.labels.notApplicableTitle, SIZE.h2, { before: 4 });
    flow.text(m.labels.notApplicableIntro, { size: SIZE.small, color: COLOR.muted, after: 2 });
    for (const q of s.notApplicable)
      flow.text(`${q.number}  ${q.question} — ${q.answer}`, { size: SIZE.small, indent: 2 });
    flow.space(2);
  }

  // The heading, its intro and the first domain's heading with a few lines stay together.
  flow.heading(m.labels.whyTitle, SIZE.h2, { before: 4, keep: 30 });
  flow.text(m.labels.whyIntro, { size: SIZE.small, color: COLOR.muted, after: 2 });
  for (const d of s.domains) {
    const final = d.final
      ? s.levelNoteShort
        ? `${d.final.label} (${s.levelNoteShort})`
        : d.final.label
      : m.labels.notAssessed;
    flow.heading(`${d.label}: ${final}`, SIZE.h3, {
      before: 2,
      after: 0.5,
      keep: 8,
      color: COLOR.text,
    });
    for (const line of d.why) flow.bullet(line, { size: SIZE.small, indent: 2 });
  }
}

/** Per level the domains end at: its meter and name, the domains, and what it means. */
/** The human decision right under the level, so a reader need not look for it further on. */
function drawDecision(flow: Flow, d: ReportModel['summary']['decision']): void {
  flow.space(2);
  flow.ensure(lineHeight(SIZE.h2) * 2 + 6);
  flow.text(`${d.label}: ${d.text}`, { size: SIZE.h2, bold: true, after: 0.5 });
  if (d.note) flow.text(d.note, { size: SIZE.small, color: COLOR.muted, after: 0.5 });
  for (const c of d.conditions) flow.bullet(c, { size: SIZE.body });
}

function drawLevelGuide(flow: Flow, m: ReportModel): void {
  const guide = m.summary.levelGuide;
  if (guide.length === 0) return;
  const indent = meterWidth(m.summary.levels.length) + 3;
  // The heading keeps its intro and the first level's name, domains and two lines with it.
  const intro = flow.wrap(m.labels.levelGuideIntro, { size: SIZE.small });
  const head = guide[0]!;
  const firstLines =
    flow.wrap(head.level.label, { bold: true, indent }).length +
    flow.wrap(m.labels.levelGuideDomains.replace('{domains}', head.domains.join(', ')), {
      size: SIZE.small,
      indent,
    }).length +
    2;
  flow.heading(m.labels.levelGuideTitle, SIZE.h2, {
    before: 4,
    keep: intro.length * lineHeight(SIZE.small) + 2 + firstLines * lineHeight(SIZE.body),
  });
  flow.text(m.labels.levelGuideIntro, { size: SIZE.small, color: COLOR.muted, after: 2 });
  for (const g of guide) {
    const domains = m.labels.levelGuideDomains.replace('{domains}', g.domains.join(', '));
    const title = flow.wrap(g.level.label, { bold: true, indent });
    const first = flow.wrap(domains, { size: SIZE.small, indent });
    // Keep the level's name with its domains and the start of its description.
    flow.ensure((title.length + first.length + 2) * lineHeight(SIZE.body));
    drawLevelMeter(flow.doc, PAGE.left, flow.y + 1.1, g.level, METER.size, METER.gap);
    flow.lines(title, { bold: true, indent });
    flow.lines(first, { size: SIZE.small, color: COLOR.muted, indent });
    flow.text(g.description, { indent, after: 2.5 });
  }
}

const LEGEND_ROW = 5.2;

/**
 * Where the legend's items go: one that would run past the right margin starts a new row,
 * aligned under the first item (level names such as "Level IV: very high" are long).
 */
function layoutLegend(doc: jsPDF, levels: LevelRef[], title: string) {
  doc.setFont('DejaVuSans', 'normal');
  doc.setFontSize(SIZE.tiny + 0.5);
  const head = drawable(`${title}:`);
  const start = PAGE.left + doc.getTextWidth(head) + 3;
  const right = PAGE.width - PAGE.right;
  const placed: { level: LevelRef; label: string; x: number; row: number }[] = [];
  let x = start;
  let row = 0;
  for (const level of levels) {
    const label = drawable(level.label);
    const meter = level.count * (2.2 + 0.6) - 0.6; // drawLevelMeter's width at size 2.2, gap 0.6
    const width = 8 + meter + doc.getTextWidth(label);
    if (x > start && x + width > right) {
      row += 1;
      x = start;
    }
    placed.push({ level, label, x, row });
    x += width + 5;
  }
  return { head, placed, height: (row + 1) * LEGEND_ROW + 1.8 };
}

function drawLegend(flow: Flow, levels: LevelRef[], title: string): void {
  const doc = flow.doc;
  const { head, placed, height } = layoutLegend(doc, levels, title);
  flow.ensure(height);
  const y = flow.y;
  doc.setFont('DejaVuSans', 'normal');
  doc.setFontSize(SIZE.tiny + 0.5);
  doc.setTextColor(COLOR.muted);
  doc.text(head, PAGE.left, y + 3);
  for (const item of placed) {
    const iy = y + item.row * LEGEND_ROW;
    drawLevelPattern(doc, item.x, iy + 0.3, 5, 3.6, item.level);
    doc.setDrawColor(COLOR.rule);
    doc.setLineWidth(0.2);
    doc.rect(item.x, iy + 0.3, 5, 3.6, 'S');
    const w = drawLevelMeter(doc, item.x + 6.5, iy + 0.9, item.level, 2.2, 0.6);
    doc.setFont('DejaVuSans', 'normal');
    doc.setFontSize(SIZE.tiny + 0.5);
    doc.setTextColor(COLOR.text);
    doc.text(item.label, item.x + 8 + w, iy + 3);
  }
  flow.y = y + height;
}

const HEAT_CELL = 11;
/** Title, grid and axis labels of the risk maps, in mm. */
const HEAT_MAP_HEIGHT = HEAT_CELL * 5 + 22;

function drawHeatMaps(flow: Flow, map: ReportHeatMap, m: ReportModel): void {
  const doc = flow.doc;
  const cell = HEAT_CELL;
  const gridW = cell * 5;
  const height = HEAT_MAP_HEIGHT;
  flow.ensure(height);
  const top = flow.y;
  const drawOne = (x0: number, counts: number[][], labels: string[][][], title: string) => {
    doc.setFont('DejaVuSans', 'bold');
    doc.setFontSize(SIZE.small);
    doc.setTextColor(COLOR.text);
    doc.text(drawable(title), x0, top + 3);
    const gy = top + 7;
    // Likelihood 5 at the top, severity 1 at the left.
    for (let l = 5; l >= 1; l--) {
      for (let s = 1; s <= 5; s++) {
        const x = x0 + 8 + (s - 1) * cell;
        const y = gy + (5 - l) * cell;
        drawLevelPattern(doc, x, y, cell, cell, map.bands[l - 1]![s - 1] ?? null);
        doc.setDrawColor(COLOR.rule);
        doc.setLineWidth(0.25);
        doc.rect(x, y, cell, cell, 'S');
        const n = counts[l - 1]![s - 1]!;
        const lines = labels[l - 1]?.[s - 1] ?? [];
        if (n > 0) {
          // The risks' numbers (R1 R2), on a white label so they read over any pattern.
          const lh = 3;
          const h = lines.length * lh + 1.2;
          doc.setFillColor('#ffffff');
          doc.setDrawColor(COLOR.hatch);
          doc.setLineWidth(0.2);
          doc.roundedRect(x + 0.8, y + cell / 2 - h / 2, cell - 1.6, h, 0.6, 0.6, 'FD');
          doc.setFont('DejaVuSans', 'bold');
          doc.setFontSize(SIZE.tiny - 0.5);
          doc.setTextColor(COLOR.text);
          lines.forEach((line, i) => {
            doc.text(drawable(line), x + cell / 2, y + cell / 2 - h / 2 + 2.9 + i * lh, {
              align: 'center',
            });
          });
        }
      }
      doc.setFont('DejaVuSans', 'normal');
      doc.setFontSize(SIZE.tiny);
      doc.setTextColor(COLOR.muted);
      doc.text(String(l), x0 + 5, gy + (5 - l) * cell + cell / 2 + 1, { align: 'center' });
    }
    for (let s = 1; s <= 5; s++) {
      doc.text(String(s), x0 + 8 + (s - 0.5) * cell, gy + gridW + 3.5, { align: 'center' });
    }
    doc.text(drawable(`${m.labels.heatMapSeverity} →`), x0 + 8, gy + gridW + 7.5);
    doc.text(drawable(`${m.labels.heatMapLikelihood} →`), x0 + 2.5, gy + gridW, { angle: 90 });
  };
  drawOne(PAGE.left, map.inherent, map.labels.inherent, m.labels.heatMapInherent);
  drawOne(
    PAGE.left + CONTENT_WIDTH / 2 + 2,
    map.residual,
    map.labels.residual,
    m.labels.heatMapResidual,
  );
  flow.y = top + height;
}

export function drawContext(flow: Flow, m: ReportModel): void {
  flow.heading(m.labels.partContext, SIZE.h1, { after: 3 });
  flow.text(m.labels.contextIntro, { after: 3 });
  fieldTable(flow, m.context.fields);
  if (m.context.questionnaireDescription) {
    flow.heading(m.labels.contextDescription, SIZE.h2, { before: 3 });
    flow.text(m.context.questionnaireDescription, { after: 2 });
  }
  flow.heading(m.labels.contextAbout, SIZE.h2, { before: 3 });
  flow.text(m.context.about);
}

/** What the final overall level requires; the "not final yet" line comes first when it applies. */
function drawObligations(flow: Flow, o: NonNullable<ReportModel['summary']['obligations']>): void {
  flow.heading(o.title, SIZE.h3, { before: 3, after: 1.5 });
  if (o.provisional) flow.text(o.provisional, { size: SIZE.small, color: COLOR.warning, after: 1 });
  for (const item of o.items) flow.bullet(`${item.kind}: ${item.text}`, { after: 0.8 });
  if (o.roles) flow.text(o.roles, { size: SIZE.body, bold: true, after: 1 });
}
