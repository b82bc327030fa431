// Per bid: every criterion on a 0–5 line, each counted vote (commissioners
// above the line as circles, young commissioners below as triangles, the
// reader's own votes as stars), each group's average as a tick, the criterion
// score as a diamond, and divergent criteria shaded and labelled. Drawn on the
// narrow canvas (shapes.ts: CANVAS, TEXT) so its words read on a phone.
// Server-rendered SVG: no client JavaScript.
import { scaleLinear } from "d3-scale";
import type { BidVotes, ChartVote, CriterionRow } from "./data";
import { CANVAS, ChartFigure, COLOURS, dodge, Marker, ScoreAxis, SHAPES, TEXT, wrapText } from "./shapes";

const LINE = 20;
const BAND = 52;
const AXIS = 28;
const CHARS = 28;

const list = (votes: ChartVote[]) =>
  votes.length
    ? [...votes]
        .sort((a, b) => a.score - b.score)
        .map((v) => (v.mine ? `${v.score} (your vote)` : String(v.score)))
        .join(", ")
    : "none";

export function describeRow(row: CriterionRow): string {
  if (row.kind === "PRICE") return `${row.name}: scored by formula from the price, ${row.scoreDisplay ?? "no score"} out of 5.`;
  const of = (group: "COMMISSIONER" | "TECHNICIAN") => list(row.votes.filter((v) => v.group === group));
  return (
    `${row.name}: commissioners ${of("COMMISSIONER")}; young commissioners ${of("TECHNICIAN")}; criterion score ${row.scoreDisplay ?? "none"}` +
    (row.divergentBy !== null ? `; the votes are ${row.divergentBy} apart, to discuss.` : ".")
  );
}

/** A row's heading lines: the criterion's name and weight, then the discuss flag or the price note. */
function headingLines(row: CriterionRow): { text: string; note?: "discuss" | "price" }[] {
  return [
    ...wrapText(`${row.name} (${row.weight}%)`, CHARS).map((text) => ({ text })),
    ...(row.divergentBy !== null ? [{ text: `▲ Scores differ by ${row.divergentBy}: discuss`, note: "discuss" as const }] : []),
    ...(row.kind === "PRICE" ? [{ text: "Scored by formula from the price", note: "price" as const }] : []),
  ];
}

export function VotesChart({ bid, id }: { bid: BidVotes; id: string }) {
  const mine = bid.rows.some((r) => r.votes.some((v) => v.mine));
  const legend = legendItems(mine);
  const legendHeight = legend.length * LINE + 10;
  const x = scaleLinear()
    .domain([0, 5])
    .range([14, CANVAS - 48]);
  const heights = bid.rows.map((row) => headingLines(row).length * LINE + BAND + 12);
  const tops = heights.map((_, i) => legendHeight + heights.slice(0, i).reduce((a, b) => a + b, 0));
  const rows = bid.rows.map((row, i) => ({ row, lines: headingLines(row), top: tops[i]!, height: heights[i]! }));
  const plotBottom = legendHeight + heights.reduce((a, b) => a + b, 0);
  return (
    <ChartFigure
      id={id}
      width={CANVAS}
      height={plotBottom + AXIS}
      title={`${bid.label}: every counted vote on each criterion`}
      description={bid.rows.map(describeRow).join(" ")}
      caption={`Circles above the line: commissioners' votes. Triangles below it: young commissioners' votes.${mine ? " Stars: your own votes." : ""} Thin upright lines: each group's average. Diamond: the criterion score. Shaded rows: scores differ by 2 or more.`}
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
      <ScoreAxis x={x} top={legendHeight} bottom={plotBottom} />
      {rows.map(({ row, lines, top, height }) => (
        <Row key={row.id} row={row} lines={lines} top={top} height={height} x={x} />
      ))}
    </ChartFigure>
  );
}

function Row({
  row,
  lines,
  top,
  height,
  x,
}: {
  row: CriterionRow;
  lines: ReturnType<typeof headingLines>;
  top: number;
  height: number;
  x: ReturnType<typeof scaleLinear<number, number>>;
}) {
  const centre = top + lines.length * LINE + 6 + BAND / 2;
  const divergent = row.divergentBy !== null;
  const marks = (group: "COMMISSIONER" | "TECHNICIAN") =>
    dodge(
      row.votes.filter((v) => v.group === group),
      (v) => v.score,
      12,
    );
  return (
    <g data-criterion={row.id} data-divergent={divergent ? "true" : undefined}>
      {divergent && <rect x={0} y={top} width={CANVAS} height={height - 4} fill={COLOURS.divergentBg} />}
      {divergent && <rect x={0} y={top} width={5} height={height - 4} fill={COLOURS.divergent} />}
      <text fontSize={TEXT} fontWeight={700} fill={COLOURS.score}>
        {lines.map((line, i) => (
          <tspan
            key={i}
            x={10}
            y={top + 17 + i * LINE}
            fill={line.note === "discuss" ? "#7a4b00" : line.note === "price" ? COLOURS.muted : undefined}
            fontWeight={line.note === "price" ? 400 : undefined}
          >
            {line.text}
          </tspan>
        ))}
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
          <Mark key={k} vote={item} d={SHAPES.commissioner} x={x(item.score) + offset} y={centre - 12} label="Commissioner" />
        ))}
      </g>
      <g fill={COLOURS.technician} stroke="#fff" strokeWidth={1.2}>
        {marks("TECHNICIAN").map(({ item, offset }, k) => (
          <Mark key={k} vote={item} d={SHAPES.technician} x={x(item.score) + offset} y={centre + 13} label="Young commissioner" />
        ))}
      </g>
      {row.score !== null && (
        <>
          <Marker d={SHAPES.score} x={x(row.score)} y={centre} fill={COLOURS.score} label={`Criterion score: ${row.scoreDisplay}`} />
          <text x={CANVAS - 4} y={centre + 6} textAnchor="end" fontSize={TEXT} fontWeight={700} fill={COLOURS.score}>
            {row.scoreDisplay}
          </text>
        </>
      )}
    </g>
  );
}

function legendItems(mine: boolean) {
  return [
    { d: SHAPES.commissioner, fill: COLOURS.commissioner, text: "Commissioner" },
    { d: SHAPES.technician, fill: COLOURS.technician, text: "Young commissioner" },
    ...(mine ? [{ d: SHAPES.you, fill: "#ffb81c", text: "Your vote" }] : []),
    { d: SHAPES.score, fill: COLOURS.score, text: "Criterion score" },
  ];
}

/** One vote's mark; its fill and outline come from the group around it. The reader's own is a star with a dark outline. */
function Mark({ vote, d, x, y, label }: { vote: ChartVote; d: string; x: number; y: number; label: string }) {
  const at = `translate(${x.toFixed(1)},${y.toFixed(1)})`;
  if (vote.mine)
    return (
      <path d={SHAPES.you} transform={at} fill="#ffb81c" stroke={COLOURS.score} strokeWidth={1.5} data-you="">
        <title>{`Your vote: ${vote.score}`}</title>
      </path>
    );
  return (
    <path d={d} transform={at}>
      <title>{`${label}: ${vote.score}`}</title>
    </path>
  );
}
