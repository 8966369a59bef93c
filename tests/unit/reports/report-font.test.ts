import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_CANDIDATES, ReportFontError, loadReportFonts } from '../../../src-main/reports/report-font.js';

describe('finding the report font', () => {
  it('finds DejaVu Sans (or another listed Unicode font) on this machine', () => {
    const f = loadReportFonts('');
    expect(f.regular.byteLength).toBeGreaterThan(100_000);
    expect(FONT_CANDIDATES.some((c) => fs.existsSync(c.regular))).toBe(true);
  });

  it('says what to do when no font is found', () => {
    expect(() => loadReportFonts('', [{ regular: '/nowhere/a.ttf', bold: '/nowhere/b.ttf' }])).toThrow(/no TrueType font found.*reports\.font_file.*fonts-dejavu-core/);
  });

  it('refuses a configured file that is missing or not a font, naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-font-'));
    const notFont = path.join(dir, 'notes.ttf');
    fs.writeFileSync(notFont, 'this is text, not a font');
    try {
      expect(() => loadReportFonts(path.join(dir, 'missing.ttf'))).toThrow(ReportFontError);
      expect(() => loadReportFonts(path.join(dir, 'missing.ttf'))).toThrow(/missing\.ttf cannot be read \(ENOENT\)/);
      expect(() => loadReportFonts(notFont)).toThrow(/notes\.ttf is not a TrueType/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
