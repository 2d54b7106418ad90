import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskItem } from '../../core/assessment';
import type { Questionnaire } from '../../core/questionnaire';
import {
  cellLines,
  heatMap,
  RATINGS,
  riskNumbers,
  riskScores,
  type HeatCell,
} from '../../core/register';
import { LevelBadge } from '../components/LevelBadge';
import { domainLabel, levelLabel } from './labels';

const CELL = 64;
const LEFT = 64;
const TOP = 8;
const BOTTOM = 56;
const SIZE = { w: LEFT + 5 * CELL + 8, h: TOP + 5 * CELL + BOTTOM };

/** Pattern per level rank, so a band reads without colour: none, dots, lines, cross, dense cross. */
function Patterns({ prefix, count }: { prefix: string; count: number }) {
  const ranks = Array.from({ length: count }, (_, i) => i);
  return (
    <defs>
      {ranks.map((r) => {
        const kind = Math.min(r, 4);
        return (
          <pattern
            key={r}
            id={`${prefix}-p${r}`}
            width={kind === 4 ? 6 : 10}
            height={kind === 4 ? 6 : 10}
            patternUnits="userSpaceOnUse"
            className="heatmap__pattern"
          >
            {kind === 1 ? <circle cx="5" cy="5" r="1.3" /> : null}
            {kind === 2 ? <path d="M0 10 L10 0" /> : null}
            {kind >= 3 ? (
              <path d={kind === 4 ? 'M0 6 L6 0 M0 0 L6 6' : 'M0 10 L10 0 M0 0 L10 10'} />
            ) : null}
          </pattern>
        );
      })}
    </defs>
  );
}

