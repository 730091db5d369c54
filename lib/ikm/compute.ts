import { bandForHundredths, toKonversi, toKonversiFraction } from "./classify";
import {
  addFractions,
  compareFractions,
  fraction,
  fractionToNumber,
  roundFractionScaled,
  type Fraction,
} from "./decimal";
import { assessSample } from "./sample";
import { resolveTemplate } from "./templates";
import type {
  ComputeOptions,
  ConfidenceInterval,
  IkmItemResult,
  IkmResult,
  IkmStats,
  IkmTemplate,
  ItemStats,
  ResponseRow,
  Score,
} from "./types";

/** Two-sided 95% normal quantile. */
export const Z_95 = 1.959963984540054;

/** Bad input to the computation (a score outside the scale, inconsistent sums...). */
export class IkmInputError extends RangeError {
  /** 0-based index of the offending row, when the input was rows. */
  readonly rowIndex: number | undefined;
  /** Item code concerned, when there is one. */
  readonly itemCode: string | undefined;

  constructor(message: string, details: { rowIndex?: number; itemCode?: string } = {}) {
    super(message);
    this.name = "IkmInputError";
    this.rowIndex = details.rowIndex;
    this.itemCode = details.itemCode;
  }
}

export interface IkmAccumulator {
  /** Add one questionnaire. Throws IkmInputError on a score that is not an integer in the scale. */
  add(row: ResponseRow): void;
  /** The rollup so far (a fresh object; the accumulator can keep going). */
  stats(): IkmStats;
}

/**
 * Streaming accumulator: feed rows one by one (e.g. from a database cursor or a file) and read
 * the rollup. A row in which no item is answered is not a respondent and contributes nothing.
 */
export function createIkmAccumulator(template?: IkmTemplate | string): IkmAccumulator {
  const t = resolveTemplate(template);
  const codes = t.items.map((item) => item.code);
  const k = codes.length;
  const { min, max } = t.scale;
  const answered = new Array<number>(k).fill(0);
  const sums = new Array<number>(k).fill(0);
  const sumSquares = new Array<number>(k).fill(0);
  let respondents = 0;
  let indexSum = 0;
  let indexSumSquares = 0;
  let rowIndex = 0;

  function add(row: ResponseRow): void {
    const isArray = Array.isArray(row);
    let rowSum = 0;
    let rowAnswered = 0;
    for (let i = 0; i < k; i++) {
      const code = codes[i] as string;
      const score: Score = isArray
        ? (row as readonly Score[])[i]
        : (row as Readonly<Record<string, Score>>)[code];
      if (score === null || score === undefined) continue;
      if (typeof score !== "number" || !Number.isInteger(score) || score < min || score > max) {
        throw new IkmInputError(
          `Baris ${rowIndex + 1}, unsur ${code}: skor ${JSON.stringify(score)} bukan bilangan bulat ${min}–${max}`,
          { rowIndex, itemCode: code },
        );
      }
      answered[i]! += 1;
      sums[i]! += score;
      sumSquares[i]! += score * score;
      rowSum += score;
      rowAnswered += 1;
    }
    rowIndex += 1;
    if (rowAnswered > 0) {
      const index = rowSum / rowAnswered;
      respondents += 1;
      indexSum += index;
      indexSumSquares += index * index;
    }
  }

  function stats(): IkmStats {
    const items: Record<string, ItemStats> = {};
    codes.forEach((code, i) => {
      items[code] = { answered: answered[i]!, sum: sums[i]!, sumSquares: sumSquares[i]! };
    });
    return { respondents, items, indexSum, indexSumSquares };
  }

  return { add, stats };
}

/** Rollup of a set of rows (what a database aggregate would store). */
export function collectStats(rows: Iterable<ResponseRow>, template?: IkmTemplate | string): IkmStats {
  const accumulator = createIkmAccumulator(template);
  for (const row of rows) accumulator.add(row);
  return accumulator.stats();
}

/**
 * Pool rollups, e.g. units into their parent or months into a quarter: the parent's index is
 * computed from the pooled responses (sums and counts added up), NOT as the mean of the
 * children's indexes, so a unit with 500 respondents weighs more than one with 20.
 * Index sums (for the confidence interval) are kept only if every input has them; item
 * sumSquares likewise per item.
 */
