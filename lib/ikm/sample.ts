import type { SampleAssessment } from "./types";

/** Krejcie & Morgan (1970) constants used by PermenPANRB 14/2017. */
export const KREJCIE_MORGAN = Object.freeze({ chiSquare: 3.841, proportion: 0.5, margin: 0.05 });

function assertPopulation(population: number): void {
  if (!Number.isSafeInteger(population) || population < 1) {
    throw new RangeError(`Populasi harus bilangan bulat positif (diterima: ${population})`);
  }
}

/**
 * Minimum number of respondents for a population (people served in the period):
 * S = X² N P(1-P) / (d² (N-1) + X² P(1-P)), rounded to the NEAREST respondent, which reproduces
 * the published table (100 -> 80, 1000 -> 278, 1000000 -> 384). Throws on a non-positive or
 * non-integer population.
 */
export function minimumSample(population: number): number {
  assertPopulation(population);
  const { chiSquare, proportion, margin } = KREJCIE_MORGAN;
  const pq = proportion * (1 - proportion);
  const s = (chiSquare * population * pq) / (margin * margin * (population - 1) + chiSquare * pq);
  return Math.min(population, Math.round(s));
}

/** Whether `respondents` reach the minimum sample for `population`. */
export function assessSample(respondents: number, population: number): SampleAssessment {
  const minimum = minimumSample(population);
  return { population, minimumSample: minimum, respondents, met: respondents >= minimum };
}

/**
 * The table Krejcie & Morgan (1970) published, population N -> sample S, as SKM reports quote it.
 * minimumSample reproduces every row (tested); the table is kept to print the row a population reads.
 */
export const KREJCIE_MORGAN_TABLE: readonly (readonly [population: number, sample: number])[] = Object.freeze(
  (
    [
      [10, 10], [15, 14], [20, 19], [25, 24], [30, 28], [35, 32], [40, 36], [45, 40], [50, 44], [55, 48],
      [60, 52], [65, 56], [70, 59], [75, 63], [80, 66], [85, 70], [90, 73], [95, 76], [100, 80], [110, 86],
      [120, 92], [130, 97], [140, 103], [150, 108], [160, 113], [170, 118], [180, 123], [190, 127], [200, 132], [210, 136],
      [220, 140], [230, 144], [240, 148], [250, 152], [260, 155], [270, 159], [280, 162], [290, 165], [300, 169], [320, 175],
      [340, 181], [360, 186], [380, 191], [400, 196], [420, 201], [440, 205], [460, 210], [480, 214], [500, 217], [550, 226],
      [600, 234], [650, 242], [700, 248], [750, 254], [800, 260], [850, 265], [900, 269], [950, 274], [1000, 278], [1100, 285],
      [1200, 291], [1300, 297], [1400, 302], [1500, 306], [1600, 310], [1700, 313], [1800, 317], [1900, 320], [2000, 322], [2200, 327],
      [2400, 331], [2600, 335], [2800, 338], [3000, 341], [3500, 346], [4000, 351], [4500, 354], [5000, 357], [6000, 361], [7000, 364],
      [8000, 367], [9000, 368], [10000, 370], [15000, 375], [20000, 377], [30000, 379], [40000, 380], [50000, 381], [75000, 382], [1000000, 384],
    ] as const
  ).map((r) => Object.freeze([r[0], r[1]] as const)),
);

/**
 * Where a population stands in the published table: the row it reads (the first N at or above
 * it, the last row beyond a million; the conservative reading) and its index in the table.
 */
export function krejcieMorganRow(population: number): { index: number; population: number; sample: number } {
  assertPopulation(population);
  const found = KREJCIE_MORGAN_TABLE.findIndex(([n]) => n >= population);
  const index = found === -1 ? KREJCIE_MORGAN_TABLE.length - 1 : found;
  const [n, s] = KREJCIE_MORGAN_TABLE[index]!;
  return { index, population: n, sample: s };
}
