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