export function mergeStats(list: readonly IkmStats[]): IkmStats {
  let respondents = 0;
  let indexSum: number | undefined = 0;
  let indexSumSquares: number | undefined = 0;
  const items: Record<string, { answered: number; sum: number; sumSquares: number | undefined }> = {};
  for (const stats of list) {
    respondents += stats.respondents;
    if (stats.indexSum === undefined || stats.indexSumSquares === undefined) {
      indexSum = undefined;
      indexSumSquares = undefined;
    } else if (indexSum !== undefined && indexSumSquares !== undefined) {
      indexSum += stats.indexSum;
      indexSumSquares += stats.indexSumSquares;
    }
    for (const [code, item] of Object.entries(stats.items)) {
      const target = (items[code] ??= { answered: 0, sum: 0, sumSquares: 0 });
      target.answered += item.answered;
      target.sum += item.sum;
      // No answers means a known zero sum of squares even when the input left it out.
      const squares = item.sumSquares ?? (item.answered === 0 ? 0 : undefined);
      target.sumSquares =
        target.sumSquares === undefined || squares === undefined ? undefined : target.sumSquares + squares;
    }
  }
  const out: Record<string, ItemStats> = {};
  for (const [code, item] of Object.entries(items)) {
    out[code] =
      item.sumSquares === undefined
        ? { answered: item.answered, sum: item.sum }
        : { answered: item.answered, sum: item.sum, sumSquares: item.sumSquares };
  }
  return indexSum === undefined || indexSumSquares === undefined
    ? { respondents, items: out }
    : { respondents, items: out, indexSum, indexSumSquares };
}

/** Alias of mergeStats, under the name used by the rollup code. */
export const poolItemStats = mergeStats;

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function validateStats(stats: IkmStats, template: IkmTemplate): void {
  const { min, max } = template.scale;
  if (!isNonNegativeInteger(stats.respondents)) {
    throw new IkmInputError(`Jumlah responden tidak sah: ${stats.respondents}`);
  }
  for (const { code } of template.items) {
    const item = stats.items[code];
    if (!item) continue;
    const { answered, sum, sumSquares } = item;
    if (!isNonNegativeInteger(answered) || answered > stats.respondents) {
      throw new IkmInputError(
        `Unsur ${code}: jumlah jawaban ${answered} tidak sah (responden ${stats.respondents})`,
        { itemCode: code },
      );
    }
    if (!isNonNegativeInteger(sum) || sum < min * answered || sum > max * answered) {
      throw new IkmInputError(
        `Unsur ${code}: jumlah skor ${sum} tidak mungkin untuk ${answered} jawaban bernilai ${min}–${max}`,
        { itemCode: code },
      );
    }
    if (
      sumSquares !== undefined &&
      (!isNonNegativeInteger(sumSquares) || sumSquares < min * min * answered || sumSquares > max * max * answered)
    ) {
      throw new IkmInputError(`Unsur ${code}: jumlah kuadrat skor ${sumSquares} tidak sah`, {
        itemCode: code,
      });
    }
  }
  const { indexSum, indexSumSquares } = stats;
  if ((indexSum === undefined) !== (indexSumSquares === undefined)) {
    throw new IkmInputError("indexSum dan indexSumSquares harus diberikan bersama");
  }
  if (indexSum !== undefined && indexSumSquares !== undefined) {
    const n = stats.respondents;
    const slack = 1e-9 * Math.max(1, n) * max * max;
    if (
      !Number.isFinite(indexSum) ||
      !Number.isFinite(indexSumSquares) ||
      indexSum < min * n - slack ||
      indexSum > max * n + slack ||
      indexSumSquares < min * min * n - slack ||
      indexSumSquares > max * max * n + slack
    ) {
      throw new IkmInputError("indexSum/indexSumSquares tidak cocok dengan jumlah responden dan skala");
    }
  }
}

/**
 * 95% confidence interval for konversi.
 *
 * Method: each respondent's own index y = mean of the scores they gave. With complete
 * questionnaires the IKM is exactly the mean of the y's, so its standard error is the usual
 * sd(y) / sqrt(n), times 75 / (max - min) on the konversi scale (x25 for 1..4). With blanks the
 * IKM weights answers per item rather than per respondent and this SE is an approximation
 * (good while blanks are few). It needs only n, Σy and Σy², which add up across units and
 * periods, so rollups can carry it. When a population N >= n is given, the finite-population
 * correction sqrt((N - n) / (N - 1)) is applied (a census has no sampling error). Normal
 * approximation, z = 1.96; bounds are clipped to 25..100. Null with fewer than 2 respondents
 * or without index sums.
 */
