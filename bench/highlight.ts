/**
 * highlightAreas on 50,000 problem cells: the linear version (src/hosts/excel/host.ts) beside the
 * quadratic one it replaced (copied below as it was at b83b0a4), as CPU time and their ratio.
 *   npx tsx bench/highlight.ts
 */
import { highlightAreas } from '../src/hosts/excel/host';
import { address, parseRange } from '../src/workbook/snapshot';

/** The version before issue 22: a fresh array per cell pushed, a Set and sort per column. */
export function oldHighlightAreas(cells: string[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const a1 of cells) {
    const { r0, c0, r1, c1 } = parseRange(a1);
    for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) byCol.set(c, [...(byCol.get(c) ?? []), r]);
  }
  const areas: string[] = [];
  for (const [c, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      const end = sorted[i - 1];
      areas.push(start === end ? address(start, c) : `${address(start, c)}:${address(end, c)}`);
      start = sorted[i];
    }
  }
  const out: string[] = [];
  let cur = '';
  for (const a of areas) {
    if (cur !== '' && cur.length + 1 + a.length > 8000) {
      out.push(cur);
      cur = '';
    }
    cur = cur === '' ? a : `${cur},${a}`;
  }
  if (cur !== '') out.push(cur);
  return out;
}

function cpuMs(f: () => unknown): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/** 50,000 problem cells in one column (every other row, so no two join) */
export function benchHighlight(count = 50_000): { cells: number; newMs: number; oldMs: number; ratio: number } {
  const cells = Array.from({ length: count }, (_, i) => `F${3 + 2 * i}`);
  const newMs = Math.min(cpuMs(() => highlightAreas(cells)), cpuMs(() => highlightAreas(cells)), cpuMs(() => highlightAreas(cells)));
  const oldMs = cpuMs(() => oldHighlightAreas(cells));
  return { cells: count, newMs, oldMs, ratio: oldMs / newMs };
}

if (process.argv[1] && /bench[\\/]highlight\.ts$/.test(process.argv[1])) {
  const r = benchHighlight();
  console.log(`${r.cells} cells: ${r.newMs.toFixed(1)} ms CPU (linear), ${(r.oldMs / 1000).toFixed(1)} s CPU (before), ${Math.round(r.ratio)}x`);
}
