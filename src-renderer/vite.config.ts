// Build config for the renderer (run from the repository root by `npm run build:renderer`).
// Paths are relative so this file, like the rest of src-renderer, needs no Node built-ins.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  // relative asset paths: the same build is loaded from file:// (Electron) and http:// (headless)
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    // relative to root: <repo>/dist-renderer
    outDir: '../dist-renderer',
    emptyOutDir: true,
    // keep the alarm a real file (not a data: URL) so the CSP media-src 'self' holds
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: { fs: { allow: ['..'] } },
});
