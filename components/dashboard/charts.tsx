"use client";
// Recharts, loaded only by the dashboards. Every chart has its numbers in a
// server-rendered table beside it (for print, screen readers and no-JS), so
// these only draw what the server computed.
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
import { formatDecimal, type DisplayLocale } from "@/lib/ikm";

const MUTU_FILL: Record<string, string> = { A: "#15803d", B: "#65a30d", C: "#d97706", D: "#b91c1c" };
const BAND_FILL: Record<string, string> = { A: "#dcfce7", B: "#ecfccb", C: "#fef3c7", D: "#fee2e2" };

export type TBand = { mutu: string; label: string; min: number; max: number };

export type TNrrBar = { code: string; label: string; nrr: number; mutu: string | null; priority: boolean };

/** NRR per unsur as horizontal bars, weakest first, coloured by the grade the NRR reaches. */
export function NrrChart({ data, bands, locale, scale }: { data: TNrrBar[]; bands: TBand[]; locale: DisplayLocale; scale: { min: number; max: number } }) {
  return (
    <BarChart
      layout="vertical"
      data={data}
      responsive
      style={{ width: "100%", height: Math.max(220, data.length * 34 + 40) }}
      margin={{ top: 20, right: 48, bottom: 8, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      {/* Ticks at the grade edges (2,60 · 3,06 · 3,53 on 1..4): where a bar changes grade. */}
      <XAxis type="number" domain={[scale.min, scale.max]} ticks={[scale.min, ...bands.slice(1).map((b) => b.min), scale.max]}
        tickFormatter={(v: number) => formatDecimal(v, 2, locale)} tick={{ fontSize: 11 }} />
      <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} />
      {bands.slice(1).map((b) => (
        <ReferenceLine key={b.mutu} x={b.min} stroke="#64748b" strokeDasharray="4 4" label={{ value: b.mutu, position: "top", fontSize: 11 }} />
      ))}
      <Tooltip formatter={(v) => formatDecimal(Number(v), 2, locale)} />
      <Bar dataKey="nrr" isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.code} fill={d.mutu ? MUTU_FILL[d.mutu] : "#94a3b8"} stroke={d.priority ? "#0f172a" : undefined} strokeWidth={d.priority ? 2 : 0} />
        ))}
        <LabelList dataKey="nrr" position="right" formatter={(v) => formatDecimal(Number(v), 2, locale)} style={{ fontSize: 12 }} />
      </Bar>
    </BarChart>
  );
}

export type TTrendDatum = { label: string; konversi: number | null; ci: [number, number] | null; unsur: number | null; respondents: number };

/** IKM (konversi) over periods on the grade bands, with its 95% interval; optionally one unsur (NRR on the same scale). */
export function TrendChart({ data, bands, locale, unsurLabel, ikmLabel, ciLabel }: { data: TTrendDatum[]; bands: TBand[]; locale: DisplayLocale; unsurLabel?: string; ikmLabel: string; ciLabel: string }) {
  const values = data.flatMap((d) => [d.konversi, d.unsur, d.ci?.[0]]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const low = Math.max(25, Math.floor(((values.length ? Math.min(...values) : 60) - 5) / 5) * 5);
  return (
    <ComposedChart data={data} responsive style={{ width: "100%", height: 300 }} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
      {bands.map((b) =>
        b.max < low ? null : (
          <ReferenceArea key={b.mutu} y1={Math.max(b.min, low)} y2={b.max} fill={BAND_FILL[b.mutu]} fillOpacity={0.8} ifOverflow="hidden"
            label={{ value: b.label, position: "insideTopRight", fontSize: 11, fill: "#334155" }} />
        ),
      )}
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} />
      <YAxis domain={[low, 100]} tickFormatter={(v: number) => formatDecimal(v, 0, locale)} width={40} />
      <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => formatDecimal(Number(x), 2, locale)).join(" – ") : formatDecimal(Number(v), 2, locale))} />
      <Legend verticalAlign="top" height={24} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
      <Area dataKey="ci" stroke="none" fill="#0f766e" fillOpacity={0.15} isAnimationActive={false} name={ciLabel} connectNulls={false} legendType="rect" />
      <Line dataKey="konversi" name={ikmLabel} stroke="#0b5e58" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />
      {unsurLabel && <Line dataKey="unsur" name={unsurLabel} stroke="#7c3aed" strokeWidth={2} strokeDasharray="5 3" dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />}
    </ComposedChart>
  );
}

