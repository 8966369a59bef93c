// Reading a PDF back the way a person's tools do: poppler's pdftotext, pdfinfo and pdftoppm
// (Debian poppler-utils), plus the page content streams inflated for drawing operators.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function pdfText(file: string, opts: { layout?: boolean; page?: number } = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (opts.layout) args.push('-layout');
  if (opts.page !== undefined) args.push('-f', String(opts.page), '-l', String(opts.page));
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count:\n${info}`);
  return Number(m[1]);
}

/** Renders every page to PNG; returns the files in page order. */
export function renderPages(file: string, outDir: string, dpi = 40, gray = false): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync('pdftoppm', ['-r', String(dpi), gray ? '-gray' : '-png', file, path.join(outDir, 'page')]);
  return fs.readdirSync(outDir).filter((f) => f.startsWith('page-')).sort().map((f) => path.join(outDir, f));
}

/** Each FlateDecode stream of the file, inflated (page contents, fonts, ...). */
export function inflatedStreams(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(zlib.inflateSync(Buffer.from(bytes).subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream (or trailing newline issues): skip
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

/** A binary PGM (P5) image: width, height and gray pixels. */
export function readPgm(file: string): { width: number; height: number; pixels: Uint8Array } {
  const buf = fs.readFileSync(file);
  const header = buf.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error(`${file} is not a binary PGM`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, pixels: buf.subarray(m[0].length, m[0].length + width * height) };
}
