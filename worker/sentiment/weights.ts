export interface SentimentWeights {
  /** Words a negator or an intensifier reaches forward. */
  readonly negationWindow: number;
  readonly scaleWindow: number;
  /** Tone before "но"/"but" counts less, tone after it more. */
  readonly beforeContrast: number;
  readonly afterContrast: number;
  /** Tone inside "хотя …"/"although …" counts less. */
  readonly concession: number;
  /** Questions and suggestions are neutral unless strongly worded. */
  readonly question: number;
  readonly request: number;
  /** Per "!" (up to three). */
  readonly exclaim: number;
  /** Reported speech in long quotes ("сказали «ждите»"). */
  readonly quoted: number;
  readonly thanks: number;
  /** "too X": at least this negative. */
  readonly excess: number;
  /** Tone in a clause about an old or other product ("my old kettle took ages"). */
  readonly former: number;
  /** "??": exasperation. */
  readonly rhetorical: number;
  /** "не очень." with nothing after it. */
  readonly notVery: number;
  /** Explicit "mixed feelings" verdict. */
  readonly mixed: number;
  /** Decision thresholds on the summed tone. */
  readonly positive: number;
  readonly negative: number;
  /** Sum that maps to a score of about ±0.76 (tanh 1). */
  readonly scoreScale: number;
}

export const DEFAULT_WEIGHTS: SentimentWeights = {
  negationWindow: 3,
  scaleWindow: 2,
  beforeContrast: 0.5,
  afterContrast: 1.2,
  concession: 0.5,
  question: 0.4,
  request: 0.35,
  exclaim: 0.15,
  quoted: 0.3,
  thanks: 1.5,
  excess: 1.2,
  former: 0.3,
  rhetorical: -1,
  notVery: -1.5,
  mixed: 0.2,
  positive: 0.8,
  negative: -0.8,
  scoreScale: 3,
};
