import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const stub = fileURLToPath(new URL('./src/ui/stubs/empty-module.ts', import.meta.url));

// Two builds from one source: `vite build` gives the hosted app in dist/, and
// `vite build --mode single` gives one self-contained HTML file in dist-single/ that works from file://.
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    base: './',
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    resolve: {
      // jsPDF only needs these for doc.html() and SVG, which the app does not use (about 100 KB gz).
      alias: { html2canvas: stub, canvg: stub, dompurify: stub },
    },
    plugins: [react(), ...(single ? [viteSingleFile({ removeViteModuleLoader: true })] : [])],
    build: {
      outDir: single ? 'dist-single' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1000,
    },
  };
});
