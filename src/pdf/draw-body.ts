/** Answers per section, risk register, action plan and conclusion. */
import type { LevelRef, ReportModel, ReportQuestion } from '../core/report';
import { COLOR, PAGE, SIZE, bulletHang, lineHeight, type Flow } from './layout';
import { meterWidth, table } from './tables';

// Wide enough for a two-digit question number ("12.10") in bold with a clear gap before the text.
const NUMBER_COL = 14;

/** The height a question needs kept together at the top of its space, in mm. */
function questionKeep(flow: Flow, q: ReportQuestion, m: ReportModel): number {
  const body = lineHeight(SIZE.body);
  const list = q.answered && q.type === 'multiChoice';
  const labelLines = flow.wrap(q.label, { bold: true, indent: NUMBER_COL }).length;
  const answerLines = q.answer.flatMap((a) =>
    flow.wrap(a, { indent: NUMBER_COL + (list ? bulletHang(SIZE.body) : 0) }),
  ).length;
  const sources = `${m.labels.answerSources}: ${q.sources.join(' · ')}`;
  const whole =
    (labelLines + answerLines) * body +
    0.8 +
    (q.note
      ? 1 + lineHeight(SIZE.small) + flow.wrap(q.note, { indent: NUMBER_COL }).length * body
      : 0) +
    (q.sources.length > 0
      ? 0.6 +
        flow.wrap(sources, { size: SIZE.tiny, indent: NUMBER_COL }).length * lineHeight(SIZE.tiny)
      : 0);
  // A question that fits on a page is kept whole (no lone "Sources" line at the top of the next
  // page); a longer one starts with its label and the first lines of its answer together.
  return whole <= 70 ? whole : (labelLines + Math.min(2, answerLines)) * body + 1;
}

function drawQuestion(flow: Flow, q: ReportQuestion, m: ReportModel): void {
  const labelLines = flow.wrap(q.label, { bold: true, indent: NUMBER_COL });
  const answerStyle = { indent: NUMBER_COL, color: q.answered ? COLOR.text : COLOR.muted };
  const list = q.answered && q.type === 'multiChoice';
  const sources = `${m.labels.answerSources}: ${q.sources.join(' · ')}`;
  flow.ensure(questionKeep(flow, q, m));
  const top = flow.y;
  flow.setStyle({ bold: true, color: COLOR.accent });
  flow.doc.text(q.number, PAGE.left, top + lineHeight(SIZE.body) * 0.72);
  flow.lines(labelLines, { bold: true, indent: NUMBER_COL, after: 0.8 });
  for (const line of q.answer) {
    if (list) flow.bullet(line, answerStyle);
    else flow.text(line, answerStyle);
  }
  if (q.note) {
    flow.space(1);
    flow.text(m.labels.answerNote, {
      size: SIZE.small,
      bold: true,
      color: COLOR.muted,
      indent: NUMBER_COL,
    });
    flow.text(q.note, { indent: NUMBER_COL });
  }
  if (q.sources.length > 0) {
    flow.space(0.6);
    flow.text(sources, {
      size: SIZE.tiny,
      color: COLOR.muted,
      indent: NUMBER_COL,
    });
  }
  flow.space(3.2);
}

export function drawAnswers(
  flow: Flow,
  m: ReportModel,
  onSection: (title: string, page: number) => void,
): void {
  flow.heading(m.labels.partAnswers, SIZE.h1, { after: 3 });
  flow.text(m.labels.answersIntro, { color: COLOR.muted, after: 4 });
  m.sections.forEach((section, i) => {
    if (i > 0) flow.space(3);
    const title = `${section.number}  ${section.title}`;
    // The heading stays with its description and the first question's label and answer.
    const first = section.questions[0];
    const keep =
      4 +
      (section.description
        ? flow.wrap(section.description, { size: SIZE.small }).length * lineHeight(SIZE.small) + 3
        : 0) +
      (first ? questionKeep(flow, first, m) : lineHeight(SIZE.body));
    flow.heading(title, SIZE.h2, { after: 1.5, keep });
    onSection(title, flow.page);
    flow.rule();
    flow.space(2.5);
    if (section.description)
      flow.text(section.description, { size: SIZE.small, color: COLOR.muted, after: 3 });
    if (section.questions.length === 0)
      flow.text(m.labels.sectionNoQuestions, { color: COLOR.muted, after: 2 });
    section.questions.forEach((q, qi) => {
      // A repeating group: each instance under its own heading, kept with its first question.
      if (q.instance && q.instance !== section.questions[qi - 1]?.instance) {
        flow.heading(q.instance, SIZE.h3, {
          before: qi > 0 ? 2 : 0,
          after: 2,
          keep: questionKeep(flow, q, m),
        });
      }
      drawQuestion(flow, q, m);
    });
  });
  drawSetAside(flow, m);
}

