import { existsSync } from 'node:fs';
import { browserPath, SINGLE_FILE } from './browser';

/** The e2e tests run over the built app: `npm test` builds first; fail clearly otherwise. */
export default function setup(): void {
  browserPath();
  if (!existsSync(SINGLE_FILE) || !existsSync('dist/index.html')) {
    throw new Error(
      'The app is not built. Run `npm run build` first (npm test does this for you).',
    );
  }
}
