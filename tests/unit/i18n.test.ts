import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { createFormat } from "@/lib/i18n";
import en from "@/lib/i18n/messages/en.json";
import id from "@/lib/i18n/messages/id.json";

// Every message exists in both languages, with the same arguments: a screen can
// never show a key, or a sentence with a hole, in one of them.

type Tree = { [k: string]: string | string[] | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else if (Array.isArray(v)) v.forEach((s, i) => out.set(`${key}.${i}`, s));
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The names of a message's arguments ({name}, {count, plural, ...}), nested ones included. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        names.add(el.value);
        for (const o of Object.values(el.options)) walk(o.value);
      }
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const idKeys = flatten(id as Tree);
const enKeys = flatten(en as Tree);

describe("messages", () => {
  it("has every Indonesian message in English and every English one in Indonesian", () => {
    expect([...idKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !idKeys.has(k))).toEqual([]);
  });

  it("gives each message the same arguments in both languages, and every message parses", () => {
    const mismatched = [...idKeys].filter(([k, v]) => enKeys.has(k) && argumentsOf(v).join() !== argumentsOf(enKeys.get(k)!).join());
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it("leaves no message empty", () => {
    expect([...idKeys, ...enKeys].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("formats numbers, dates and periods the way each language writes them", () => {
    const fmt = (locale: "id" | "en") => createFormat(locale, "Asia/Jakarta", createTranslator({ locale, messages: locale === "id" ? id : en, namespace: "periods" }));
    const fid = fmt("id");
    const fen = fmt("en");
    expect(fid.decimal(91.475)).toBe("91,48");
    expect(fen.decimal(91.475)).toBe("91.48");
    expect(fid.integer(50000)).toBe("50.000");
    expect(fen.integer(50000)).toBe("50,000");
    expect(fid.date(new Date("2026-12-01T03:00:00Z"))).toBe("1 Des 2026");
    expect(fen.date(new Date("2026-12-01T03:00:00Z"))).toBe("1 Dec 2026");
    // 23:30 UTC on 30 Nov is 06:30 on 1 Dec in WIB: the agency's clock decides the day.
    expect(fid.date(new Date("2026-11-30T23:30:00Z"))).toBe("1 Des 2026");
    const q = { kind: "QUARTER", year: 2026, number: 4 } as const;
    expect([fid.period(q), fen.period(q), fid.period(q, true)]).toEqual(["Triwulan IV 2026", "Q4 2026", "TW IV 2026"]);
    expect(fid.period({ kind: "SEMESTER", year: 2026, number: 2 })).toBe("Semester II 2026");
    expect(fen.period({ kind: "SEMESTER", year: 2026, number: 2 })).toBe("H2 2026");
    expect(fid.period({ kind: "MONTH", year: 2026, number: 5 })).toBe("Mei 2026");
    expect(fid.period({ kind: "MONTH", year: 2026, number: 8 }, true)).toBe("Agu 26");
    expect(fen.period({ kind: "MONTH", year: 2026, number: 5 }, true)).toBe("May 26");
    expect(fid.period({ kind: "YEAR", year: 2026, number: 1 })).toBe("2026");
    expect(fid.periodKind("YEAR")).toBe("Tahunan");
    expect([fid.pick("Persyaratan", "Requirements"), fen.pick("Persyaratan", "Requirements"), fen.pick("Loket", null)]).toEqual(["Persyaratan", "Requirements", "Loket"]);
  });

  it("writes plurals in English and none in Indonesian", () => {
    const t = (locale: "id" | "en") => createTranslator({ locale, messages: locale === "id" ? id : en, namespace: "dashboard" });
    expect(t("en")("unitCount", { count: 1 })).toBe("1 unit");
    expect(t("en")("unitCount", { count: 1200 })).toBe("1,200 units");
    expect(t("id")("unitCount", { count: 1200 })).toBe("1.200 unit");
  });
});
