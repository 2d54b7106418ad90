/**
 * Prerenders the start screen at build time (called by scripts/post-build.ts): loads
 * src/ui/prerender.tsx through a Vite server in Node (same sources, same React, same texts as the
 * build) and returns the markup of the app's first render on the start screen, in Dutch and English.
 */
import { resolve } from 'node:path';
import { createServer } from 'vite';
import type { UiLocale } from '../src/ui/i18n';

export interface Prerendered {
  html: string;
  title: string;
}

export async function prerenderStartScreens(): Promise<Record<UiLocale, Prerendered>> {
  const server = await createServer({
    configFile: resolve('vite.config.ts'),
    mode: 'prerender',
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const m = (await server.ssrLoadModule(
      '/src/ui/prerender.tsx',
    )) as typeof import('../src/ui/prerender');
    const out = { nl: await m.prerenderStart('nl'), en: await m.prerenderStart('en') };
    for (const [lng, r] of Object.entries(out)) {
      // React marks a part it could not render on the server ("<!--$!-->") and renders it again in
      // the browser: the prerendered page would then differ from the app's first render.
      if (r.html.includes('<!--$!-->') || !r.html.includes('href="#/new"'))
        throw new Error(
          `prerender (${lng}): the start screen did not render completely:\n${r.html}`,
        );
    }
    return out;
  } finally {
    await server.close();
  }
}
