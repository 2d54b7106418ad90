/**
 * A newcomer runs `npm start`, reads what it prints, and later stops it by npm's process id. Vite
 * printed configuration warnings at start, and `kill <npm pid>` left the Vite server running on
 * its port (npm ends the shell under it, not Vite).
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { stripVTControlCharacters } from 'node:util';

const PORT = 5237;

/** True while something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

describe('npm start', () => {
  it('prints no configuration warnings, and stops when npm is stopped by its process id', async () => {
    const npm = spawn('npm', ['start', '--', '--port', String(PORT), '--strictPort'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`vite did not start: ${out}`)), 90_000);
        const look = (b: Buffer) => {
          out += b.toString();
          if (/ready in/.test(stripVTControlCharacters(out))) {
            clearTimeout(timer);
            resolve();
          }
        };
        npm.stdout!.on('data', look);
        npm.stderr!.on('data', look);
      });
      // Let a late warning arrive.
      await new Promise((r) => setTimeout(r, 1000));
      const text = stripVTControlCharacters(out);
      expect(text).not.toMatch(/\(!\)|warning|deprecated/i);
      expect(await listening(PORT)).toBe(true);

      // Stop npm only, by its process id, as a user would with `kill <pid>`.
      process.kill(npm.pid!, 'SIGTERM');
      let stillThere = true;
      for (let i = 0; i < 60 && stillThere; i++) {
        await new Promise((r) => setTimeout(r, 500));
        stillThere = await listening(PORT);
      }
      expect(stillThere).toBe(false);
    } finally {
      // Whatever is left of the group (nothing when the server stopped as it should).
      try {
        process.kill(-npm.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  });
});
