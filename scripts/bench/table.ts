/** The benchmark's table, as Markdown (pasted into docs/performance.md as it is). */
export interface Row {
  group: string;
  name: string;
  target: string;
  value: string;
  /** Meets the target (undefined: nothing to meet). */
  ok?: boolean;
}

export function renderTable(rows: readonly Row[]): string {
  const out = ['| | Figure | Target | Measured (median, min–max) | |', '|---|---|---|---|---|'];
  let group = '';
  for (const r of rows) {
    const mark = r.ok === undefined ? '' : r.ok ? 'meets' : '**misses**';
    out.push(
      `| ${r.group === group ? '' : r.group} | ${r.name} | ${r.target} | ${r.value} | ${mark} |`,
    );
    group = r.group;
  }
  return out.join('\n');
}