function confidenceInterval(
  stats: IkmStats,
  template: IkmTemplate,
  konversi: number | null,
  population: number | undefined,
): ConfidenceInterval | null {
  const n = stats.respondents;
  const { indexSum, indexSumSquares } = stats;
  if (konversi === null || indexSum === undefined || indexSumSquares === undefined || n < 2) return null;
  const variance = Math.max(0, (indexSumSquares - (indexSum * indexSum) / n) / (n - 1));
  const applyFpc = population !== undefined && population >= n;
  const fpc = applyFpc ? Math.sqrt((population - n) / (population - 1)) : 1;
  const scale = 75 / (template.scale.max - template.scale.min);
  const standardError = scale * Math.sqrt(variance / n) * fpc;
  return {
    level: 0.95,
    standardError,
    lower: Math.max(25, konversi - Z_95 * standardError),
    upper: Math.min(100, konversi + Z_95 * standardError),
    finitePopulationCorrection: applyFpc,
  };
}

/**
 * The index from a rollup (per-item answered counts and sums).
 *
 * - NRR per item = sum / answered; unanswered items were never counted.
 * - IKM = Σ NRR / k (weight exactly 1/k), held as an exact fraction: konversi is rounded to two
 *   decimals from that fraction and mutu is classified on the rounded value.
 * - An item nobody answered has NRR null, and then the IKM is null ("tidak dapat dihitung"):
 *   the regulation weighs every unsur 1/k, so silently re-weighting over the rest would publish
 *   an index the regulation does not define.
 * - Ranks: weakest NRR first, ties to the earlier item in the template.
 */
export function computeIkmFromSums(stats: IkmStats, options: ComputeOptions = {}): IkmResult {
  const template = resolveTemplate(options.template);
  validateStats(stats, template);
  const k = template.items.length;

  const fractions: (Fraction | null)[] = template.items.map(({ code }) => {
    const item = stats.items[code];
    return item && item.answered > 0 ? fraction(BigInt(item.sum), BigInt(item.answered)) : null;
  });

  const order = template.items
    .map((_, index) => index)
    .filter((index) => fractions[index] !== null)
    .sort((a, b) => compareFractions(fractions[a]!, fractions[b]!) || a - b);
  const rankOf = new Map(order.map((index, position) => [index, position + 1]));

  const items: IkmItemResult[] = template.items.map(({ code, name, nameEn }, index) => {
    const item = stats.items[code];
    const answered = item?.answered ?? 0;
    const sum = item?.sum ?? 0;
    const nrr = answered > 0 ? sum / answered : null;
    let stdDev: number | null = null;
    if (item?.sumSquares !== undefined && answered >= 2) {
      stdDev = Math.sqrt(Math.max(0, (item.sumSquares - (sum * sum) / answered) / (answered - 1)));
    }
    return {
      code,
      name,
      nameEn,
      answered,
      sum,
      nrr,
      weightedNrr: nrr === null ? null : nrr / k,
      rank: rankOf.get(index) ?? null,
      stdDev,
    };
  });

  const unansweredItems = items.filter((item) => item.answered === 0).map((item) => item.code);
  const computable = unansweredItems.length === 0;

  let ikm: number | null = null;
  let konversi: number | null = null;
  let konversiRounded: number | null = null;
  let band = null;
  if (computable) {
    let total = fraction(0n);
    for (const f of fractions) total = addFractions(total, f!);
    const ikmFraction = fraction(total.num, total.den * BigInt(k));
    ikm = fractionToNumber(ikmFraction);
    konversi = toKonversi(ikm, template);
    const hundredths = roundFractionScaled(toKonversiFraction(ikmFraction, template), 2);
    konversiRounded = Number(hundredths) / 100;
    band = bandForHundredths(hundredths, template);
  }

  return {
    templateId: template.id,
    respondents: stats.respondents,
    weight: 1 / k,
    items,
    unansweredItems,
    computable,
    ikm,
    konversi,
    konversiRounded,
    mutu: band?.mutu ?? null,
    kinerja: band?.kinerja ?? null,
    kinerjaEn: band?.kinerjaEn ?? null,
    priorities: order.map((index) => template.items[index]!.code),
    confidence: confidenceInterval(stats, template, konversi, options.population),
    sample: options.population === undefined ? null : assessSample(stats.respondents, options.population),
  };
}

/** The index from raw questionnaires (scores keyed by item code, or arrays in item order). */
export function computeIkmFromRows(rows: Iterable<ResponseRow>, options: ComputeOptions = {}): IkmResult {
  return computeIkmFromSums(collectStats(rows, options.template), options);
}

/** computeIkmFromRows for an array of rows, computeIkmFromSums for a rollup. */
export function computeIkm(input: readonly ResponseRow[] | IkmStats, options: ComputeOptions = {}): IkmResult {
  return Array.isArray(input)
    ? computeIkmFromRows(input as readonly ResponseRow[], options)
    : computeIkmFromSums(input as IkmStats, options);
}