/** Answers kept aside by a questionnaire-version move: listed so that nothing disappears. */
function drawSetAside(flow: Flow, m: ReportModel): void {
  if (m.setAside.length === 0) return;
  flow.space(3);
  flow.heading(m.labels.setAsideTitle, SIZE.h2, { after: 1.5, keep: 30 });
  flow.rule();
  flow.space(2.5);
  flow.text(m.labels.setAsideIntro, { size: SIZE.small, color: COLOR.muted, after: 3 });
  for (const x of m.setAside) {
    flow.bullet(`${m.labels.setAsideQuestion}: ${x.question}`, { bold: true });
    flow.text(`${m.labels.setAsideAnswer}: ${x.answer}`, { indent: bulletHang(SIZE.body) });
    if (x.note) flow.text(`${m.labels.setAsideNote}: ${x.note}`, { indent: bulletHang(SIZE.body) });
    flow.text(x.reason, { size: SIZE.small, color: COLOR.muted, indent: bulletHang(SIZE.body) });
    flow.space(1);
  }
}

export function drawRegister(flow: Flow, m: ReportModel): void {
  flow.heading(m.labels.partRegister, SIZE.h1, { after: 3 });
  flow.text(m.labels.registerIntro, { after: 1 });
  flow.text(m.labels.likelihoodShort, { size: SIZE.small, color: COLOR.muted, after: 3 });
  const risks = m.register.risks;
  if (risks.length === 0) {
    flow.text(m.labels.registerEmpty, { color: COLOR.muted });
    drawProposals(flow, m);
    return;
  }
  const levelCount = m.summary.levels.length;
  const meterPad = meterWidth(levelCount) + 4;
  const levelCells = new Map<string, LevelRef>();
  risks.forEach((r, i) => {
    if (r.inherent.level) levelCells.set(`${i}:3`, r.inherent.level);
    if (r.residual.level) levelCells.set(`${i}:4`, r.residual.level);
  });
  // Title and domain in cells of their own, so neither runs into the other.
  table(flow, {
    head: [
      [
        m.labels.colRiskNr,
        m.labels.colRisk,
        m.labels.colDomain,
        m.labels.colInherent,
        m.labels.colResidual,
      ],
    ],
    body: risks.map((r) => [r.number, r.title, r.domain, r.inherent.text, r.residual.text]),
    columnStyles: {
      0: { cellWidth: 11, fontStyle: 'bold' },
      1: { cellWidth: 'auto' },
      2: { cellWidth: 34 },
      3: {
        cellWidth: 23 + meterPad,
        cellPadding: { top: 1.6, bottom: 1.6, left: meterPad, right: 2 },
      },
      4: {
        cellWidth: 23 + meterPad,
        cellPadding: { top: 1.6, bottom: 1.6, left: meterPad, right: 2 },
      },
    },
    levelCells,
  });

  for (const r of risks) {
    flow.heading(`${r.number}  ${r.title}`, SIZE.h3, {
      before: 3,
      after: 1,
      keep: 14,
      color: COLOR.text,
    });
    const field = (label: string, value: string) => {
      if (value.trim() === '') return;
      flow.text(label, { size: SIZE.small, bold: true, color: COLOR.muted, indent: NUMBER_COL });
      flow.text(value, { indent: NUMBER_COL, after: 1.2 });
    };
    flow.text(
      `${m.labels.riskDomain}: ${r.domain} · ${m.labels.colInherent}: ${r.inherent.text} · ${m.labels.colResidual}: ${r.residual.text}`,
      { size: SIZE.small, color: COLOR.muted, indent: NUMBER_COL, after: 1.5 },
    );
    field(m.labels.riskDescription, r.description);
    field(m.labels.riskAffected, r.affectedGroups);
    if (r.residualJustification) field(m.labels.riskResidualWhy, r.residualJustification);
    flow.text(m.labels.riskMeasures, {
      size: SIZE.small,
      bold: true,
      color: COLOR.muted,
      indent: NUMBER_COL,
    });
    if (r.measures.length === 0)
      flow.text(m.labels.riskNoMeasures, { color: COLOR.muted, indent: NUMBER_COL });
    for (const ms of r.measures) {
      flow.bullet(ms.text, { indent: NUMBER_COL + 2 });
      flow.text(`${ms.owner} · ${ms.due} · ${ms.statusLabel}`, {
        size: SIZE.small,
        color: COLOR.muted,
        indent: NUMBER_COL + 2 + bulletHang(SIZE.body),
        after: 1,
      });
    }
    flow.space(1);
  }
  drawProposals(flow, m);
}

