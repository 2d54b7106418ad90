/**
 * How a level looks on paper: always its name in text, plus a pattern that needs no colour — a
 * row of squares filled up to the level (in tables) or hatching that gets denser per level (in the
 * risk map). Colour only adds to both; a grey-scale print or a colour-blind reader loses nothing.
 */
import type { jsPDF } from 'jspdf';
import type { LevelRef } from '../core/report';
import { COLOR, tint } from './layout';

/** Squares filled up to the level: ■■■□ for the third of four levels. */
export function drawLevelMeter(
  doc: jsPDF,
  x: number,
  y: number,
  level: LevelRef,
  size = 2.4,
  gap = 0.8,
): number {
  doc.setLineWidth(0.2);
  for (let i = 0; i < level.count; i++) {
    const cx = x + i * (size + gap);
    doc.setDrawColor(COLOR.hatch);
    if (i <= level.index) {
      doc.setFillColor(level.color);
      doc.rect(cx, y, size, size, 'FD');
    } else {
      doc.setFillColor(COLOR.empty);
      doc.rect(cx, y, size, size, 'FD');
    }
  }
  return level.count * (size + gap) - gap;
}

/** Hatch spacing in mm for a level: none for the lowest, denser up the scale, crossed at the top. */
function hatchFor(level: LevelRef): { spacing: number; cross: boolean } | null {
  if (level.index === 0 || level.count < 2) return null;
  const share = level.index / (level.count - 1);
  return { spacing: 3.2 - 2.0 * share, cross: share >= 0.99 };
}

/** Fills a rectangle with the level's light tint and its hatch pattern. */
export function drawLevelPattern(
  doc: jsPDF,
  x: number,
  y: number,
  w: number,
  h: number,
  level: LevelRef | null,
): void {
  doc.setFillColor(level ? tint(level.color, 0.8) : COLOR.empty);
  doc.rect(x, y, w, h, 'F');
  if (!level) return;
  const hatch = hatchFor(level);
  if (!hatch) return;
  doc.setDrawColor(COLOR.hatch);
  doc.setLineWidth(0.12);
  // Lines at 45°, clipped to the rectangle by hand (no clipping paths, which keeps the PDF simple).
  for (let c = -h; c < w; c += hatch.spacing) {
    const t0 = Math.max(0, -c);
    const t1 = Math.min(h, w - c);
    if (t0 < t1) doc.line(x + c + t0, y + h - t0, x + c + t1, y + h - t1);
    if (hatch.cross && t0 < t1) doc.line(x + w - c - t0, y + h - t0, x + w - c - t1, y + h - t1);
  }
}