function Grid({
  q,
  cells,
  which,
  title,
  numbers,
}: {
  q: Questionnaire;
  cells: HeatCell[][];
  which: 'inherent' | 'residual';
  title: string;
  numbers: Map<string, string>;
}) {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const prefix = `hm${useId().replace(/[^A-Za-z0-9_-]/g, '')}${which}`;
  const rank = (level: string | null) => q.levels.findIndex((l) => l.id === level);
  const filled = cells.flat().filter((c) => c[which].length > 0);
  const total = filled.reduce((n, c) => n + c[which].length, 0);
  const desc =
    total === 0
      ? t('heat.descEmpty')
      : [
          t('heat.descTotal', { count: total }),
          ...filled.map((c) =>
            t('heat.descCell', {
              l: c.likelihood,
              s: c.severity,
              p: c.product,
              level: levelLabel(q, c.level, lang),
              risks: c[which].map((id) => numbers.get(id)).join(', '),
              count: c[which].length,
            }),
          ),
        ].join(' ');
  return (
    <figure className="heatmap__figure">
      <figcaption className="heatmap__caption" aria-hidden="true">
        {title}
      </figcaption>
      <svg
        className="heatmap"
        viewBox={`0 0 ${SIZE.w} ${SIZE.h}`}
        role="img"
        aria-labelledby={`${prefix}-title ${prefix}-desc`}
      >
        <title id={`${prefix}-title`}>{title}</title>
        <desc id={`${prefix}-desc`}>{desc}</desc>
        <Patterns prefix={prefix} count={q.levels.length} />
        {RATINGS.map((l) =>
          RATINGS.map((s) => {
            const c = cells[l - 1]![s - 1]!;
            const x = LEFT + (s - 1) * CELL;
            const y = TOP + (5 - l) * CELL;
            const r = rank(c.level);
            const color = q.levels[r]?.color ?? '#888888';
            const n = c[which].length;
            return (
              <g key={`${l}-${s}`}>
                <rect
                  x={x}
                  y={y}
                  width={CELL}
                  height={CELL}
                  className="heatmap__band"
                  style={{ fill: color }}
                />
                {r > 0 ? (
                  <rect
                    x={x}
                    y={y}
                    width={CELL}
                    height={CELL}
                    fill={`url(#${prefix}-p${r})`}
                    className="heatmap__hatch"
                  />
                ) : null}
                <rect x={x} y={y} width={CELL} height={CELL} className="heatmap__cell" />
                <text x={x + 4} y={y + 13} className="heatmap__product">
                  {c.product}
                </text>
                {n > 0 ? (
                  <g className="heatmap__count">
                    <rect
                      x={x + 5}
                      y={y + 18}
                      width={CELL - 10}
                      height={cellLines(c[which], numbers).length * 15 + 4}
                      rx={3}
                    />
                    {cellLines(c[which], numbers).map((line, i) => (
                      <text key={i} x={x + CELL / 2} y={y + 31 + i * 15} textAnchor="middle">
                        {line}
                      </text>
                    ))}
                  </g>
                ) : null}
              </g>
            );
          }),
        )}
        {RATINGS.map((v) => (
          <g key={`axis-${v}`} className="heatmap__axis">
            <text x={LEFT - 10} y={TOP + (5 - v) * CELL + CELL / 2 + 5} textAnchor="end">
              {v}
            </text>
            <text x={LEFT + (v - 1) * CELL + CELL / 2} y={TOP + 5 * CELL + 20} textAnchor="middle">
              {v}
            </text>
          </g>
        ))}
        <text
          className="heatmap__axis-title"
          x={LEFT + (5 * CELL) / 2}
          y={TOP + 5 * CELL + 44}
          textAnchor="middle"
        >
          {t('heat.severityAxis')}
        </text>
        <text
          className="heatmap__axis-title"
          transform={`translate(18 ${TOP + (5 * CELL) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {t('heat.likelihoodAxis')}
        </text>
      </svg>
    </figure>
  );
}

/**
 * The 5 × 5 heat map of the register, before and after measures, drawn by the app as SVG. Readable
 * without colour: each band has its own pattern, the cell shows its product and the number of risks,
 * the legend names the patterns, and a table lists every risk with its ratings.
 */
export function HeatMaps({
  q,
  register,
  headingLevel = 2,
  id = 'heatmap',
}: {
  q: Questionnaire;
  register: readonly RiskItem[];
  headingLevel?: 2 | 3;
  id?: string;
}) {
  const { t } = useTranslation('register');
  const cells = heatMap(q, register);
  const numbers = riskNumbers(register);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const prefix = `hml${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  return (
    <section aria-labelledby={id} className="heatmaps">
      <H id={id}>{t('heat.title')}</H>
      <p className="hint">{t('heat.intro')}</p>
      <div className="heatmaps__pair">
        <Grid q={q} cells={cells} which="inherent" title={t('heat.before')} numbers={numbers} />
        <Grid q={q} cells={cells} which="residual" title={t('heat.after')} numbers={numbers} />
      </div>
      <div className="heatmap__legend">
        <p className="heatmap__legend-title">{t('heat.legend')}</p>
        <ul>
          {q.levels.map((l, r) => {
            const band = q.riskBands.filter((b) => b.level === l.id);
            return (
              <li key={l.id}>
                <svg width="28" height="20" aria-hidden="true" className="heatmap__swatch">
                  <Patterns prefix={`${prefix}-${r}`} count={q.levels.length} />
                  <rect
                    width="28"
                    height="20"
                    className="heatmap__band"
                    style={{ fill: l.color }}
                  />
                  {r > 0 ? (
                    <rect
                      width="28"
                      height="20"
                      fill={`url(#${prefix}-${r}-p${r})`}
                      className="heatmap__hatch"
                    />
                  ) : null}
                  <rect width="28" height="20" className="heatmap__cell" />
                </svg>
                <LevelBadge q={q} level={l.id} />{' '}
                {band.length
                  ? band.map((b) => t('heat.band', { min: b.min, max: b.max })).join(', ')
                  : null}
              </li>
            );
          })}
        </ul>
        <p className="hint">{t('heat.legendCells')}</p>
      </div>
      {register.length > 0 ? (
        <details className="heatmap__table">
          <summary>{t('heat.tableToggle')}</summary>
          <table className="data-table">
            <caption className="visually-hidden">{t('heat.tableCaption')}</caption>
            <thead>
              <tr>
                <RiskScoreHeads />
              </tr>
            </thead>
            <tbody>
              {register.map((r) => (
                <tr key={r.id}>
                  <RiskScoreCells q={q} risk={r} number={numbers.get(r.id) ?? ''} />
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}

/** The column heads of `RiskScoreCells`. */
export function RiskScoreHeads() {
  const { t } = useTranslation('register');
  return (
    <>
      <th scope="col">{t('heat.colRisk')}</th>
      <th scope="col">{t('heat.colDomain')}</th>
      <th scope="col">{t('heat.before')}</th>
      <th scope="col">{t('heat.after')}</th>
    </>
  );
}

/**
 * A risk's number and title (the row header), domain, and L × S = product with its level before
 * and after measures: the first cells of every table that lists the register (the heat map's
 * table view and the summary), so they say it the same way.
 */
export function RiskScoreCells({
  q,
  risk: r,
  number,
}: {
  q: Questionnaire;
  risk: RiskItem;
  number: string;
}) {
  const { t, i18n } = useTranslation('register');
  const { inherent, residual } = riskScores(q, r);
  return (
    <>
      <th scope="row">
        {number} {r.title}
      </th>
      <td data-label={t('heat.colDomain')}>{domainLabel(q, r.domain, i18n.language)}</td>
      <td data-label={t('heat.before')}>
        {t('heat.score', { l: r.likelihood, s: r.severity, p: inherent.product })}{' '}
        <LevelBadge q={q} level={inherent.level} />
      </td>
      <td data-label={t('heat.after')}>
        {t('heat.score', { l: r.residualLikelihood, s: r.residualSeverity, p: residual.product })}{' '}
        <LevelBadge q={q} level={residual.level} />
      </td>
    </>
  );
}
