import { defineConfig } from 'vite';

// The browser client: built into dist/client, which the server serves on its one port.
export default defineConfig({
  root: 'client',
  publicDir: '../assets',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
