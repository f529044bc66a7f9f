// Vite configuration of the phone page: served by the API under /phone/, same origin as /api.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.PALIER_API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: api, changeOrigin: false } };

export default defineConfig({
  base: '/phone/',
  // Phones from the last five years; livekit-client needs WebRTC and ES2020 anyway.
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    // index.html: the phone in a call; photos.html: photos for a fault report or a neighbourhood post; text.html: a long text for the TV
    // (no LiveKit in those two bundles).
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        photos: fileURLToPath(new URL('./photos.html', import.meta.url)),
        text: fileURLToPath(new URL('./text.html', import.meta.url)),
        // data.html: the tenant's data export (wip/neighbours)
        data: fileURLToPath(new URL('./data.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5174, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4174, strictPort: true, proxy },
});
