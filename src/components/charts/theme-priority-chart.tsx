// The themes' priority after ranking: each theme's mean points (equal votes) as a bar, with each group's mean marked
// on it — commissioners as circles, young commissioners as triangles — so a difference between the groups shows.
// Drawn on the narrow canvas (shapes.ts: CANVAS, TEXT) so its words read on a phone. Server-rendered SVG.
import { scaleLinear } from "d3-scale";
import { CANVAS, ChartFigure, COLOURS, Marker, SHAPES, TEXT, wrapText } from "./shapes";

export interface ThemePriorityBar {
  themeId: string;
  title: string;
  place: number;
  points: string;
  pointsValue: number;
  youngCommissioners: string;
  youngValue: number | null;
  commissioners: string;
  commissionersValue: number | null;
  highPriority: boolean;
}

const LINE = 20;
const BAR = 22;
const GAP = 14;
const CHARS = 26;
const LEFT = 8;
const RIGHT = 48;

export function describeThemeBar(bar: ThemePriorityBar, max: number): string {
  return (
    `Place ${bar.place}: ${bar.title}, ${bar.points} points of ${max}` +
    ` (young commissioners ${bar.youngCommissioners}, commissioners ${bar.commissioners})` +
    `${bar.highPriority ? ", high priority" : ""}.`
  );
}

export function ThemePriorityChart({ bars, max, id }: { bars: ThemePriorityBar[]; max: number; id: string }) {
  const legend = [
    { d: SHAPES.commissioner, fill: COLOURS.commissioner, text: "Commissioners" },
    { d: SHAPES.technician, fill: COLOURS.technician, text: "Young commissioners" },
  ];
  const legendHeight = legend.length * LINE + 10;
  const x = scaleLinear()
    .domain([0, Math.max(max, 1)])
    .range([LEFT, CANVAS - RIGHT]);
  const rows = bars.map((bar) => ({ bar, lines: wrapText(`${bar.place}. ${bar.title}${bar.highPriority ? " ★" : ""}`, CHARS) }));
  const heights = rows.map((r) => r.lines.length * LINE + BAR + GAP);
  const tops = heights.map((_, i) => legendHeight + heights.slice(0, i).reduce((a, b) => a + b, 0));
  const bottom = legendHeight + heights.reduce((a, b) => a + b, 0);
  return (
    <ChartFigure
      id={id}
      width={CANVAS}
      height={bottom + 28}
      title={`The themes in order of priority: points from 0 to ${max}, every person's ranking counting the same`}
      description={bars.map((b) => describeThemeBar(b, max)).join(" ")}
      caption={`Bars: each theme's points (a theme put first by everyone would have ${max}). Circle: commissioners' points. Triangle: young commissioners' points. ★ High priority (top 3).`}
    >
      <g aria-hidden="true" fontSize={TEXT} fill={COLOURS.score}>
        {legend.map((item, i) => (
          <g key={item.text} transform={`translate(10,${14 + i * LINE})`}>
            <path d={item.d} fill={item.fill} />
            <text x={14} y={5}>
              {item.text}
            </text>
          </g>
        ))}
      </g>
      <g aria-hidden="true">
        {x.ticks(Math.min(max, 6)).map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={legendHeight} y2={bottom} stroke={COLOURS.grid} />
            <text x={x(t)} y={bottom + 18} textAnchor="middle" fontSize={TEXT} fill={COLOURS.muted}>
              {t}
            </text>
          </g>
        ))}
      </g>
      {rows.map(({ bar, lines }, i) => {
        const top = tops[i]!;
        const barTop = top + lines.length * LINE + 4;
        const centre = barTop + BAR / 2;
        return (
          <g key={bar.themeId} data-theme={bar.themeId}>
            <text fontSize={TEXT} fontWeight={700} fill={COLOURS.score}>
              {lines.map((line, k) => (
                <tspan key={k} x={LEFT} y={top + 16 + k * LINE}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect
              x={x(0)}
              y={barTop}
              width={Math.max(0, x(bar.pointsValue) - x(0))}
              height={BAR}
              fill={bar.highPriority ? "#425563" : "#aeb7bd"}
            >
              <title>{`${bar.title}: ${bar.points} points`}</title>
            </rect>
            {bar.commissionersValue !== null && (
              <Marker
                d={SHAPES.commissioner}
                x={x(bar.commissionersValue)}
                y={centre - 4}
                fill={COLOURS.commissioner}
                label={`Commissioners: ${bar.commissioners}`}
              />
            )}
            {bar.youngValue !== null && (
              <Marker
                d={SHAPES.technician}
                x={x(bar.youngValue)}
                y={centre + 5}
                fill={COLOURS.technician}
                label={`Young commissioners: ${bar.youngCommissioners}`}
              />
            )}
            <text x={CANVAS - 4} y={centre + 6} textAnchor="end" fontSize={TEXT} fontWeight={700} fill={COLOURS.score}>
              {bar.points}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
