import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // The update prompt is ours (workbox-window); the plugin must not register or reload by itself.
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      manifest: {
        name: 'Schouwkaart',
        short_name: 'Schouwkaart',
        description: 'Gebiedsschouw en opvolging voor Keurmerk Veilig Ondernemen Winkelgebieden',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#154273',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // dist/.vite/manifest.json: the bench and tests/app/firstScreen.test.ts read the first screen's module graph from it.
    manifest: true,
    // Two pages: the app, and the shopkeeper's survey page (/enquete), which loads none of the app.
    rollupOptions: { input: { main: 'index.html', enquete: 'enquete.html' } },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
