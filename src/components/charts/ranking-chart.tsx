// The ranking: each bid's weighted total out of 100 as a bar, split into
// what each criterion contributed (numbered, so the split does not rely on
// colour). Drawn on the narrow canvas (shapes.ts: CANVAS, TEXT) so its words
// read on a phone. Server-rendered SVG: no client JavaScript.
import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";
import type { ChartCriterion, RankingBar } from "./data";
import { CANVAS, ChartFigure, COLOURS, TEXT } from "./shapes";

// Distinct for common colour-vision differences and dark enough for white numbers.
const PALETTE = ["#005eb8", "#7c2855", "#006747", "#8a4b00", "#330072", "#00626b", "#a00054", "#425563", "#5b4100", "#00436b"];

const WIDTH = CANVAS;
const LEFT = 8;
const RIGHT = 56;
const LEGEND_LINE = 24;
const BAR = 26;
const LABEL = 20;

const fmt = (n: number) => n.toFixed(2);
const round = (n: number) => Math.round(n * 10) / 10;

export function RankingChart({ bars, criteria, id }: { bars: RankingBar[]; criteria: ChartCriterion[]; id: string }) {
  const legendHeight = criteria.length * LEGEND_LINE + 8;
  const top = legendHeight;
  const y = scaleBand<string>()
    .domain(bars.map((b) => b.bidId))
    .range([top, top + bars.length * (BAR + LABEL + 10)])
    .paddingInner(0);
  const height = top + bars.length * (BAR + LABEL + 10) + 28;
  const x = scaleLinear()
    .domain([0, 100])
    .range([LEFT, WIDTH - RIGHT]);
  const layers = stack<RankingBar, number>()
    .keys(criteria.map((_, i) => i))
    .value((bar, key) => bar.points[key] ?? 0)(bars);
  const description = bars
    .map(
      (b) =>
        `${b.rank !== null ? `Rank ${b.rank}: ` : ""}${b.label}, ${b.totalDisplay ?? "incomplete"} out of 100 (` +
        criteria.map((c, i) => `${c.name} ${fmt(b.points[i] ?? 0)}`).join(", ") +
        ").",
    )
    .join(" ");
  return (
    <ChartFigure
      id={id}
      width={WIDTH}
      height={height}
      title="Ranking: weighted totals out of 100, split by criterion"
      description={description}
    >
      <g aria-hidden="true" fontSize={TEXT} fill={COLOURS.score}>
        {criteria.map((c, i) => (
          <g key={c.id} transform={`translate(${LEFT},${6 + i * LEGEND_LINE})`}>
            <rect width={20} height={20} fill={PALETTE[i % PALETTE.length]} />
            <text x={10} y={15.5} textAnchor="middle" fontWeight={700} fill="#fff">
              {i + 1}
            </text>
            <text x={26} y={15.5}>
              {c.name.length > 20 ? `${c.name.slice(0, 19)}…` : c.name} ({c.weight}%)
            </text>
          </g>
        ))}
      </g>
      <g aria-hidden="true">
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={top} y2={height - 24} stroke={COLOURS.grid} />
            <text x={x(t)} y={height - 8} textAnchor={t === 0 ? "start" : "middle"} fontSize={TEXT} fill={COLOURS.muted}>
              {t}
            </text>
          </g>
        ))}
      </g>
      {bars.map((b, j) => {
        const y0 = y(b.bidId)!;
        // Shared attributes sit on the groups and coordinates are rounded: a 50-bid chart draws 500 segments.
        const segments = layers.flatMap((layer, i) => {
          const [from, to] = layer[j]!;
          const w = x(to) - x(from);
          return w > 0 ? [{ i, x: round(x(from)), w: round(w), points: to - from }] : [];
        });
        return (
          <g key={b.bidId} data-bid={b.bidId} fontWeight={700}>
            <text x={LEFT} y={y0 + 15} fontSize={TEXT} fill={COLOURS.score}>
              {b.rank !== null ? `${b.rank}. ` : ""}
              {b.label.length > 27 ? `${b.label.slice(0, 26)}…` : b.label}
            </text>
            <g stroke="#fff">
              {segments.map((s) => (
                <rect key={s.i} x={s.x} y={y0 + LABEL} width={s.w} height={BAR} fill={PALETTE[s.i % PALETTE.length]}>
                  <title>{`${criteria[s.i]!.name}: ${fmt(s.points)} points`}</title>
                </rect>
              ))}
            </g>
            <g aria-hidden="true" textAnchor="middle" fontSize={TEXT} fill="#fff">
              {segments
                .filter((s) => s.w >= 18)
                .map((s) => (
                  <text key={s.i} x={round(s.x + s.w / 2)} y={y0 + LABEL + 18}>
                    {s.i + 1}
                  </text>
                ))}
            </g>
            <text x={WIDTH - 2} y={y0 + LABEL + 19} textAnchor="end" fontSize={TEXT} fill={COLOURS.score}>
              {b.totalDisplay ?? "–"}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
