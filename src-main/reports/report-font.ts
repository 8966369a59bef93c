// Finds the TrueType font the reports embed: reports.font_file when set, else DejaVu Sans
// (Debian's fonts-dejavu-core) or another Unicode sans at a known path per OS. pdfkit's
// built-in fonts are Latin-1 only; an embedded TrueType font prints æøå, Greek and Cyrillic
// and pdftotext reads them back.
import fs from 'node:fs';
import path from 'node:path';
import type { PdfFonts } from './pdf/pdf-doc.js';

interface Candidate {
  regular: string;
  bold: string;
}

export const FONT_CANDIDATES: readonly Candidate[] = [
  { regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
  { regular: '/usr/share/fonts/TTF/DejaVuSans.ttf', bold: '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf' },
  { regular: '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf', bold: '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf' },
  { regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf' },
  { regular: 'C:\\Windows\\Fonts\\arial.ttf', bold: 'C:\\Windows\\Fonts\\arialbd.ttf' },
  { regular: '/System/Library/Fonts/Supplemental/Arial.ttf', bold: '/System/Library/Fonts/Supplemental/Arial Bold.ttf' },
];

export const FONT_HELP =
  'set reports.font_file to a TrueType (.ttf) font, or install DejaVu Sans (Debian/Ubuntu: apt-get install fonts-dejavu-core)';

/** A font that cannot be used: the message says which file and what to do. */
export class ReportFontError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFontError';
  }
}

function readFont(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new ReportFontError(`report font ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${FONT_HELP}`);
  }
  const tag = bytes.subarray(0, 4).toString('latin1');
  const isTrueType = bytes.readUInt32BE(0) === 0x00010000 || tag === 'true' || tag === 'OTTO';
  if (bytes.length < 12 || !isTrueType) {
    throw new ReportFontError(`report font ${file} is not a TrueType/OpenType font file (collections .ttc are not supported); ${FONT_HELP}`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const cache = new Map<string, Uint8Array>();

function readFontOnce(file: string): Uint8Array {
  let bytes = cache.get(file);
  if (!bytes) cache.set(file, (bytes = readFont(file)));
  return bytes;
}

/**
 * The fonts for a report. `configured` (reports.font_file) wins and must exist; else the first
 * candidate found. Throws ReportFontError with what to do when there is none.
 */
export function loadReportFonts(configured: string, candidates: readonly Candidate[] = FONT_CANDIDATES): PdfFonts {
  if (configured) return { regular: readFontOnce(path.resolve(configured)), bold: null };
  const found = candidates.find((c) => fs.existsSync(c.regular));
  if (!found) throw new ReportFontError(`no TrueType font found for reports (looked for ${candidates.map((c) => c.regular).join(', ')}); ${FONT_HELP}`);
  return { regular: readFontOnce(found.regular), bold: fs.existsSync(found.bold) ? readFontOnce(found.bold) : null };
}
