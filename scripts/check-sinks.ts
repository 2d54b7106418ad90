/**
 * Fails when src/ gains a raw-HTML sink or a string-to-code call beyond the committed baseline
 * (scripts/sinks-baseline.json, which is empty and should stay so). A second line of defence next to
 * ESLint's no-restricted-syntax rules: it reads the TypeScript syntax tree (so comments do not count
 * and `el['innerHTML']` does), and an `eslint-disable` comment does not silence it.
 *
 *   tsx scripts/check-sinks.ts            check (exit 1 on anything new)
 *   tsx scripts/check-sinks.ts --list     print every finding, baseline or not
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Names whose mere use writes HTML that the browser parses (or code it runs). */
const HTML_SINK_NAMES = new Set([
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'dangerouslySetInnerHTML',
  'srcdoc',
  'createContextualFragment',
  'setHTMLUnsafe',
  'parseHTMLUnsafe',
]);

export interface Finding {
  file: string;
  line: number;
  kind: string;
}

function calleeName(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isParenthesizedExpression(e)) return calleeName(e.expression);
  // `(0, eval)(…)`: the last expression of a comma list.
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.CommaToken)
    return calleeName(e.right);
  return null;
}

/** Every sink in one source text. */
export function findSinks(fileName: string, text: string): Finding[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const out: Finding[] = [];
  const add = (node: ts.Node, what: string) =>
    out.push({
      file: fileName,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      kind: what,
    });
  const visit = (node: ts.Node): void => {
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && HTML_SINK_NAMES.has(node.text)) {
      add(node, node.text);
    } else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      HTML_SINK_NAMES.has(node.text) &&
      // `import x from 'innerHTML'` is not a sink; `el['innerHTML']` and `{ ['innerHTML']: … }` are.
      !ts.isImportDeclaration(node.parent)
    ) {
      add(node, node.text);
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      if (name === 'eval') add(node, 'eval(');
      if (name === 'Function') add(node, 'new Function');
      if (
        (name === 'write' || name === 'writeln') &&
        ts.isPropertyAccessExpression(node.expression) &&
        /(^|\.)document$/.test(node.expression.expression.getText(sf))
      )
        add(node, `document.${name}`);
      if (
        (name === 'setTimeout' || name === 'setInterval') &&
        node.arguments?.[0] &&
        (ts.isStringLiteralLike(node.arguments[0]) || ts.isTemplateExpression(node.arguments[0]))
      )
        add(node, `${name}(string)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts|cts|js|jsx|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export interface BaselineEntry {
  file: string;
  kind: string;
  /** How many of this kind the file may have. */
  count: number;
  /** Why it is acceptable. */
  reason: string;
}

/** Findings beyond the baseline, counted per file and kind (so unrelated edits that move lines do not matter). */
export function beyondBaseline(findings: Finding[], baseline: BaselineEntry[]): Finding[] {
  const allowed = new Map(baseline.map((b) => [`${b.file}\0${b.kind}`, b.count]));
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.file}\0${f.kind}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > (allowed.get(key) ?? 0)) out.push(f);
  }
  return out;
}

function main(): void {
  const root = process.cwd();
  const findings = sourceFiles(join(root, 'src')).flatMap((p) =>
    findSinks(relative(root, p).split('\\').join('/'), readFileSync(p, 'utf8')),
  );
  const baseline = JSON.parse(
    readFileSync(join(root, 'scripts/sinks-baseline.json'), 'utf8'),
  ) as BaselineEntry[];
  if (process.argv.includes('--list')) {
    for (const f of findings) console.log(`${f.file}:${f.line}  ${f.kind}`);
    console.log(`${findings.length} finding(s); baseline allows ${baseline.length} entr(y/ies)`);
    return;
  }
  const fresh = beyondBaseline(findings, baseline);
  if (fresh.length) {
    console.error(
      'check-sinks: raw-HTML sink or string-to-code call in src/ (not in the baseline):',
    );
    for (const f of fresh) console.error(`  ${f.file}:${f.line}  ${f.kind}`);
    console.error(
      'Render text instead (React escapes it), or build elements with createElement/textContent.\n' +
        'The app runs under Trusted Types: these calls would be refused in the browser anyway.',
    );
    process.exit(1);
  }
  console.log(`check-sinks: no raw-HTML sinks or eval in src/ (${findings.length} in baseline)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
