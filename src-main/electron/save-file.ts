// Desktop save dialog for exported reports: the renderer hands over the file's name and bytes
// (base64), the person picks where it goes. Only our own page may ask; the name is a plain
// file name (no folders), the size bounded.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { z } from 'zod';

export const SAVE_FILE_CHANNEL = 'sairen:save-file';
const MAX_BASE64_CHARS = 64 * 1024 * 1024;

const SaveRequest = z.object({
  fileName: z.string().min(1).max(200).refine((n) => basename(n) === n && !n.includes('\\'), 'a file name, not a path'),
  base64: z.string().max(MAX_BASE64_CHARS),
});

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF report', extensions: ['pdf'] },
  csv: { name: 'CSV (spreadsheet)', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
};

export function registerSaveFile(getWindow: () => BrowserWindow | null, allowedUrlPrefix: string): () => void {
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, request: unknown) => {
    if (!(event.senderFrame?.url ?? '').startsWith(allowedUrlPrefix)) return { saved: false, error: 'save request from an untrusted frame' };
    const parsed = SaveRequest.safeParse(request);
    if (!parsed.success) return { saved: false, error: parsed.error.issues.map((i) => i.message).join('; ') };
    const { fileName, base64 } = parsed.data;
    const ext = fileName.split('.').pop() ?? '';
    const win = getWindow();
    const options = { defaultPath: join(app.getPath('documents'), fileName), filters: FILTERS[ext] ? [FILTERS[ext]] : [] };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    try {
      await writeFile(choice.filePath, Buffer.from(base64, 'base64'));
      return { saved: true, path: choice.filePath };
    } catch (e) {
      return { saved: false, error: `could not write ${choice.filePath}: ${(e as Error).message}` };
    }
  });
  return () => ipcMain.removeHandler(SAVE_FILE_CHANNEL);
}
