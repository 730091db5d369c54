import type ExcelJS from "exceljs";

// A small evaluator for the formulas the tabulation writes (SUM, COUNT, IF, + - * /, =, cell
// references and ranges): it recomputes each formula from the cells it names, recursively,
// without trusting any cached result, as an inspector opening the file in a spreadsheet would.

type TValue = number | string | null;

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Z]+\d+(?::[A-Z]+\d+)?)|([A-Z]+)\(|("[^"]*")|(.))/y;

function columnNumber(letters: string) {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function splitRef(ref: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { col: columnNumber(m[1]!), row: Number(m[2]) };
}

export function createEvaluator(sheet: ExcelJS.Worksheet) {
  const memo = new Map<string, TValue>();

  function cellValue(ref: string): TValue {
    if (memo.has(ref)) return memo.get(ref)!;
    const { col, row } = splitRef(ref);
    const v = sheet.getCell(row, col).value as unknown;
    let out: TValue;
    if (v === null || v === undefined) out = null;
    else if (typeof v === "number" || typeof v === "string") out = v;
    else if (typeof v === "object" && v !== null && "formula" in v) out = evaluate(String((v as { formula: string }).formula));
    else throw new Error(`unexpected cell ${ref}: ${JSON.stringify(v)}`);
    memo.set(ref, out);
    return out;
  }

  function rangeValues(range: string): TValue[] {
    const [from, to = from] = range.split(":") as [string, string?];
    const a = splitRef(from), b = splitRef(to!);
    const out: TValue[] = [];
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++) out.push(cellValue(`${String.fromCharCode(64 + c)}${r}`));
    return out;
  }

  function evaluate(formula: string): TValue {
    const tokens: { kind: "num" | "ref" | "fn" | "str" | "op"; text: string }[] = [];
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (TOKEN.lastIndex < formula.length && (m = TOKEN.exec(formula))) {
      if (m[1]) tokens.push({ kind: "num", text: m[1] });
      else if (m[2]) tokens.push({ kind: "ref", text: m[2] });
      else if (m[3]) tokens.push({ kind: "fn", text: m[3] });
      else if (m[4]) tokens.push({ kind: "str", text: m[4].slice(1, -1) });
      else if (m[5]) tokens.push({ kind: "op", text: m[5] });
    }
    let i = 0;
    const peek = () => tokens[i];
    const take = (text?: string) => {
      const t = tokens[i++];
      if (!t || (text !== undefined && t.text !== text)) throw new Error(`bad formula ${formula} at ${i}`);
      return t;
    };
    const num = (v: TValue) => (v === null || v === "" ? 0 : typeof v === "number" ? v : Number.NaN);

    function primary(): TValue | TValue[] {
      const t = take();
      if (t.kind === "num") return Number(t.text);
      if (t.kind === "str") return t.text;
      if (t.kind === "ref") return t.text.includes(":") ? rangeValues(t.text) : cellValue(t.text);
      if (t.kind === "op" && t.text === "(") {
        const v = comparison();
        take(")");
        return v;
      }
      if (t.kind === "op" && t.text === "-") return -num(primary() as TValue);
      if (t.kind === "fn") {
        const args: (TValue | TValue[])[] = [];
        if (peek()?.text !== ")") {
          args.push(comparisonOrRange());
          while (peek()?.text === ",") {
            take(",");
            args.push(comparisonOrRange());
          }
        }
        take(")");
        const flat = args.flat();
        if (t.text === "SUM") return flat.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
        if (t.text === "COUNT") return flat.filter((v) => typeof v === "number").length;
        if (t.text === "IF") return (args[0] as TValue) ? (args[1] as TValue) : (args[2] as TValue);
        throw new Error(`unknown function ${t.text}`);
      }
      throw new Error(`bad token ${t.text} in ${formula}`);
    }
    function comparisonOrRange(): TValue | TValue[] {
      const t = peek();
      if (t?.kind === "ref" && t.text.includes(":")) return primary();
      return comparison();
    }
    function product(): TValue {
      let v = primary() as TValue;
      while (peek()?.text === "*" || peek()?.text === "/") {
        const op = take().text;
        const r = primary() as TValue;
        v = op === "*" ? num(v) * num(r) : num(v) / num(r);
      }
      return v;
    }
    function sum(): TValue {
      let v = product();
      while (peek()?.text === "+" || peek()?.text === "-") {
        const op = take().text;
        const r = product();
        v = op === "+" ? num(v) + num(r) : num(v) - num(r);
      }
      return v;
    }
    function comparison(): TValue {
      const v = sum();
      if (peek()?.text === "=") {
        take("=");
        return (num(v) === num(sum()) ? 1 : 0) as TValue;
      }
      return v;
    }
    const out = comparison();
    if (i !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
    return out;
  }

  return { cellValue, evaluate };
}
