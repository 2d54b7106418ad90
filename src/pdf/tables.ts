/**
 * Tables through jspdf-autotable, in the report's look: the embedded font, quiet grid lines, a
 * header row repeated on every page, and rows that may split across pages so long cells are
 * never cut off. The cursor of the flow continues below the table.
 */
import { autoTable, type CellHookData, type RowInput, type UserOptions } from 'jspdf-autotable';
import type { LevelRef } from '../core/report';
import { FONT_FAMILY, drawable } from './fonts';
import { drawLevelMeter } from './graphics';
import { BODY_BOTTOM, COLOR, PAGE, SIZE, type Flow } from './layout';
import { wrapText } from './wrap';

export const METER = { size: 2.4, gap: 0.8 } as const;

/** Room a level meter takes at the left of a cell, in mm. */
export function meterWidth(count: number): number {
  return count * (METER.size + METER.gap) - METER.gap;
}

/** Cleans every string of a table body for the embedded font. */
export function cleanRows(rows: RowInput[]): RowInput[] {
  return rows.map((row) =>
    Array.isArray(row)
      ? row.map((cell) =>
          typeof cell === 'string'
            ? drawable(cell)
            : cell &&
                typeof cell === 'object' &&
                'content' in cell &&
                typeof cell.content === 'string'
              ? { ...cell, content: drawable(cell.content) }
              : cell,
        )
      : row,
  ) as RowInput[];
}

export function table(
  flow: Flow,
  options: UserOptions & { levelCells?: Map<string, LevelRef> },
): void {
  const { levelCells, ...rest } = options;
  const userDidDrawCell = rest.didDrawCell;
  autoTable(flow.doc, {
    theme: 'grid',
    startY: flow.y,
    margin: {
      top: PAGE.top,
      bottom: PAGE.height - BODY_BOTTOM,
      left: PAGE.left,
      right: PAGE.right,
    },
    rowPageBreak: 'auto',
    showHead: 'everyPage',
    tableLineColor: COLOR.rule,
    tableLineWidth: 0.2,
    ...rest,
    head: rest.head ? cleanRows(rest.head) : undefined,
    body: rest.body ? cleanRows(rest.body) : undefined,
    styles: {
      font: FONT_FAMILY,
      fontSize: SIZE.small + 0.5,
      textColor: COLOR.text,
      lineColor: COLOR.rule,
      lineWidth: 0.2,
      cellPadding: { top: 1.6, bottom: 1.6, left: 2, right: 2 },
      valign: 'top',
      // Break at spaces; inside a word only when it is wider than the column (wrap.ts). autotable
      // has set the cell's font when it calls this, so getTextWidth measures the right face.
      // The 1 pt of slack is autotable's own allowance for rounding in its 'linebreak' mode.
      overflow: (text: string | string[], width: number) =>
        wrapText(text, width + 1 / flow.doc.internal.scaleFactor, (s) => flow.doc.getTextWidth(s)),
      ...rest.styles,
    },
    headStyles: {
      fillColor: COLOR.fill,
      textColor: COLOR.accent,
      fontStyle: 'bold',
      ...rest.headStyles,
    },
    didDrawCell: (data: CellHookData) => {
      if (levelCells && data.section === 'body') {
        const level = levelCells.get(`${data.row.index}:${data.column.index}`);
        if (level) {
          drawLevelMeter(
            flow.doc,
            data.cell.x + 2,
            data.cell.y + 1.9,
            level,
            METER.size,
            METER.gap,
          );
        }
      }
      userDidDrawCell?.(data);
    },
  });
  const last = (flow.doc as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable;
  flow.y = (last?.finalY ?? flow.y) + 4;
}

/** Label / value pairs as a quiet two-column table without grid lines. */
export function fieldTable(
  flow: Flow,
  rows: { label: string; value: string }[],
  labelWidth = 52,
): void {
  table(flow, {
    theme: 'plain',
    body: rows.map((r) => [r.label, r.value]),
    tableLineWidth: 0,
    styles: {
      fontSize: SIZE.body - 0.5,
      lineWidth: 0,
      cellPadding: { top: 1, bottom: 1, left: 0, right: 3 },
    },
    columnStyles: {
      0: { cellWidth: labelWidth, textColor: COLOR.muted },
      1: { cellWidth: 'auto' },
    },
    showHead: 'never',
  });
}
