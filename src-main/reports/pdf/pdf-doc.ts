// A thin layer over pdfkit for report pages: headings, paragraphs, key-value blocks and tables
// that carry their header over page breaks, and page footers written at the end. Fonts come in
// as bytes (an embedded TrueType font, so æøå and other non-Latin-1 text print and extract).
import PDFDocument from 'pdfkit';
import { TextMeasure } from './pdf-text.js';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array | null;
}

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableOptions {
  fontSize?: number;
  /** Fill behind a row (e.g. by risk), or null for none. */
  rowFill?: (index: number) => string | null;
}

export const COLORS = {
  text: '#1a1a1a',
  muted: '#666666',
  rule: '#b0b0b0',
  headerFill: '#e8ecf0',
  zebra: '#f6f7f9',
  accent: '#1f4e79',
};

const CELL_PAD = 3;

export class PdfDoc {
  readonly doc: PDFKit.PDFDocument;
  readonly text: TextMeasure;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;

  constructor(fonts: PdfFonts, info: { title: string; subject: string; keywords: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 46, bottom: 50, left: 42, right: 42 },
      bufferPages: true,
      // No built-in (Latin-1) font at all: ours are registered below. (A font given here
      // would be re-opened on every page.)
      font: null as unknown as string,
      info: { Title: info.title, Author: 'SAIREN', Subject: info.subject, Keywords: info.keywords, Creator: 'SAIREN' },
    });
    this.doc.registerFont('Body', Buffer.from(fonts.regular));
    this.doc.registerFont('Bold', Buffer.from(fonts.bold ?? fonts.regular));
    this.text = new TextMeasure(this.doc);
    this.text.prepare(['Bold', 'Body']);
    this.doc.font('Body').fontSize(9).fillColor(COLORS.text);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.ended = new Promise((resolve) => this.doc.on('end', () => resolve()));
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get y(): number {
    return this.doc.y;
  }

  set y(v: number) {
    this.doc.y = v;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 13 : 10.5;
    this.ensure(size * 3 + 30);
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.y += level === 1 ? 10 : 6;
    this.doc.font('Bold').fontSize(size).fillColor(COLORS.accent).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.y += 3;
    this.doc.font('Body').fontSize(9).fillColor(COLORS.text);
  }

  para(text: string, opts: { size?: number; color?: string; bold?: boolean } = {}): void {
    this.doc.font(opts.bold ? 'Bold' : 'Body').fontSize(opts.size ?? 9);
    this.ensure(this.doc.heightOfString(text, { width: this.width }) + 2);
    this.doc.fillColor(opts.color ?? COLORS.text).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.font('Body').fontSize(9).fillColor(COLORS.text);
    this.doc.y += 2;
  }

  /** Label / value pairs in `columns` columns. */
  keyValues(rows: [string, string][], columns = 2): void {
    const colW = this.width / columns;
    const lineH = 13;
    // Each column's labels get the room its longest label needs (40-62 % of it), values the rest.
    const labelWs = [...Array(columns).keys()].map((c) => {
      const widest = Math.max(0, ...rows.filter((_, i) => i % columns === c).map(([l]) => this.text.width(l, 'Body', 8.5)));
      return Math.min(colW * 0.62, Math.max(colW * 0.4, widest + 10));
    });
    for (let i = 0; i < rows.length; i += columns) {
      this.ensure(lineH);
      const y = this.doc.y;
      for (let c = 0; c < columns && i + c < rows.length; c++) {
        const [label, value] = rows[i + c];
        const x = this.left + c * colW;
        const labelW = labelWs[c];
        this.doc.fillColor(COLORS.muted);
        this.text.drawLines([this.text.truncate(label, labelW - 4, 'Body', 8.5)], x, y, labelW - 4, { font: 'Body', size: 8.5 });
        this.doc.fillColor(COLORS.text);
        this.text.drawLines([this.text.truncate(value, colW - labelW - 6, 'Bold', 9)], x + labelW, y, colW - labelW - 6, { font: 'Bold', size: 9 });
      }
      this.doc.y = y + lineH;
    }
    this.doc.font('Body').fontSize(9).fillColor(COLORS.text);
  }

  /** A table whose header repeats after a page break; cells wrap. Widths are in points. */
  table(columns: TableColumn[], rows: string[][], opts: TableOptions = {}): void {
    const size = opts.fontSize ?? 8;
    const scale = this.width / columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => c.width * scale);
    const drawRow = (cells: string[], bold: boolean, fill: string | null): void => {
      const font = bold ? 'Bold' : 'Body';
      const wrapped = cells.map((t, i) => this.text.wrap(t, widths[i] - 2 * CELL_PAD, font, size));
      const h = Math.max(...wrapped.map((l) => l.length)) * this.text.lineHeight(font, size) + 2 * CELL_PAD;
      if (this.doc.y + h > this.bottom) {
        this.newPage();
        if (!bold) drawRow(columns.map((c) => c.header), true, COLORS.headerFill);
      }
      const y = this.doc.y;
      if (fill) this.doc.rect(this.left, y, this.width, h).fill(fill);
      let x = this.left;
      this.doc.fillColor(COLORS.text);
      wrapped.forEach((lines, i) => {
        this.text.drawLines(lines, x + CELL_PAD, y + CELL_PAD, widths[i] - 2 * CELL_PAD, { font, size, align: columns[i].align });
        x += widths[i];
      });
      this.doc.moveTo(this.left, y + h).lineTo(this.left + this.width, y + h).lineWidth(0.3).strokeColor(COLORS.rule).stroke();
      this.doc.x = this.left;
      this.doc.y = y + h;
    };
    this.ensure(40);
    drawRow(columns.map((c) => c.header), true, COLORS.headerFill);
    rows.forEach((r, i) => drawRow(r, false, opts.rowFill?.(i) ?? (i % 2 ? COLORS.zebra : null)));
    this.doc.font('Body').fontSize(9).fillColor(COLORS.text);
    this.doc.y += 4;
  }

  pageCount(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count;
  }

  /** Writes a footer on every page, ends the document, and returns its bytes. */
  async finish(footer: (page: number, pages: number) => string): Promise<{ bytes: Uint8Array; pages: number }> {
    const range = this.doc.bufferedPageRange();
    const pages = range.start + range.count;
    for (let i = range.start; i < pages; i++) {
      this.doc.switchToPage(i);
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // text in the margin must not open a new page
      this.doc.font('Body').fontSize(7.5).fillColor(COLORS.muted)
        .text(footer(i + 1, pages), this.left, this.doc.page.height - 32, { width: this.width, align: 'center', lineBreak: false });
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    await this.ended;
    const buf = Buffer.concat(this.chunks);
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), pages };
  }
}
