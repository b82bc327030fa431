// Per bid: every criterion on a 0–5 line, each counted vote (commissioners
// above the line as circles, young commissioners below as triangles), each
// group's average as a tick, the criterion score as a diamond, and divergent
// criteria shaded and labelled. Server-rendered SVG: no client JavaScript.
import { scaleLinear } from "d3-scale";
import type { BidVotes, CriterionRow } from "./data";
import { ChartFigure, COLOURS, dodge, Marker, ScoreAxis, SHAPES } from "./shapes";

const WIDTH = 600;
const LEGEND = 34;
const NAME = 20;
const BAND = 52;
const ROW = NAME + BAND + 8;
const AXIS = 26;

const list = (scores: number[]) => (scores.length ? [...scores].sort((a, b) => a - b).join(", ") : "none");

export function describeRow(row: CriterionRow): string {
  if (row.kind === "PRICE") return `${row.name}: scored by formula from the price, ${row.scoreDisplay ?? "no score"} out of 5.`;
  const of = (group: "COMMISSIONER" | "TECHNICIAN") => list(row.votes.filter((v) => v.group === group).map((v) => v.score));
  return (
    `${row.name}: commissioners ${of("COMMISSIONER")}; young commissioners ${of("TECHNICIAN")}; criterion score ${row.scoreDisplay ?? "none"}` +
    (row.divergentBy !== null ? `; the votes are ${row.divergentBy} apart, to discuss.` : ".")
  );
}

export function VotesChart({ bid, id }: { bid: BidVotes; id: string }) {
  const height = LEGEND + bid.rows.length * ROW + AXIS;
  const x = scaleLinear()
    .domain([0, 5])
    .range([28, WIDTH - 52]);
  const plotTop = LEGEND;
  const plotBottom = LEGEND + bid.rows.length * ROW;
  return (
    <ChartFigure
      id={id}
      width={WIDTH}
      height={height}
      title={`${bid.label}: every counted vote on each criterion`}
      description={bid.rows.map(describeRow).join(" ")}
      caption="Circles above the line: commissioners' votes. Triangles below it: young commissioners' votes. Thin upright lines: each group's average. Diamond: the criterion score. Shaded rows: scores differ by 2 or more."
    >
      <Legend />
      <ScoreAxis x={x} top={plotTop} bottom={plotBottom} />
      {bid.rows.map((row, i) => (
        <Row key={row.id} row={row} top={LEGEND + i * ROW} x={x} />
      ))}
    </ChartFigure>
  );
}

function Row({ row, top, x }: { row: CriterionRow; top: number; x: ReturnType<typeof scaleLinear<number, number>> }) {
  const centre = top + NAME + BAND / 2;
  const divergent = row.divergentBy !== null;
  const marks = (group: "COMMISSIONER" | "TECHNICIAN") =>
    dodge(
      row.votes.filter((v) => v.group === group),
      (v) => v.score,
      12,
    );
  return (
    <g data-criterion={row.id} data-divergent={divergent ? "true" : undefined}>
      {divergent && <rect x={0} y={top} width={WIDTH} height={ROW - 4} fill={COLOURS.divergentBg} />}
      {divergent && <rect x={0} y={top} width={6} height={ROW - 4} fill={COLOURS.divergent} />}
      <text x={12} y={top + 15} fontSize={14} fontWeight={700} fill={COLOURS.score}>
        {row.name} ({row.weight}%)
        {divergent && <tspan fontWeight={700} fill="#7a4b00">{`  ▲ differ by ${row.divergentBy}: discuss`}</tspan>}
        {row.kind === "PRICE" && (
          <tspan fontWeight={400} fill={COLOURS.muted}>
            {"  scored by formula"}
          </tspan>
        )}
      </text>
      <line x1={x(0)} x2={x(5)} y1={centre} y2={centre} stroke={COLOURS.muted} />
      {row.commissionerMean !== null && (
        <line
          x1={x(row.commissionerMean)}
          x2={x(row.commissionerMean)}
          y1={centre - 25}
          y2={centre - 1}
          stroke={COLOURS.commissioner}
          strokeWidth={2}
        />
      )}
      {row.technicianMean !== null && (
        <line
          x1={x(row.technicianMean)}
          x2={x(row.technicianMean)}
          y1={centre + 1}
          y2={centre + 25}
          stroke={COLOURS.technician}
          strokeWidth={2}
        />
      )}
      {/* Fill and outline once per group: a 12-member panel draws 120 marks per bid. */}
      <g fill={COLOURS.commissioner} stroke="#fff" strokeWidth={1.2}>
        {marks("COMMISSIONER").map(({ item, offset }, k) => (
          <Mark key={k} d={SHAPES.commissioner} x={x(item.score) + offset} y={centre - 12} label={`Commissioner: ${item.score}`} />
        ))}
      </g>
      <g fill={COLOURS.technician} stroke="#fff" strokeWidth={1.2}>
        {marks("TECHNICIAN").map(({ item, offset }, k) => (
          <Mark key={k} d={SHAPES.technician} x={x(item.score) + offset} y={centre + 13} label={`Young commissioner: ${item.score}`} />
        ))}
      </g>
      {row.score !== null && (
        <>
          <Marker d={SHAPES.score} x={x(row.score)} y={centre} fill={COLOURS.score} label={`Criterion score: ${row.scoreDisplay}`} />
          <text x={WIDTH - 6} y={centre + 5} textAnchor="end" fontSize={14} fontWeight={700} fill={COLOURS.score}>
            {row.scoreDisplay}
          </text>
        </>
      )}
    </g>
  );
}

function Legend() {
  const items = [
    { d: SHAPES.commissioner, fill: COLOURS.commissioner, text: "Commissioner" },
    { d: SHAPES.technician, fill: COLOURS.technician, text: "Young commissioner" },
    { d: SHAPES.score, fill: COLOURS.score, text: "Criterion score" },
  ];
  return (
    <g aria-hidden="true" fontSize={13} fill={COLOURS.score}>
      {items.map((item, i) => (
        <g key={item.text} transform={`translate(${12 + i * 170},14)`}>
          <path d={item.d} fill={item.fill} />
          <text x={12} y={5}>
            {item.text}
          </text>
        </g>
      ))}
    </g>
  );
}

/** One vote's mark; its fill and outline come from the group around it. */
function Mark({ d, x, y, label }: { d: string; x: number; y: number; label: string }) {
  return (
    <path d={d} transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}>
      <title>{label}</title>
    </path>
  );
}
