// How long the IKM takes for 1,000,000 responses: from rows, and from rollup sums.
// Run: npx tsx scripts/bench/ikm-bench.ts [responses] [rollups]
import {
  PERMENPAN_14_2017,
  collectStats,
  computeIkmFromRows,
  computeIkmFromSums,
  mergeStats,
  type IkmStats,
  type Score,
} from "../../lib/ikm";

const RESPONSES = Number(process.argv[2] ?? 1_000_000);
const ROLLUPS = Number(process.argv[3] ?? 10_000);
const REPEATS = 5;
const template = PERMENPAN_14_2017;
const codes = template.items.map((item) => item.code);

// Deterministic generator (mulberry32) so runs are comparable.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRows(n: number): Score[][] {
  const next = random(2017);
  const rows: Score[][] = new Array(n);
  for (let r = 0; r < n; r++) {
    const scores: Score[] = new Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const x = next();
      // ~2% blanks; otherwise skewed towards 3 and 4 as real surveys are
      scores[i] = x < 0.02 ? null : x < 0.07 ? 1 : x < 0.2 ? 2 : x < 0.62 ? 3 : 4;
    }
    rows[r] = scores;
  }
  return rows;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function report(label: string, runs: number[]): void {
  console.log(`${label.padEnd(58)} median ${median(runs).toFixed(1).padStart(8)} ms  (min ${Math.min(...runs).toFixed(1)}, max ${Math.max(...runs).toFixed(1)})`);
}

const generated = time(() => makeRows(RESPONSES));
const rows = generated.value;
const keyed = time(() => rows.map((scores) => Object.fromEntries(codes.map((code, i) => [code, scores[i]]))));
console.log(`Node ${process.version}; ${RESPONSES.toLocaleString("en")} responses x ${codes.length} unsur generated in ${generated.ms.toFixed(0)} ms (+${keyed.ms.toFixed(0)} ms as keyed objects)`);

// Rollups as a database would store them: e.g. one per unit x day.
const chunk = Math.ceil(RESPONSES / ROLLUPS);
const rollups: IkmStats[] = [];
for (let start = 0; start < RESPONSES; start += chunk) rollups.push(collectStats(rows.slice(start, start + chunk)));
const pooledOnce = mergeStats(rollups);

const fromArrays: number[] = [];
const fromKeyed: number[] = [];
const fromRollups: number[] = [];
const fromOneRollup: number[] = [];
let check = 0;
for (let i = 0; i < REPEATS; i++) {
  const a = time(() => computeIkmFromRows(rows));
  const b = time(() => computeIkmFromRows(keyed.value));
  const c = time(() => computeIkmFromSums(mergeStats(rollups)));
  const d = time(() => computeIkmFromSums(pooledOnce));
  fromArrays.push(a.ms);
  fromKeyed.push(b.ms);
  fromRollups.push(c.ms);
  fromOneRollup.push(d.ms);
  if (a.value.ikm !== b.value.ikm || a.value.ikm !== c.value.ikm || a.value.ikm !== d.value.ikm) {
    throw new Error("the paths disagree");
  }
  check = a.value.konversiRounded ?? 0;
}

report("rows (arrays in item order) -> result", fromArrays);
report("rows (objects keyed U1..U9) -> result", fromKeyed);
report(`${rollups.length.toLocaleString("en")} rollups -> mergeStats -> result`, fromRollups);
report("one pooled rollup -> result", fromOneRollup);
console.log(`konversi ${check} (all paths agree); ${REPEATS} runs each`);
