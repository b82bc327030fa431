// Shared pieces of the server-rendered charts: marker shapes (from d3-shape,
// so commissioners and young commissioners differ by shape, not only by
// colour), the 0–5 axis and the figure wrapper with its text alternative.
import type { ReactNode } from "react";
import type { ScaleLinear } from "d3-scale";
import { symbol, symbolCircle, symbolDiamond, symbolStar, symbolTriangle } from "d3-shape";

export const COLOURS = {
  commissioner: "#005eb8", // NHS blue
  technician: "#7c2855", // NHS plum
  score: "#212b32",
  divergent: "#ffb81c",
  divergentBg: "#fff4d6",
  grid: "#d8dde0",
  muted: "#4c6272",
};

/**
 * Charts are drawn on a narrow canvas (CANVAS units wide) with text of at
 * least TEXT units, and shown at most 390 px wide: on a 360 px phone
 * (294–328 px for a chart, inside a card or not) a unit is drawn at least a pixel, so chart text
 * is never smaller than the body's 16 px; on a desktop it stays at most 1.3×.
 * (A 600-unit canvas drew its 13-unit text at 7 px on a phone.)
 */
export const CANVAS = 280;
export const TEXT = 16;
// The figure's largest width, 390 px, is its class (max-w-[390px]) in ChartFigure.

/** Splits a label into lines of at most `max` characters, at spaces (a longer word is cut). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.length > max ? `${word.slice(0, max - 1)}…` : word;
    if (!line) line = w;
    else if (line.length + 1 + w.length <= max) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export const SHAPES = {
  commissioner: symbol(symbolCircle, 70)()!,
  technician: symbol(symbolTriangle, 80)()!,
  score: symbol(symbolDiamond, 130)()!,
  you: symbol(symbolStar, 170)()!,
};

export function Marker({
  d,
  x,
  y,
  fill,
  stroke = "#fff",
  label,
}: {
  d: string;
  x: number;
  y: number;
  fill: string;
  stroke?: string;
  label?: string;
}) {
  return (
    <path d={d} transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`} fill={fill} stroke={stroke} strokeWidth={1.2}>
      {label && <title>{label}</title>}
    </path>
  );
}

/** Marks 0 to 5 along the bottom, with light grid lines up to `top`. */
export function ScoreAxis({ x, top, bottom }: { x: ScaleLinear<number, number>; top: number; bottom: number }) {
  return (
    <g aria-hidden="true">
      {x.ticks(5).map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={bottom} stroke={COLOURS.grid} />
          <text x={x(t)} y={bottom + 18} textAnchor="middle" fontSize={TEXT} fill={COLOURS.muted}>
            {t}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * A chart as a figure: the SVG is an image whose title and description say
 * in words what it shows; the caption is visible. Breaks cleanly on paper.
 */
export function ChartFigure({
  id,
  title,
  description,
  caption,
  width,
  height,
  className = "",
  narrow = true,
  children,
}: {
  id: string;
  title: string;
  description: string;
  caption?: ReactNode;
  width: number;
  height: number;
  className?: string;
  /** Drawn on the narrow canvas (CANVAS, TEXT): shown at most 390 px wide. */
  narrow?: boolean;
  children: ReactNode;
}) {
  return (
    <figure className={`chart mb-6 break-inside-avoid ${className}`}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        className={`block h-auto ${narrow ? "max-w-[390px]" : "max-w-full"} bg-white [-webkit-print-color-adjust:exact] [print-color-adjust:exact]`}
        fontFamily="inherit"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      {caption && <figcaption className="mt-1 text-slate-700">{caption}</figcaption>}
    </figure>
  );
}

/** Spreads equal marks side by side so none hides another. */
export function dodge<T>(items: T[], key: (item: T) => number, step: number): { item: T; offset: number }[] {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()].flatMap((group) => group.map((item, i) => ({ item, offset: (i - (group.length - 1) / 2) * step })));
}