/**
 * Every proposed risk with what was done with it (taken in, merged, dismissed with the reason, or
 * still open): none vanishes from the report.
 */
function drawProposals(flow: Flow, m: ReportModel): void {
  const proposals = m.register.proposals;
  if (proposals.length === 0) return;
  flow.heading(m.labels.registerProposals, SIZE.h3, {
    before: 3,
    after: 1,
    keep: 14,
    color: COLOR.text,
  });
  flow.text(m.labels.registerProposalsIntro, { size: SIZE.small, color: COLOR.muted, after: 2 });
  table(flow, {
    head: [[m.labels.colProposal, m.labels.colProposalDecision]],
    body: proposals.map((p) => [p.domain ? `${p.title} (${p.domain})` : p.title, p.statusText]),
    columnStyles: { 0: { cellWidth: 'auto' }, 1: { cellWidth: 70 } },
  });
}

export function drawActionPlan(flow: Flow, m: ReportModel): void {
  flow.heading(m.labels.partActionPlan, SIZE.h1, { after: 3 });
  const measures = m.actionPlan.measures;
  if (measures.length === 0) {
    flow.text(m.labels.actionPlanEmpty, { color: COLOR.muted });
    return;
  }
  flow.text(m.labels.actionPlanIntro, { after: 3 });
  table(flow, {
    head: [
      [
        m.labels.colMeasure,
        m.labels.colRisk,
        m.labels.colOwner,
        m.labels.colDue,
        m.labels.colStatus,
      ],
    ],
    body: measures.map((x) => [x.text, x.riskNumber, x.owner, x.due, x.statusLabel]),
    columnStyles: {
      0: { cellWidth: 'auto' },
      1: { cellWidth: 15 },
      2: { cellWidth: 36 },
      3: { cellWidth: 27 },
      4: { cellWidth: 22 },
    },
  });
}

export function drawConclusion(flow: Flow, m: ReportModel): void {
  const c = m.conclusion;
  flow.heading(m.labels.partConclusion, SIZE.h1, { after: 3 });
  flow.text(m.labels.conclusionIntro, { color: COLOR.muted, after: 4 });
  if (!c.recorded) {
    flow.text(c.decision, { bold: true });
    return;
  }
  flow.text(m.labels.conclusionDecision, { size: SIZE.small, bold: true, color: COLOR.muted });
  flow.text(c.decision, { size: SIZE.h2, bold: true, after: 4 });
  if (c.conditions.length > 0) {
    flow.text(m.labels.conclusionConditions, {
      size: SIZE.small,
      bold: true,
      color: COLOR.muted,
      after: 0.5,
    });
    c.conditions.forEach((cond, i) => {
      flow.text(`${i + 1}.  ${cond}`, { indent: 2, after: 1 });
    });
    flow.space(3);
  }
  flow.text(m.labels.conclusionReasoning, {
    size: SIZE.small,
    bold: true,
    color: COLOR.muted,
    after: 0.5,
  });
  flow.text(c.reasoning || '—');
}
