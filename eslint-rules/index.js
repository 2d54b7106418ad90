/**
 * This repository's own ESLint rules (no dependency): `local/no-cycle` refuses a module whose own
 * imports lead back to it. Reported once per file, at its first import on the cycle, with the
 * cycle spelled out. Dynamic `import()` counts (a lazy chunk that imports its loader back is still
 * a knot); type-only imports do not (they vanish at build time).
 */
import { relative, resolve } from 'node:path';
import { cycleThrough } from './import-graph.js';

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse import cycles between modules of this repository.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{cycle}}. Move what both need to a module of its own.' },
  },
  create(context) {
    const file = resolve(context.filename);
    return {
      Program(node) {
        const cycle = cycleThrough(file);
        if (!cycle) return;
        const cwd = context.cwd;
        context.report({
          node: node.body.find((n) => n.type === 'ImportDeclaration') ?? node,
          messageId: 'cycle',
          data: { cycle: cycle.map((f) => relative(cwd, f)).join(' → ') },
        });
      },
    };
  },
};

export default { meta: { name: 'local' }, rules: { 'no-cycle': noCycle } };