export type TImportancePoint = { code: string; name: string; importance: number; performance: number; quadrant: string };

const QUADRANT_FILL: Record<string, string> = { concentrate: "#b91c1c", keep: "#15803d", low: "#64748b", overkill: "#b45309" };

/** Importance (across) against performance (up), cross-hairs at the means: the four quadrants of IPA. */
export function ImportanceChart({ data, meanImportance, meanPerformance, locale, labels }: {
  data: TImportancePoint[];
  meanImportance: number;
  meanPerformance: number;
  locale: DisplayLocale;
  labels: { importance: string; performance: string; quadrants: Record<string, string> };
}) {
  const xs = data.map((d) => d.importance);
  const ys = data.map((d) => d.performance);
  const pad = (lo: number, hi: number): [number, number] => [Math.floor((lo - 0.15) * 10) / 10, Math.ceil((hi + 0.15) * 10) / 10];
  const [x0, x1] = pad(Math.min(...xs, meanImportance), Math.max(...xs, meanImportance));
  const [y0, y1] = pad(Math.min(...ys, meanPerformance), Math.max(...ys, meanPerformance));
  return (
    <ScatterChart responsive style={{ width: "100%", height: 340 }} margin={{ top: 16, right: 24, bottom: 24, left: 8 }} accessibilityLayer>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis type="number" dataKey="importance" name={labels.importance} domain={[x0, x1]} tickFormatter={(v: number) => formatDecimal(v, 2, locale)}
        label={{ value: labels.importance, position: "insideBottom", offset: -12, fontSize: 12 }} />
      <YAxis type="number" dataKey="performance" name={labels.performance} domain={[y0, y1]} tickFormatter={(v: number) => formatDecimal(v, 2, locale)} width={48}
        label={{ value: labels.performance, angle: -90, position: "insideLeft", fontSize: 12 }} />
      <ReferenceArea x1={meanImportance} x2={x1} y1={y0} y2={meanPerformance} fill="#fee2e2" fillOpacity={0.6}
        label={{ value: labels.quadrants.concentrate, position: "insideBottomRight", fontSize: 11 }} />
      <ReferenceArea x1={meanImportance} x2={x1} y1={meanPerformance} y2={y1} fill="#dcfce7" fillOpacity={0.6}
        label={{ value: labels.quadrants.keep, position: "insideTopRight", fontSize: 11 }} />
      <ReferenceArea x1={x0} x2={meanImportance} y1={y0} y2={meanPerformance} fill="#f1f5f9" fillOpacity={0.6}
        label={{ value: labels.quadrants.low, position: "insideBottomLeft", fontSize: 11 }} />
      <ReferenceArea x1={x0} x2={meanImportance} y1={meanPerformance} y2={y1} fill="#fef3c7" fillOpacity={0.6}
        label={{ value: labels.quadrants.overkill, position: "insideTopLeft", fontSize: 11 }} />
      <ReferenceLine x={meanImportance} stroke="#334155" />
      <ReferenceLine y={meanPerformance} stroke="#334155" />
      <Tooltip formatter={(v) => formatDecimal(Number(v), 2, locale)} />
      <Scatter data={data} isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.code} fill={QUADRANT_FILL[d.quadrant]} />
        ))}
        <LabelList dataKey="code" position="top" style={{ fontSize: 12, fontWeight: 600 }} />
      </Scatter>
    </ScatterChart>
  );
}
