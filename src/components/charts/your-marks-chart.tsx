// "You said, we did", simply: on each criterion a line from 0 to 5 with the
// young commissioner's own score (a star) and the panel's score (a diamond).
// Narrow, so it reads on a phone. Server-rendered SVG: no client JavaScript.
import { scaleLinear } from "d3-scale";
import { CANVAS, ChartFigure, COLOURS, Marker, ScoreAxis, SHAPES, TEXT } from "./shapes";

export interface YourMarkRow {
  name: string;
  mine: number | null;
  /** The panel's score, as shown elsewhere ("3.75"). */
  panel: string | null;
}

const WIDTH = CANVAS;
const ROW = 62;
const TOP = 30;

export function YourMarksChart({ rows, id, provider }: { rows: YourMarkRow[]; id: string; provider: string }) {
  const x = scaleLinear()
    .domain([0, 5])
    .range([20, WIDTH - 20]);
  const bottom = TOP + rows.length * ROW;
  const description = rows.map((r) => `${r.name}: you gave ${r.mine ?? "no score"}, the panel gave ${r.panel ?? "no score"}.`).join(" ");
  return (
    <ChartFigure
      id={id}
      width={WIDTH}
      height={bottom + 24}
      title={`Your scores and the panel's scores for ${provider}`}
      description={description}
    >
      <g aria-hidden="true" fontSize={TEXT} fill={COLOURS.score}>
        <path d={SHAPES.you} transform="translate(14,14)" fill={COLOURS.technician} />
        <text x={28} y={19}>
          You
        </text>
        <path d={SHAPES.score} transform="translate(90,14)" fill={COLOURS.score} />
        <text x={104} y={19}>
          The panel
        </text>
      </g>
      <ScoreAxis x={x} top={TOP} bottom={bottom} />
      {rows.map((r, i) => {
        const y0 = TOP + i * ROW;
        const centre = y0 + 40;
        const panel = r.panel === null ? null : Number(r.panel);
        return (
          <g key={r.name}>
            <text x={4} y={y0 + 16} fontSize={TEXT} fontWeight={700} fill={COLOURS.score}>
              {r.name.length > 30 ? `${r.name.slice(0, 29)}…` : r.name}
            </text>
            <line x1={x(0)} x2={x(5)} y1={centre} y2={centre} stroke={COLOURS.muted} />
            {r.mine !== null && panel !== null && (
              <line x1={x(r.mine)} x2={x(panel)} y1={centre} y2={centre} stroke={COLOURS.technician} strokeWidth={4} />
            )}
            {panel !== null && <Marker d={SHAPES.score} x={x(panel)} y={centre} fill={COLOURS.score} label={`The panel: ${r.panel}`} />}
            {r.mine !== null && <Marker d={SHAPES.you} x={x(r.mine)} y={centre} fill={COLOURS.technician} label={`You: ${r.mine}`} />}
          </g>
        );
      })}
    </ChartFigure>
  );
}
