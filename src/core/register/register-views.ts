/**
 * Views of the register that the screens and the report share: each domain's register level, the
 * risk numbers (R1, R2, …), risks grouped by domain and the 5 × 5 heat map.
 */
import type { RiskItem } from '../assessment/assessment-schema';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { bandLevel, riskProducts } from '../scoring/scoring';
import { RATINGS, type Rating } from './register';

/** The risk that sets a domain's register level, and that level (docs/scoring.md §7). */
export interface RegisterLevel {
  level: string | null;
  riskId: string;
  product: number;
}

/**
 * `registerLevel(d)`: the band of the highest residual product among the domain's risks; the first
 * such risk in register order names it. Null when the domain has no risks.
 */
export function registerLevel(
  q: Questionnaire,
  register: readonly RiskItem[],
  domain: string,
): RegisterLevel | null {
  let best: RegisterLevel | null = null;
  for (const r of register) {
    if (r.domain !== domain) continue;
    const { residual } = riskProducts(r);
    if (!best || residual > best.product) {
      best = { level: bandLevel(q, residual), riskId: r.id, product: residual };
    }
  }
  return best;
}

export { riskNumbers, riskNumberValues } from './risk-numbers';

/** Risks grouped by domain in questionnaire order; risks of unknown domains come last. */
export function risksByDomain(
  q: Questionnaire,
  register: readonly RiskItem[],
): { domain: string; risks: RiskItem[] }[] {
  const groups = q.domains.map((d) => ({
    domain: d.id,
    risks: register.filter((r) => r.domain === d.id),
  }));
  const known = new Set(q.domains.map((d) => d.id));
  const unknown = [...new Set(register.filter((r) => !known.has(r.domain)).map((r) => r.domain))];
  return [
    ...groups,
    ...unknown.map((domain) => ({ domain, risks: register.filter((r) => r.domain === domain) })),
  ];
}

/** One cell of the 5 × 5 heat map. */
export interface HeatCell {
  likelihood: Rating;
  severity: Rating;
  product: number;
  /** The level band the product falls in. */
  level: string | null;
  /** Ids of the risks in this cell before measures, in register order. */
  inherent: string[];
  /** Ids of the risks in this cell after measures. */
  residual: string[];
}

/** The heat map: cells[likelihood − 1][severity − 1]. */
export function heatMap(q: Questionnaire, register: readonly RiskItem[]): HeatCell[][] {
  const cells: HeatCell[][] = RATINGS.map((l) =>
    RATINGS.map((s) => ({
      likelihood: l,
      severity: s,
      product: l * s,
      level: bandLevel(q, l * s),
      inherent: [],
      residual: [],
    })),
  );
  for (const r of register) {
    cells[r.likelihood - 1]?.[r.severity - 1]?.inherent.push(r.id);
    cells[r.residualLikelihood - 1]?.[r.residualSeverity - 1]?.residual.push(r.id);
  }
  return cells;
}

/** A risk's inherent (L × S) and residual (L′ × S′) product, each with its band's level. */
export interface RiskScores {
  inherent: { product: number; level: string | null };
  residual: { product: number; level: string | null };
}

/** The products and band levels of a risk, as the register screens, the CLI and the report show them. */
export function riskScores(q: Questionnaire, risk: RiskItem): RiskScores {
  const { inherent, residual } = riskProducts(risk);
  return {
    inherent: { product: inherent, level: bandLevel(q, inherent) },
    residual: { product: residual, level: bandLevel(q, residual) },
  };
}

/**
 * The risks of a cell as at most two lines of numbers ("R1 R2", "R3 R4"); with more, the second
 * line says how many more (the table beside the map lists them all; the app and the PDF draw the same).
 */
export function cellLines(ids: readonly string[], numbers: ReadonlyMap<string, string>): string[] {
  const labels = ids.map((id) => numbers.get(id) ?? '?');
  if (labels.length <= 4) {
    const out = [labels.slice(0, 2).join(' ')];
    if (labels.length > 2) out.push(labels.slice(2).join(' '));
    return out;
  }
  return [labels.slice(0, 2).join(' '), `+${labels.length - 2}`];
}
