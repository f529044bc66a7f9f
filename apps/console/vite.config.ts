// Vite configuration of the staff console: served by the API under /console/, same origin as /api.
import { defineConfig } from 'vite';

// In `vite dev` / `vite preview` the API runs elsewhere; proxy /api (and its WebSocket) to it.
const api = process.env.PALIER_API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: api, ws: true, changeOrigin: false } };

export default defineConfig({
  base: '/console/',
  // No @vitejs/plugin-react: esbuild's automatic JSX runtime is all this console needs (no fast refresh).
  esbuild: { jsx: 'automatic' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
});
