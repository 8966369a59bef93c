import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // relative asset paths: the same build is loaded from file:// (Electron) and http:// (headless)
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist-renderer', import.meta.url)),
    emptyOutDir: true,
    // keep the alarm a real file (not a data: URL) so the CSP media-src 'self' holds
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
