import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { hostedHeaders } from './scripts/csp.ts';
import { singleFile } from './scripts/single-file.ts';
import { builtinCatalog } from './scripts/builtin-catalog.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const stub = fileURLToPath(new URL('./src/ui/stubs/empty-module.ts', import.meta.url));

/**
 * The hosted build is an installable offline web app: a manifest and a Workbox service worker that
 * precaches every file. `registerType: 'prompt'` keeps a new version waiting until the user chooses to
 * reload (src/ui/pwa/). The plugin injects no registration script (`injectRegister: false`): the app
 * registers the worker itself from its bundle, under the CSP and Trusted Types (see SECURITY.md).
 */
function pwa(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    strategies: 'generateSW',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    // The glob below already takes every file of public/: listing them again would duplicate entries.
    includeAssets: [],
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: 'FRIA Wizard',
      short_name: 'FRIA Wizard',
      description:
        'Impact op grondrechten beoordelen, in uw browser. Fundamental-rights impact assessment, in your browser.',
      lang: 'nl',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#154273',
      categories: ['government', 'productivity'],
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      // Everything the app can ever need, so it works fully offline after the first visit.
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,ttf,woff2}'],
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
      // No runtime caching: nothing outside the precache is ever fetched.
      runtimeCaching: [],
      sourcemap: false,
      // One self-contained sw.js: no importScripts() of a separate Workbox file, which Trusted Types
      // (sent as a header to the worker too) would have to allow.
      inlineWorkboxRuntime: true,
    },
  });
}

/** The hosted build's favicon (the single file has none: it would be one more file to carry). */
function favicon(): Plugin {
  return {
    name: 'fria-favicon',
    transformIndexHtml: () => [
      {
        tag: 'link',
        attrs: { rel: 'icon', href: './icon.svg', type: 'image/svg+xml' },
        injectTo: 'head',
      },
      {
        tag: 'link',
        attrs: { rel: 'apple-touch-icon', href: './apple-touch-icon.png' },
        injectTo: 'head',
      },
    ],
  };
}

/**
 * `npm start` runs Vite under `sh -c` under npm. Stopping npm by its process id (`kill <pid>`) ends
 * the shell but not Vite, which kept the port. When the process that started the server goes
 * away, Vite is re-parented (its parent process id changes): the server then closes and exits.
 */
function exitWithParent(): Plugin {
  return {
    name: 'fria-exit-with-parent',
    apply: 'serve',
    configureServer(server) {
      const parent = process.ppid;
      const timer = setInterval(() => {
        if (process.ppid === parent) return;
        clearInterval(timer);
        void server.close().finally(() => process.exit(0));
      }, 500);
      timer.unref();
      server.httpServer?.on('close', () => clearInterval(timer));
    },
  };
}

// Two builds from one source: `vite build` gives the hosted app in dist/, and
// `vite build --mode single` gives one self-contained HTML file in dist-single/ that works from file://.
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    base: './',
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    resolve: {
      // jsPDF only needs these for doc.html() and SVG, which the app does not use (about 100 KB gz).
      alias: {
        html2canvas: stub,
        canvg: stub,
        dompurify: stub,
        // The report decodes its only images (drawn signatures) itself: jsPDF's PNG decoder and pako
        // stay out (about 70 KB). See src/pdf/stubs/fast-png.ts.
        'fast-png': fileURLToPath(new URL('./src/pdf/stubs/fast-png.ts', import.meta.url)),
        // React 19 has useSyncExternalStore; the pre-18 fallback react-i18next asks for is not needed.
        'use-sync-external-store/shim': fileURLToPath(
          new URL('./src/ui/stubs/use-sync-external-store-shim.ts', import.meta.url),
        ),
      },
    },
    // public/ holds the manifest icons: the single file carries no separate files and no service worker.
    publicDir: single ? false : 'public',
    plugins: [
      react(),
      builtinCatalog(),
      exitWithParent(),
      ...(single ? [singleFile()] : [favicon(), ...pwa()]),
    ],
    // `vite preview` serves dist/ with the same headers as dist/_headers, so tests see production's CSP.
    preview: { headers: hostedHeaders() },
    build: {
      outDir: single ? 'dist-single' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1000,
      // The single file (scripts/single-file.ts) links its chunks itself: CommonJS chunks, no
      // preload tags (there are no files to preload), and all CSS in one <style>.
      ...(single
        ? {
            modulePreload: false,
            cssCodeSplit: false,
            rollupOptions: {
              output: { format: 'cjs' as const },
              // Vite's preload helper mentions import.meta, which CommonJS output replaces with {}
              // (with modulePreload off the helper never reads it); scripts/single-file.ts refuses
              // import.meta anywhere else, so this warning is not needed.
              checks: { emptyImportMeta: false },
            },
          }
        : {
            // Every browser the app supports preloads modules itself; without support the app
            // still works, its modules just load one after the other (about 0.6 KB gz saved).
            modulePreload: { polyfill: false },
          }),
    },
  };
});
