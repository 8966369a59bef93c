// Fast text for long tables. pdfkit shapes every word with fontkit's full OpenType engine
// (kerning, ligatures: about 0.5 ms a word with DejaVu) and wraps with its own line wrapper;
// a 30-day debrief has tens of thousands of cells. Reports need neither kerning nor
// ligatures, so glyphs come straight from the font's character map, lines are wrapped here
// from cached advance widths, and each line is drawn without pdfkit's wrapper. This reaches
// into pdfkit's embedded-font object (`_font.font`, `layoutRun`); when that shape is not
// there, pdfkit's own measuring and shaping are used unchanged.

interface FontkitGlyph {
  advanceWidth: number;
}
interface FontkitFont {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): FontkitGlyph;
}
interface EmbeddedFontLike {
  font?: FontkitFont;
  scale?: number;
  layoutRun?: (text: string, features?: unknown) => unknown;
}

type Doc = PDFKit.PDFDocument & { _font?: EmbeddedFontLike };

/** Replaces OpenType shaping of the current font with a plain character-map lookup. */
function plainShaping(f: EmbeddedFontLike): boolean {
  const font = f.font;
  const scale = f.scale;
  if (!font || typeof font.glyphForCodePoint !== 'function' || typeof scale !== 'number' || typeof f.layoutRun !== 'function') return false;
  const glyphs = new Map<number, FontkitGlyph>();
  f.layoutRun = (text: string) => {
    const run: FontkitGlyph[] = [];
    const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      let g = glyphs.get(cp);
      if (!g) glyphs.set(cp, (g = font.glyphForCodePoint(cp)));
      const w = g.advanceWidth * scale;
      advanceWidth += w;
      run.push(g);
      positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
    }
    return { glyphs: run, positions, advanceWidth };
  };
  return true;
}

export class TextMeasure {
  private readonly widths = new Map<string, Map<number, number>>();
  private readonly fonts = new Map<string, FontkitFont | null>();

  constructor(private readonly doc: Doc) {}

  /** Selects each registered font once, switching its shaping to plain lookups. */
  prepare(names: readonly string[]): void {
    for (const name of names) {
      this.doc.font(name);
      const f = this.doc._font;
      this.fonts.set(name, f && plainShaping(f) ? (f.font ?? null) : null);
    }
  }

  width(text: string, font: string, size: number): number {
    const fk = this.fonts.get(font);
    if (!fk) return this.doc.font(font).fontSize(size).widthOfString(text);
    let cache = this.widths.get(font);
    if (!cache) this.widths.set(font, (cache = new Map()));
    let units = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      let w = cache.get(cp);
      if (w === undefined) cache.set(cp, (w = fk.glyphForCodePoint(cp).advanceWidth / fk.unitsPerEm));
      units += w;
    }
    return units * size;
  }

  /** Greedy word wrap to `maxWidth`; a word longer than a line is cut. */
  wrap(text: string, maxWidth: number, font: string, size: number): string[] {
    const lines: string[] = [];
    const space = this.width(' ', font, size);
    for (const para of text.split('\n')) {
      let line = '';
      let lineW = 0;
      for (const word of para.split(' ')) {
        let w = this.width(word, font, size);
        if (line && lineW + space + w <= maxWidth) {
          line += ` ${word}`;
          lineW += space + w;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        lineW = w;
        while (lineW > maxWidth && line.length > 1) {
          const cut = this.fit(line, maxWidth, font, size);
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
          lineW = w = this.width(line, font, size);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Characters of `s` that fit in `maxWidth` (at least one). */
  private fit(s: string, maxWidth: number, font: string, size: number): number {
    let n = 1;
    while (n < s.length && this.width(s.slice(0, n + 1), font, size) <= maxWidth) n++;
    return n;
  }

  /** Cuts text to one line with an ellipsis. */
  truncate(text: string, maxWidth: number, font: string, size: number): string {
    if (this.width(text, font, size) <= maxWidth) return text;
    const n = this.fit(text, maxWidth - this.width('…', font, size), font, size);
    return `${text.slice(0, n)}…`;
  }

  /** Draws pre-wrapped lines from (x, y); returns the height used. */
  drawLines(lines: readonly string[], x: number, y: number, width: number, o: { font: string; size: number; align?: 'left' | 'right' | 'center' }): number {
    const d = this.doc.font(o.font).fontSize(o.size);
    const lh = d.currentLineHeight(true);
    lines.forEach((line, i) => {
      if (!line) return;
      let dx = 0;
      if (o.align === 'right' || o.align === 'center') {
        const free = width - this.width(line, o.font, o.size);
        dx = o.align === 'right' ? free : free / 2;
      }
      d.text(line, x + Math.max(0, dx), y + i * lh, { lineBreak: false });
    });
    return lines.length * lh;
  }

  lineHeight(font: string, size: number): number {
    return this.doc.font(font).fontSize(size).currentLineHeight(true);
  }
}
