import { z } from 'zod';

// zod 4 probes `new Function` for its JIT unless told not to; the app runs under a CSP without
// 'unsafe-eval', so the probe would be reported as a violation. Imported before any schema.
z.config({ jitless: true });

export { z };
