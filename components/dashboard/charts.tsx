"use client";
// Recharts, loaded only by the dashboards. Every chart has its numbers in a
// server-rendered table beside it (for print, screen readers and no-JS): a
// chart is an image named by its title and described by that table, not a
// keyboard stop of its own.
import { useLocale } from "next-intl";
import { useCallback, useState } from "react";
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { parseLocale } from "@/lib/i18n/config";
import { formatDecimal } from "@/lib/ikm";

const MUTU_FILL: Record<string, string> = { A: "#15803d", B: "#65a30d", C: "#d97706", D: "#b91c1c" };
const BAND_FILL: Record<string, string> = { A: "#dcfce7", B: "#ecfccb", C: "#fef3c7", D: "#fee2e2" };
/** Text on white: slate-700 (10:1) and slate-900; Recharts' default grey is 3.9:1. */
const INK = "#334155";
const TICK = { fontSize: 12, fill: INK };

export type TBand = { mutu: string; label: string; min: number; max: number };

export type TNrrBar = { code: string; label: string; nrr: number; valueLabel: string; mutu: string | null; priority: boolean };

/** What names a chart and ties it to the table that holds its figures. */
export type TChartName = { title: string; tableId: string };

function useNumber() {
  const locale = parseLocale(useLocale());
  return (v: unknown, digits = 2) => formatDecimal(Number(v), digits, locale);
}

