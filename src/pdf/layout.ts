/**
 * Page geometry, type scale and a small flowing-text writer on top of jsPDF: it keeps a cursor,
 * wraps text to the column, and starts a new page whenever the next line would not fit, so long
 * answers break across pages and nothing is cut off.
 */
import type { jsPDF } from 'jspdf';
import { FONT_FAMILY, drawable } from './fonts';

/** Millimetres; A4 portrait. */
export const PAGE = {
  width: 210,
  height: 297,
  left: 22,
  right: 22,
  top: 24,
  bottom: 20,
  headerY: 12,
  footerY: 286,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const BODY_BOTTOM = PAGE.height - PAGE.bottom - 4;

/** Sizes in points. */
export const SIZE = {
  title: 24,
  h1: 16,
  h2: 12,
  h3: 10,
  body: 9.5,
  small: 8,
  tiny: 7,
} as const;

export const COLOR = {
  text: '#1b1b1b',
  muted: '#545b66',
  accent: '#1d3f6e',
  rule: '#b9c0ca',
  fill: '#eef1f5',
  noteFill: '#f5f6f8',
  /** Dark red, for what a reader must not miss (the DRAFT mark, an override not applied). */
  warning: '#8a1c1c',
  hatch: '#3a3f47',
  empty: '#ffffff',
} as const;

const PT = 25.4 / 72;
export const LINE_FACTOR = 1.38;

/** Line height in mm for a font size in points. */
export const lineHeight = (size: number) => size * PT * LINE_FACTOR;
/** How far the text of a list item stands right of its mark, in mm (the mark and a space). */
export const bulletHang = (size: number) => size * PT * 1.15;
/** Distance from the top of a line box to its baseline, in mm (glyphs centred in the box). */
const baselineOffset = (size: number) => (lineHeight(size) - size * PT) / 2 + size * PT * 0.8;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  /** Extra left indent in mm. */
  indent?: number;
  /** Space after the block in mm. */
  after?: number;
  /** Right-hand limit of the text column (defaults to the page's content width). */
  width?: number;
}

/** Mixes a #rrggbb colour with white; `amount` 0 keeps the colour, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

export class Flow {
  y: number = PAGE.top;

  constructor(readonly doc: jsPDF) {}

  get page(): number {
    return this.doc.getCurrentPageInfo().pageNumber;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.top;
  }

  /** Starts a new page when `height` mm do not fit below the cursor. */
  ensure(height: number): void {
    if (this.y + height > BODY_BOTTOM && this.y > PAGE.top + 0.1) this.newPage();
  }

  space(mm: number): void {
    this.y = Math.min(this.y + mm, BODY_BOTTOM);
  }

  setStyle(style: TextStyle): void {
    this.doc.setFont(FONT_FAMILY, style.bold ? 'bold' : 'normal');
    this.doc.setFontSize(style.size ?? SIZE.body);
    this.doc.setTextColor(style.color ?? COLOR.text);
  }

  /** The wrapped lines of a text in a style, without drawing. */
  wrap(text: string, style: TextStyle = {}): string[] {
    this.setStyle(style);
    const width = (style.width ?? CONTENT_WIDTH) - (style.indent ?? 0);
    const out: string[] = [];
    for (const para of drawable(text).split('\n')) {
      if (para.trim() === '') {
        out.push('');
        continue;
      }
      out.push(...(this.doc.splitTextToSize(para, width) as string[]));
    }
    return out;
  }

  /** Draws text, wrapped, from the cursor down; breaks to a new page between lines as needed. */
  text(text: string, style: TextStyle = {}, x: number = PAGE.left): void {
    const lines = this.wrap(text, style);
    this.lines(lines, style, x);
  }

  lines(lines: string[], style: TextStyle = {}, x: number = PAGE.left): void {
    const size = style.size ?? SIZE.body;
    const lh = lineHeight(size);
    const left = x + (style.indent ?? 0);
    let i = 0;
    while (i < lines.length) {
      this.ensure(lh);
      const room = Math.max(1, Math.floor((BODY_BOTTOM - this.y) / lh + 1e-6));
      const batch = lines.slice(i, i + room);
      this.setStyle(style);
      this.doc.text(batch, left, this.y + baselineOffset(size), {
        lineHeightFactor: LINE_FACTOR,
        baseline: 'alphabetic',
      });
      this.y += batch.length * lh;
      i += batch.length;
    }
    this.y += style.after ?? 0;
  }

  /**
   * A list item: the mark at the left, every line of the text (also the wrapped ones) indented
   * past it, so the mark stands alone in its column.
   */
  bullet(text: string, style: TextStyle = {}, mark = '•', x: number = PAGE.left): void {
    const size = style.size ?? SIZE.body;
    const indent = style.indent ?? 0;
    const hang = bulletHang(size);
    const lines = this.wrap(text, { ...style, indent: indent + hang });
    this.ensure(lineHeight(size));
    this.setStyle({ ...style, bold: false });
    this.doc.text(mark, x + indent, this.y + baselineOffset(size), { baseline: 'alphabetic' });
    this.lines(lines, { ...style, indent: indent + hang }, x);
  }

  /** A heading that is never left alone at the bottom of a page. */
  heading(
    text: string,
    size: number,
    opts: { color?: string; before?: number; after?: number; keep?: number } = {},
  ): void {
    const lines = this.wrap(text, { size, bold: true });
    const lh = lineHeight(size);
    if (this.y > PAGE.top + 0.1) this.y += opts.before ?? 0;
    this.ensure(lines.length * lh + (opts.keep ?? 12));
    this.lines(lines, { size, bold: true, color: opts.color ?? COLOR.accent });
    this.y += opts.after ?? 1.5;
  }

  rule(color: string = COLOR.rule, width = 0.2): void {
    this.doc.setDrawColor(color);
    this.doc.setLineWidth(width);
    this.doc.line(PAGE.left, this.y, PAGE.width - PAGE.right, this.y);
  }
}
