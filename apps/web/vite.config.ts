import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const SERVER = 'http://127.0.0.1:8787'

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages are used from source, so a model change needs no rebuild in dev.
    conditions: ['@touchline/source'],
    // Two copies of yjs in one bundle break its instanceof checks.
    dedupe: ['yjs', 'y-protocols', 'lib0'],
  },
  server: {
    proxy: {
      '/api': { target: SERVER, changeOrigin: true },
      '/sync': { target: SERVER, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
})
