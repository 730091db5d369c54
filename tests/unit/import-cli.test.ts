// `npm run ikm -- <form export> --json` gives the import preview's figures (scripts/ikm.ts as a child process).
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMENPAN_14_2017 } from "@/lib/ikm";
import { previewFile } from "@/lib/import";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");

function runIkm(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["scripts/ikm.ts", ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("ikm command on online-form exports", () => {
  it("--json on the Google Forms export equals the import preview", async () => {
    const file = "tests/fixtures/import/google-forms.csv";
    const [run, imported] = await Promise.all([
      runIkm(file, "--json"),
      readFile(path.join(ROOT, file)).then((data) => previewFile(file, data, { template: PERMENPAN_14_2017, timeZone: "Asia/Jakarta" })),
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    const ikm = imported.preview.ikm;
    expect(json.source).toBe("google-forms");
    expect(json.respondents).toBe(ikm.respondents);
    expect(json.respondents).toBe(7);
    expect(json.ikm).toBe(ikm.ikm);
    expect(json.konversi).toBe(ikm.konversi);
    expect(json.konversiRounded).toBe(ikm.konversiRounded);
    expect(json.mutu).toBe(ikm.mutu);
    expect(json.priorities).toEqual(ikm.priorities);
    expect((json.unsur as { code: string; sum: number; answered: number; nrr: number }[]).map((u) => [u.code, u.answered, u.sum, u.nrr])).toEqual(
      ikm.items.map((i) => [i.code, i.answered, i.sum, i.nrr]),
    );
    expect((json.mapping as Record<string, unknown>).timestamp).toBe("Stempel waktu");
  }, 30_000);

  it("refuses a form export with an unknown label, naming row and column (exit 2)", async () => {
    const run = await runIkm("tests/fixtures/import/label-tak-dikenal.csv", "--json");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('Baris 3, kolom "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?": jawaban "Lumayan baik"');
  }, 30_000);

  it("still reads tabulations as before", async () => {
    const run = await runIkm("tests/fixtures/import/tabulasi-id.csv", "--json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { konversi: number; source?: string };
    expect(json.konversi).toBe(10625 / 132);
    expect(json.source).toBeUndefined();
  }, 30_000);
});
