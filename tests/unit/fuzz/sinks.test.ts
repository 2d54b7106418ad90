/**
 * scripts/check-sinks.ts: finds every raw-HTML sink and string-to-code call a change could add,
 * ignores comments and harmless text, and holds src/ to its (empty) baseline.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { beyondBaseline, findSinks } from '../../../scripts/check-sinks';

const kinds = (text: string, file = 'x.tsx') => findSinks(file, text).map((f) => f.kind);

describe('check-sinks', () => {
  it('finds each sink, however it is written', () => {
    expect(kinds('el.innerHTML = x;')).toEqual(['innerHTML']);
    expect(kinds("el['outerHTML'] = x;")).toEqual(['outerHTML']);
    expect(kinds("el.insertAdjacentHTML('beforeend', x);")).toEqual(['insertAdjacentHTML']);
    expect(kinds('const a = <div dangerouslySetInnerHTML={{ __html: h }} />;')).toEqual([
      'dangerouslySetInnerHTML',
    ]);
    expect(kinds("document.write('<b>');")).toEqual(['document.write']);
    expect(kinds("window.document.writeln('<b>');")).toEqual(['document.writeln']);
    expect(kinds("eval('1');")).toEqual(['eval(']);
    expect(kinds("(0, eval)('1');")).toEqual(['eval(']);
    expect(kinds("new Function('return 1');")).toEqual(['new Function']);
    expect(kinds("Function('return 1')();")).toEqual(['new Function']);
    expect(kinds("setTimeout('alert(1)', 10);")).toEqual(['setTimeout(string)']);
    expect(kinds('iframe.srcdoc = x;')).toEqual(['srcdoc']);
  });

  it('ignores comments, ordinary text and safe look-alikes', () => {
    expect(kinds('// el.innerHTML = x; eval(1); new Function()\n/* document.write() */')).toEqual(
      [],
    );
    expect(kinds("const s = 'do not use innerHTML or eval( here';")).toEqual([]);
    expect(kinds('el.textContent = x; writer.write(chunk); setTimeout(() => go(), 1);')).toEqual(
      [],
    );
    expect(kinds('const evaluate = (c) => c; evaluate(1); medieval(2);')).toEqual([]);
  });

  it('allows exactly what the baseline lists, per file and kind', () => {
    const found = findSinks('a.ts', 'a.innerHTML = 1; b.innerHTML = 2;');
    expect(beyondBaseline(found, [])).toHaveLength(2);
    expect(
      beyondBaseline(found, [{ file: 'a.ts', kind: 'innerHTML', count: 1, reason: 'test' }]),
    ).toHaveLength(1);
    expect(
      beyondBaseline(found, [{ file: 'a.ts', kind: 'innerHTML', count: 2, reason: 'test' }]),
    ).toEqual([]);
  });

  it('the committed baseline is empty', () => {
    expect(JSON.parse(readFileSync('scripts/sinks-baseline.json', 'utf8'))).toEqual([]);
  });
});
