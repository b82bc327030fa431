// One measure of a contract's commitments: its value in each reporting period
// against its target. Server-rendered SVG on the narrow canvas; a value that
// misses the target is a triangle (not only a colour); the description says
// every value in words, and a table beside it gives the same numbers.
import { scaleLinear, scalePoint } from "d3-scale";
import { describeTarget, formatMeasureValue, meetsTarget, type MeasureDirection, type MeasureUnit } from "@/domain/contract-checks";
import { symbol, symbolTriangle } from "d3-shape";
import { CANVAS, ChartFigure, COLOURS, TEXT } from "./shapes";

export interface MeasureSeries {
  key: string;
  name: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  target: number;
  points: { period: number; label: string; value: number }[];
}

const TOP = 14;
const BOTTOM = 40;
const LEFT = 54;
const RIGHT = 12;
const HEIGHT = 200;
const MISSED = "#d5281b";
const MET = "#007f3b";
const TRIANGLE = symbol(symbolTriangle, 150)()!;

export function MeasureChart({ series, id }: { series: MeasureSeries; id: string }) {
  if (series.points.length === 0) return null;
  const values = series.points.map((p) => p.value);
  const top = series.unit === "PERCENT" ? 100 : series.unit === "YES_NO" ? 1 : Math.max(series.target, ...values) * 1.15 || 1;
  const y = scaleLinear()
    .domain([0, top])
    .range([HEIGHT - BOTTOM, TOP])
    .nice();
  const x = scalePoint<number>()
    .domain(series.points.map((p) => p.period))
    .range([LEFT + 10, CANVAS - RIGHT - 6])
    .padding(series.points.length === 1 ? 0.5 : 0);
  const every = Math.ceil(series.points.length / 6);
  const yTicks = series.unit === "YES_NO" ? [0, 1] : y.ticks(4);
  const say = (v: number) => formatMeasureValue(series.unit, v);
  const target = describeTarget(series).toLowerCase();
  const description =
    `Target: ${target}. ` +
    series.points.map((p) => `${p.label}: ${say(p.value)}, ${meetsTarget(series, p.value) ? "meets" : "misses"} the target`).join("; ") +
    ".";
  return (
    <ChartFigure
      id={id}
      width={CANVAS}
      height={HEIGHT}
      title={`${series.name}, by reporting period`}
      description={description}
      caption={`The dashed line is the target (${target}). A circle meets it; a red triangle misses it.`}
    >
      <g aria-hidden="true">
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={CANVAS - RIGHT} y1={y(t)} y2={y(t)} stroke={COLOURS.grid} />
            <text x={LEFT - 6} y={y(t) + 5} textAnchor="end" fontSize={TEXT} fill={COLOURS.muted}>
              {series.unit === "YES_NO" ? (t === 1 ? "Yes" : "No") : series.unit === "PERCENT" ? `${t}%` : t}
            </text>
          </g>
        ))}
        {series.points.map((p, i) =>
          i % every === 0 || i === series.points.length - 1 ? (
            <text key={p.period} x={x(p.period)} y={HEIGHT - BOTTOM + 22} textAnchor="middle" fontSize={TEXT} fill={COLOURS.muted}>
              {`P${p.period}`}
            </text>
          ) : null,
        )}
        <line
          x1={LEFT}
          x2={CANVAS - RIGHT}
          y1={y(series.target)}
          y2={y(series.target)}
          stroke={COLOURS.score}
          strokeWidth={2}
          strokeDasharray="6 4"
        />
        {series.points.length > 1 && (
          <polyline
            points={series.points.map((p) => `${x(p.period)},${y(p.value)}`).join(" ")}
            fill="none"
            stroke={COLOURS.commissioner}
            strokeWidth={2}
          />
        )}
        {series.points.map((p) => {
          const met = meetsTarget(series, p.value);
          return met ? (
            <circle key={p.period} cx={x(p.period)} cy={y(p.value)} r={6} fill={MET} stroke="#fff" strokeWidth={1.5} />
          ) : (
            <path
              key={p.period}
              d={TRIANGLE}
              transform={`translate(${x(p.period)},${y(p.value)})`}
              fill={MISSED}
              stroke="#fff"
              strokeWidth={1.5}
            />
          );
        })}
        <text x={LEFT} y={HEIGHT - 6} fontSize={TEXT} fill={COLOURS.muted}>
          Reporting period
        </text>
      </g>
    </ChartFigure>
  );
}

/** The same numbers as a table (for reading and copying). */
export function MeasureTable({ series }: { series: MeasureSeries }) {
  return (
    <table className="mb-6 w-full max-w-xl border-collapse text-left">
      <caption className="sr-only">{series.name}: values by period</caption>
      <thead>
        <tr className="border-b-2 border-slate-900">
          <th scope="col" className="py-1 pr-2">
            Period
          </th>
          <th scope="col" className="py-1 pr-2">
            Value
          </th>
          <th scope="col" className="py-1">
            Target {describeTarget(series).toLowerCase()}
          </th>
        </tr>
      </thead>
      <tbody>
        {series.points.map((p) => (
          <tr key={p.period} className="border-b border-slate-300">
            <th scope="row" className="py-1 pr-2 font-normal">
              {p.label}
            </th>
            <td className="py-1 pr-2">{formatMeasureValue(series.unit, p.value)}</td>
            <td className="py-1">{meetsTarget(series, p.value) ? "Met" : "Missed"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