/** A category label on up to two lines (long unsur names in English do not overlap the bars). */
function WrappedTick({ x, y, payload, width }: { x?: number; y?: number; payload?: { value: string }; width: number }) {
  const words = String(payload?.value ?? "").split(" ");
  const max = Math.max(8, Math.floor(width / 7));
  const lines: string[] = [];
  for (const w of words) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${w}`.length <= max) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  const shown = lines.length > 2 ? [lines[0]!, `${lines.slice(1).join(" ").slice(0, max - 1)}…`] : lines;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill={INK}>
      {shown.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? (shown.length > 1 ? -4 : 4) : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** NRR per unsur as horizontal bars, weakest first, coloured by the grade the NRR reaches (the grade printed too). */
export function NrrChart({ data, bands, scale, name }: { data: TNrrBar[]; bands: TBand[]; scale: { min: number; max: number }; name: TChartName }) {
  const num = useNumber();
  const [box, width] = useWidth();
  // The unsur names take at most 40% of the width (110 px on a 360 px phone, 190 px on a desktop).
  const axis = Math.round(Math.min(190, Math.max(100, width * 0.4)));
  return (
    <div ref={box}>
    <BarChart
      layout="vertical"
      data={data}
      responsive
      style={{ width: "100%", height: Math.max(240, data.length * 40 + 40) }}
      margin={{ top: 20, right: 64, bottom: 8, left: 4 }}
      accessibilityLayer={false}
      role="img"
      aria-label={name.title}
      aria-describedby={name.tableId}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      {/* Ticks at the grade edges (2,60 · 3,06 · 3,53 on 1..4): where a bar changes grade. */}
      <XAxis type="number" domain={[scale.min, scale.max]} ticks={[scale.min, ...bands.slice(1).map((b) => b.min), scale.max]} tickFormatter={(v: number) => num(v)} tick={{ ...TICK, fontSize: 11 }} />
      <YAxis type="category" dataKey="label" width={axis} interval={0} tick={<WrappedTick width={axis} />} />
      {bands.slice(1).map((b) => (
        <ReferenceLine key={b.mutu} x={b.min} stroke="#475569" strokeDasharray="4 4" label={{ value: b.mutu, position: "top", fontSize: 11, fill: INK }} />
      ))}
      <Tooltip formatter={(v) => num(v)} />
      <Bar dataKey="nrr" isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.code} fill={d.mutu ? MUTU_FILL[d.mutu] : "#94a3b8"} stroke={d.priority ? "#0f172a" : undefined} strokeWidth={d.priority ? 2 : 0} />
        ))}
        <LabelList dataKey="valueLabel" position="right" style={{ fontSize: 12, fill: "#0f172a" }} />
      </Bar>
    </BarChart>
    </div>
  );
}

/** The width of the element `ref` is put on, followed as it resizes. */
function useWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(640);
  const ref = useCallback((el: HTMLDivElement | null) => {
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export type TTrendDatum = { label: string; konversi: number | null; ci: [number, number] | null; unsur: number | null; respondents: number };

/** IKM (konversi) over periods on the grade bands, with its 95% interval; optionally one unsur (NRR on the same scale). */
export function TrendChart({ data, bands, unsurLabel, ikmLabel, ciLabel, name }: { data: TTrendDatum[]; bands: TBand[]; unsurLabel?: string; ikmLabel: string; ciLabel: string; name: TChartName }) {
  const num = useNumber();
  const values = data.flatMap((d) => [d.konversi, d.unsur, d.ci?.[0]]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const low = Math.max(25, Math.floor(((values.length ? Math.min(...values) : 60) - 5) / 5) * 5);
  return (
    <ComposedChart
      data={data}
      responsive
      style={{ width: "100%", height: 300 }}
      margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      accessibilityLayer={false}
      role="img"
      aria-label={name.title}
      aria-describedby={name.tableId}
    >
      {bands.map((b) =>
        b.max < low ? null : (
          <ReferenceArea key={b.mutu} y1={Math.max(b.min, low)} y2={b.max} fill={BAND_FILL[b.mutu]} fillOpacity={0.8} ifOverflow="hidden"
            label={{ value: b.label, position: "insideTopRight", fontSize: 11, fill: INK }} />
        ),
      )}
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={TICK} />
      <YAxis domain={[low, 100]} tickFormatter={(v: number) => num(v, 0)} width={40} tick={TICK} />
      <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => num(x)).join(" – ") : num(v))} />
      <Legend verticalAlign="top" height={24} iconType="plainline" wrapperStyle={{ fontSize: 12, color: INK }} />
      <Area dataKey="ci" stroke="none" fill="#0f766e" fillOpacity={0.15} isAnimationActive={false} name={ciLabel} connectNulls={false} legendType="rect" />
      <Line dataKey="konversi" name={ikmLabel} stroke="#0b5e58" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />
      {unsurLabel && <Line dataKey="unsur" name={unsurLabel} stroke="#7c3aed" strokeWidth={2} strokeDasharray="5 3" dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />}
    </ComposedChart>
  );
}

export type TImportancePoint = { code: string; name: string; importance: number; performance: number; quadrant: string };

const QUADRANT_FILL: Record<string, string> = { concentrate: "#b91c1c", keep: "#15803d", low: "#475569", overkill: "#b45309" };

/** Importance (across) against performance (up), cross-hairs at the means: the four quadrants of IPA. */
export function ImportanceChart({ data, meanImportance, meanPerformance, labels, name }: {
  data: TImportancePoint[];
  meanImportance: number;
  meanPerformance: number;
  labels: { importance: string; performance: string; quadrants: Record<string, string> };
  name: TChartName;
}) {
  const num = useNumber();
  const xs = data.map((d) => d.importance);
  const ys = data.map((d) => d.performance);
  const pad = (lo: number, hi: number): [number, number] => [Math.floor((lo - 0.15) * 10) / 10, Math.ceil((hi + 0.15) * 10) / 10];
  const [x0, x1] = pad(Math.min(...xs, meanImportance), Math.max(...xs, meanImportance));
  const [y0, y1] = pad(Math.min(...ys, meanPerformance), Math.max(...ys, meanPerformance));
  const area = (value: string, position: "insideBottomRight" | "insideTopRight" | "insideBottomLeft" | "insideTopLeft") => ({ value, position, fontSize: 11, fill: INK });
  return (
    <ScatterChart
      responsive
      style={{ width: "100%", height: 340 }}
      margin={{ top: 16, right: 24, bottom: 24, left: 8 }}
      accessibilityLayer={false}
      role="img"
      aria-label={name.title}
      aria-describedby={name.tableId}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis type="number" dataKey="importance" name={labels.importance} domain={[x0, x1]} tickFormatter={(v: number) => num(v)} tick={TICK}
        label={{ value: labels.importance, position: "insideBottom", offset: -12, fontSize: 12, fill: INK }} />
      <YAxis type="number" dataKey="performance" name={labels.performance} domain={[y0, y1]} tickFormatter={(v: number) => num(v)} width={48} tick={TICK}
        label={{ value: labels.performance, angle: -90, position: "insideLeft", fontSize: 12, fill: INK }} />
      <ReferenceArea x1={meanImportance} x2={x1} y1={y0} y2={meanPerformance} fill="#fee2e2" fillOpacity={0.6} label={area(labels.quadrants.concentrate!, "insideBottomRight")} />
      <ReferenceArea x1={meanImportance} x2={x1} y1={meanPerformance} y2={y1} fill="#dcfce7" fillOpacity={0.6} label={area(labels.quadrants.keep!, "insideTopRight")} />
      <ReferenceArea x1={x0} x2={meanImportance} y1={y0} y2={meanPerformance} fill="#f1f5f9" fillOpacity={0.6} label={area(labels.quadrants.low!, "insideBottomLeft")} />
      <ReferenceArea x1={x0} x2={meanImportance} y1={meanPerformance} y2={y1} fill="#fef3c7" fillOpacity={0.6} label={area(labels.quadrants.overkill!, "insideTopLeft")} />
      <ReferenceLine x={meanImportance} stroke={INK} />
      <ReferenceLine y={meanPerformance} stroke={INK} />
      <Tooltip formatter={(v) => num(v)} />
      <Scatter data={data} isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.code} fill={QUADRANT_FILL[d.quadrant]} />
        ))}
        <LabelList dataKey="code" position="top" style={{ fontSize: 12, fontWeight: 600, fill: "#0f172a" }} />
      </Scatter>
    </ScatterChart>
  );
}
