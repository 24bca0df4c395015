/**
 * Log-odds ratio with an informative Dirichlet prior, "Fightin' Words" (Monroe, Colaresi
 * & Quinn 2008, Political Analysis 16(4), eq. 16 and 18-20): for a word w with counts
 * y_i (this article) and y_j (the others), prior α_w and α_0 = Σ α_w,
 *   δ_w = log((y_i+α_w)/(n_i+α_0−y_i−α_w)) − log((y_j+α_w)/(n_j+α_0−y_j−α_w))
 *   σ²(δ_w) ≈ 1/(y_i+α_w) + 1/(y_j+α_w),   z = δ_w / σ.
 */
export interface LogOddsInput {
  /** Counts of each key in the focus article. */
  focus: Map<string, number>;
  /** Counts of each key in the comparison set (the other articles). */
  rest: Map<string, number>;
  /** Prior pseudo-counts α_w (already scaled). */
  prior: (key: string) => number;
  /** α_0, the sum of the prior over the vocabulary. */
  alpha0: number;
}

export interface LogOddsScore {
  key: string;
  delta: number;
  z: number;
}

export function logOddsZ({ focus, rest, prior, alpha0 }: LogOddsInput): LogOddsScore[] {
  const ni = sum(focus);
  const nj = sum(rest);
  const keys = new Set([...focus.keys(), ...rest.keys()]);
  const out: LogOddsScore[] = [];
  for (const key of keys) {
    const yi = focus.get(key) ?? 0;
    const yj = rest.get(key) ?? 0;
    const a = prior(key);
    if (a <= 0) continue;
    const delta = Math.log((yi + a) / (ni + alpha0 - yi - a)) - Math.log((yj + a) / (nj + alpha0 - yj - a));
    const variance = 1 / (yi + a) + 1 / (yj + a);
    out.push({ key, delta, z: delta / Math.sqrt(variance) });
  }
  return out;
}

function sum(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}
