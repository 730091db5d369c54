export type Mutu = "A" | "B" | "C" | "D";

/** Label of one answer option; `value` is the score it carries (option a = scale.min ...). */
export interface OptionLabel {
  readonly value: number;
  readonly id: string;
  readonly en: string;
}

export interface TemplateItem {
  /** Column / unsur code as printed in reports and tabulations: U1, U2, ... */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly question: string;
  readonly questionEn: string;
  /** One label per score, scale.min..scale.max in order. */
  readonly options: readonly OptionLabel[];
}

/**
 * One quality band on the konversi scale (25..100). Edges have two decimals and are both
 * inclusive; consecutive bands are exactly 0.01 apart, and values are classified after
 * rounding to two decimals, so every value lands in exactly one band.
 */
export interface MutuBand {
  readonly mutu: Mutu;
  /** Kinerja unit pelayanan, e.g. "Sangat Baik". */
  readonly kinerja: string;
  readonly kinerjaEn: string;
  readonly min: number;
  readonly max: number;
}

export interface IkmTemplate {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** Legal basis, when there is one. */
  readonly regulation?: string;
  /** Integer score range of every item (1..4 for both built-in templates). */
  readonly scale: { readonly min: number; readonly max: number };
  /** Items in questionnaire order; this order breaks ties in the ranking. */
  readonly items: readonly TemplateItem[];
  /** Bands in ascending order, covering 25.00..100.00. */
  readonly bands: readonly MutuBand[];
}

/** A score as entered: an integer within the template's scale, or null/undefined = unanswered. */
export type Score = number | null | undefined;

/**
 * One questionnaire: scores keyed by item code (other keys are ignored), or an array of scores
 * in the template's item order.
 */
export type ResponseRow = Readonly<Record<string, Score>> | readonly Score[];

/** Per-item rollup. All integers; sumSquares is optional and only feeds the item's stdDev. */
export interface ItemStats {
  readonly answered: number;
  readonly sum: number;
  readonly sumSquares?: number;
}

/**
 * What a rollup stores so the index can be computed without the rows, and pooled across
 * units or periods by plain addition (see mergeStats).
 *
 * indexSum / indexSumSquares are the sum and sum of squares of each respondent's own index
 * (the mean of the scores that respondent gave, on the item scale); they feed the confidence
 * interval and may be omitted, in which case no interval is given.
 */
export interface IkmStats {
  /** Questionnaires with at least one answered item. */
  readonly respondents: number;
  /** Keyed by item code. A missing code counts as zero answers. */
  readonly items: Readonly<Record<string, ItemStats>>;
  readonly indexSum?: number;
  readonly indexSumSquares?: number;
}

export interface IkmItemResult {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly answered: number;
  readonly sum: number;
  /** Nilai rata-rata: sum / answered; null when nobody answered the item. */
  readonly nrr: number | null;
  /** NRR x weight (NRR tertimbang), weight = 1 / number of items exactly. */
  readonly weightedNrr: number | null;
  /** 1 = weakest (first priority for improvement); ties go to the earlier item. */
  readonly rank: number | null;
  /** Sample standard deviation of the item's scores, when sumSquares was given and answered >= 2. */
  readonly stdDev: number | null;
}

export interface ConfidenceInterval {
  /** 0.95 */
  readonly level: number;
  /** Standard error of the konversi value. */
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  /** Whether a finite-population correction was applied (population given). */
  readonly finitePopulationCorrection: boolean;
}

export interface SampleAssessment {
  readonly population: number;
  /** Krejcie & Morgan minimum sample for that population. */
  readonly minimumSample: number;
  readonly respondents: number;
  /** respondents >= minimumSample; a result below it is still shown, marked as such. */
  readonly met: boolean;
}

export interface IkmResult {
  readonly templateId: string;
  readonly respondents: number;
  /** Exact 1 / number of items (never the printed 0.111 or 0.071). */
  readonly weight: number;
  /** In template order. */
  readonly items: readonly IkmItemResult[];
  /** Codes of items nobody answered; when non-empty the index cannot be computed. */
  readonly unansweredItems: readonly string[];
  /** False = "tidak dapat dihitung": ikm, konversi, mutu, kinerja are then null. */
  readonly computable: boolean;
  /** On the item scale (1..4 for the built-in templates). */
  readonly ikm: number | null;
  /** On 25..100; for 1..4 templates exactly ikm x 25. */
  readonly konversi: number | null;
  /**
   * konversi rounded half-up to two decimals from the exact fraction: the value to show and
   * the value mutu is classified on.
   */
  readonly konversiRounded: number | null;
  readonly mutu: Mutu | null;
  readonly kinerja: string | null;
  readonly kinerjaEn: string | null;
  /** Answered item codes, weakest first (unsur prioritas perbaikan). */
  readonly priorities: readonly string[];
  /** 95% interval for konversi; null with fewer than 2 respondents or without index sums. */
  readonly confidence: ConfidenceInterval | null;
  /** Present when a population was given. */
  readonly sample: SampleAssessment | null;
}

export interface ComputeOptions {
  /** A built-in template id or a template object; default permenpan-14-2017. */
  readonly template?: IkmTemplate | string;
  /** People served in the period: enables the sample check and the finite-population correction. */
  readonly population?: number;
}
