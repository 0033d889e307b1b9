import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The head both pages share (index.html and enquete.html): written once here and put first in each
 * page's head, so the two pages cannot drift apart. Each page keeps only what is its own.
 */
const sharedHeadTags: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1, viewport-fit=cover' }, injectTo: 'head-prepend' },
  { tag: 'meta', attrs: { name: 'theme-color', content: '#154273' }, injectTo: 'head-prepend' },
  { tag: 'link', attrs: { rel: 'icon', href: '/icons/icon.svg', type: 'image/svg+xml' }, injectTo: 'head-prepend' },
];
export const sharedHead = (): Plugin => ({ name: 'schouwkaart-shared-head', transformIndexHtml: () => sharedHeadTags });

export default defineConfig({
  plugins: [
    sharedHead(),
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
