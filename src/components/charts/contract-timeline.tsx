// The contracts register as a timeline: per establishment, each contract's
// period as a bar on a shared calendar, with today marked, so gaps and
// overlaps (and what needs re-tendering) show at a glance. Server-rendered
// SVG: no client JavaScript.
import { scaleUtc } from "d3-scale";
import { ChartFigure, COLOURS } from "./shapes";

export interface TimelineContract {
  id: string;
  title: string;
  provider: string;
  /** "YYYY-MM-DD" */
  start: string;
  end: string;
  /** Shown in words in the bar's title and the description. */
  statusLabel: string;
  expiring: boolean;
  ended: boolean;
  /** Starts after today: drawn as an outline, not a solid bar. */
  notStarted?: boolean;
}

export interface TimelineEstablishment {
  name: string;
  contracts: TimelineContract[];
}

const WIDTH = 640;
const LEFT = 16;
const RIGHT = 24;
const HEADING = 26;
const ROW = 44;
const AXIS = 30;

/** A white outline around label text, so a line crossing it (today's) never makes it hard to read. */
const HALO = { stroke: "#fff", strokeWidth: 4, paintOrder: "stroke", strokeLinejoin: "round" } as const;

const date = (key: string) => new Date(`${key}T00:00:00Z`);
// One formatter for every date: toLocaleDateString(…, options) builds a new Intl.DateTimeFormat on each call, which
// was 17 % of the contracts register's server time (four dates per contract). The same text.
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const long = (key: string) => LONG_DATE.format(date(key));

export function ContractTimeline({ establishments, today, id }: { establishments: TimelineEstablishment[]; today: string; id: string }) {
  const all = establishments.flatMap((e) => e.contracts);
  if (all.length === 0) return null;
  const min = [today, ...all.map((c) => c.start)].sort()[0]!;
  const max = [today, ...all.map((c) => c.end)].sort().at(-1)!;
  const x = scaleUtc()
    .domain([date(min), date(max)])
    .range([LEFT, WIDTH - RIGHT])
    .nice();
  const heights = establishments.map((e) => HEADING + e.contracts.length * ROW);
  const layout = establishments.map((e, i) => ({ ...e, top: AXIS + heights.slice(0, i).reduce((a, b) => a + b, 0) }));
  const height = AXIS + heights.reduce((a, b) => a + b, 0) + 24;
  const description = establishments
    .map(
      (e) =>
        `${e.name}: ` +
        e.contracts
          .map((c) => `${c.title} (${c.provider}) from ${long(c.start)} to ${long(c.end)}, ${c.statusLabel.toLowerCase()}`)
          .join("; ") +
        ".",
    )
    .join(" ");
  const ticks = x.ticks(6);
  const format = x.tickFormat(6);
  return (
    <ChartFigure
      narrow={false}
      id={id}
      width={WIDTH}
      height={height}
      title={`Contract periods by establishment; today is ${long(today)}`}
      description={description}
      caption="Each bar is a contract's period. Hatched bars end within 12 months: time to re-tender. Outlined bars have not started yet. The dashed line is today."
    >
      <defs>
        <pattern id={`${id}-hatch`} width={8} height={8} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={8} height={8} fill="#ffb81c" />
          <line x1={0} y1={0} x2={0} y2={8} stroke="#8a4b00" strokeWidth={3} />
        </pattern>
      </defs>
      <g aria-hidden="true">
        {ticks.map((t) => (
          <g key={t.toISOString()}>
            <line x1={x(t)} x2={x(t)} y1={AXIS - 6} y2={height - 20} stroke={COLOURS.grid} />
            <text x={x(t)} y={AXIS - 12} textAnchor="middle" fontSize={13} fill={COLOURS.muted}>
              {format(t)}
            </text>
          </g>
        ))}
      </g>
      {/* Today's line first, so the names and labels are drawn over it (it ran through the establishment's name). */}
      <g aria-hidden="true">
        <line
          x1={x(date(today))}
          x2={x(date(today))}
          y1={AXIS - 6}
          y2={height - 20}
          stroke="#d5281b"
          strokeWidth={2}
          strokeDasharray="5 3"
        />
        <text x={x(date(today))} y={height - 6} textAnchor="middle" fontSize={12} fontWeight={700} fill="#d5281b">
          Today
        </text>
      </g>
      {layout.map((e) => (
        <g key={e.name}>
          <text x={LEFT} y={e.top + 18} fontSize={15} fontWeight={700} fill={COLOURS.score} {...HALO}>
            {e.name}
          </text>
          {e.contracts.map((c, i) => {
            const top = e.top + HEADING + i * ROW;
            const x0 = x(date(c.start));
            const x1 = Math.max(x(date(c.end)), x0 + 3);
            const fill = c.ended ? "#aeb7bd" : c.expiring ? `url(#${id}-hatch)` : c.notStarted ? "#fff" : COLOURS.commissioner;
            // Every bar says whose it is above it, hatched or not (the hatched bar had no provider).
            const label = `${c.title}: ${c.provider}`;
            return (
              <g key={c.id} data-contract={c.id}>
                <text x={Math.min(x0, WIDTH - 300)} y={top + 13} fontSize={13} fill={COLOURS.score} {...HALO}>
                  {label.length > 70 ? `${label.slice(0, 69)}…` : label}
                </text>
                <rect
                  x={x0}
                  y={top + 18}
                  width={x1 - x0}
                  height={18}
                  fill={fill}
                  stroke={c.notStarted ? COLOURS.commissioner : COLOURS.score}
                  strokeWidth={c.notStarted ? 2 : 0.5}
                  strokeDasharray={c.notStarted ? "6 3" : undefined}
                >
                  <title>{`${c.title}, ${c.provider}: ${long(c.start)} to ${long(c.end)} (${c.statusLabel})`}</title>
                </rect>
              </g>
            );
          })}
        </g>
      ))}
    </ChartFigure>
  );
}
