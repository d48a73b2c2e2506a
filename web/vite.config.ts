import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.CONSULTA_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    assetsInlineLimit: 0,
    manifest: true,
  },
  server: {
    proxy: { '/graphql': { target: api, ws: true }, '/health': api },
  },
});
