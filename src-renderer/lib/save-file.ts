// Saves an exported report. In the desktop app the engine's shell shows a save dialog (the
// preload's saveFile); in a browser the file is downloaded. Returns what to tell the user.
import type { ReportFile } from '../../src-shared/reports.js';

export interface SaveApi {
  saveFile?: (fileName: string, base64: string) => Promise<{ saved: boolean; path?: string; error?: string }>;
}

function download(file: ReportFile, doc: Document): void {
  const bin = atob(file.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function saveReportFile(file: ReportFile, api: SaveApi | undefined, doc: Document = document): Promise<string> {
  if (api?.saveFile) {
    const r = await api.saveFile(file.fileName, file.base64);
    if (r.error) throw new Error(r.error);
    return r.saved ? `Saved ${r.path ?? file.fileName}` : 'Not saved';
  }
  download(file, doc);
  return `Downloaded ${file.fileName}`;
}

/** "1.4 MB", "820 kB". */
export function sizeText(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}
