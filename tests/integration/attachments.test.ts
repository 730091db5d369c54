import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Plan attachments end to end on a real PostgreSQL: stored in the row and, with
// ATTACHMENTS_DIR, as a file; read back byte for byte; refused by their bytes;
// and read only by those who may read the plan's unit's dashboard.

let db: TestDatabase;
let att: typeof import("@/lib/dal/attachments");
let env: typeof import("@/lib/env");
let prisma: typeof import("@/lib/db").prisma;
const dir = mkdtempSync(path.join(tmpdir(), "suara-attachments-"));
const callers = {} as Record<"kepala" | "parent" | "sibling" | "child" | "pimpinanParent" | "operator", TCaller>;
const plan = {} as Record<"own" | "sibling", { id: string; unitId: string; progressId: string }>;
let uploaderId = "";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
/** A JPEG-looking file of `size` bytes, its content made of `seed`. */
const jpeg = (size: number, seed = 7, name = "bukti.jpg") => {
  const b = new Uint8Array(size).map((_, i) => (i * 31 + seed) % 251);
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  return new File([b], name, { type: "image/jpeg" });
};
const bytesOf = async (f: File) => new Uint8Array(await f.arrayBuffer());
const store = (file: File, target: "own" | "sibling" = "own", extra: { progress?: boolean; kind?: "FKP_MINUTES" | "EVIDENCE" } = {}) =>
  prisma.$transaction((tx) =>
    att.storeAttachment(tx, {
      unitId: plan[target].unitId,
      planId: plan[target].id,
      progressId: extra.progress ? plan[target].progressId : null,
      kind: extra.kind ?? "EVIDENCE",
      file,
      createdById: uploaderId,
    }),
  );
const row = (id: string) =>
  withClient(db.url, async (c) => (await c.query(`SELECT content_type, size, sha256, data, stored_path, filename, kind FROM attachment WHERE id = $1`, [id])).rows[0]);
const useDir = (value: string | undefined) => {
  if (value === undefined) delete process.env.ATTACHMENTS_DIR;
  else process.env.ATTACHMENTS_DIR = value;
  env.resetServerEnv();
};

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 20 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  delete process.env.ATTACHMENTS_DIR;
  att = await import("@/lib/dal/attachments");
  env = await import("@/lib/env");
  env.resetServerEnv();
  prisma = (await import("@/lib/db")).prisma;
  await withClient(db.url, async (c) => {
    const unit = async (code: string) => (await c.query(`SELECT id, path FROM unit WHERE code = $1`, [code])).rows[0] as { id: string; path: string };
    const user = async (key: keyof typeof callers, role: string, code: string) => {
      const u = await unit(code);
      const id = (await c.query(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), $1, $1) RETURNING id`, [`${key.toLowerCase()}@attach.test`])).rows[0].id;
      await c.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) VALUES (gen_random_uuid(), $1, $2, $3)`, [id, u.id, role]);
      callers[key] = { userId: id, email: `${key.toLowerCase()}@attach.test`, name: key, mustChangePassword: false, assignments: [{ role: role as never, unitId: u.id, unitPath: u.path }] };
    };
    await user("kepala", "KEPALA_UNIT", "DISDUKCAPIL");
    await user("parent", "KEPALA_UNIT", "KAB-SUKAMAJU");
    await user("sibling", "KEPALA_UNIT", "DINKES");
    await user("child", "KEPALA_UNIT", "DUKCAPIL-DAFDUK");
    await user("pimpinanParent", "PIMPINAN", "KAB-SUKAMAJU");
    await user("operator", "OPERATOR", "DISDUKCAPIL");
    uploaderId = callers.kepala.userId;
    const period = (await c.query(`SELECT id FROM survey_period WHERE kind = 'QUARTER' ORDER BY end_date LIMIT 1`)).rows[0].id;
    for (const [key, code] of [["own", "DISDUKCAPIL"], ["sibling", "DINKES"]] as const) {
      const u = await unit(code);
      const planId = (
        await c.query(
          `INSERT INTO follow_up_plan (id, unit_id, period_id, status, updated_at) VALUES (gen_random_uuid(), $1, $2, 'DRAFT', now())
           ON CONFLICT (unit_id, period_id) DO UPDATE SET updated_at = now() RETURNING id`,
          [u.id, period],
        )
      ).rows[0].id;
      const actionId = (await c.query(`INSERT INTO follow_up_action (id, plan_id, unsur_code, action, owner, updated_at) VALUES (gen_random_uuid(), $1, 'U3', 'Tambah loket', 'Kasi', now()) RETURNING id`, [planId])).rows[0].id;
      const progressId = (await c.query(`INSERT INTO follow_up_progress (id, action_id, progress) VALUES (gen_random_uuid(), $1, 50) RETURNING id`, [actionId])).rows[0].id;
      plan[key] = { id: planId, unitId: u.id, progressId };
    }
  });
});
afterAll(async () => {
  useDir(undefined);
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("storing and reading back", () => {
  it("keeps the bytes in the row by default and gives back the same bytes", async () => {
    useDir(undefined);
    const file = jpeg(300_000, 1, "../../Foto\u202eruang tunggu.jpg");
    const stored = await store(file, "own", { progress: true });
    expect(stored.ok).toBe(true);
    const id = (stored as { id: string }).id;
    const r = await row(id);
    expect(r).toMatchObject({ content_type: "image/jpeg", size: 300_000, stored_path: null, filename: "Fotoruang tunggu.jpg", kind: "EVIDENCE" });
    expect(r.sha256).toBe(sha(await bytesOf(file)));
    const back = (await att.readAttachment(callers.kepala, id))!;
    expect(back).toMatchObject({ filename: "Fotoruang tunggu.jpg", contentType: "image/jpeg", size: 300_000 });
    expect(Buffer.from(back.body).equals(Buffer.from(await bytesOf(file)))).toBe(true);
    expect(sha(back.body)).toBe(r.sha256);
  });

  it("with ATTACHMENTS_DIR writes a file named from the id, keeps its path relative, and reads it back", async () => {
    useDir(dir);
    const file = jpeg(ATTACHMENT_SIZE, 2);
    const stored = await store(file, "own", { kind: "FKP_MINUTES" });
    const id = (stored as { id: string }).id;
    const r = await row(id);
    expect(r.data).toBeNull();
    expect(r.stored_path).toBe(`${id.slice(0, 2)}/${id}`);
    expect(path.isAbsolute(r.stored_path)).toBe(false);
    const onDisk = readFileSync(path.join(dir, r.stored_path));
    expect(onDisk.equals(Buffer.from(await bytesOf(file)))).toBe(true);
    expect(readdirSync(path.join(dir, id.slice(0, 2))).filter((n) => n.endsWith(".tmp"))).toEqual([]); // no temporary left
    const back = (await att.readAttachment(callers.kepala, id))!;
    expect(sha(back.body)).toBe(r.sha256);
    expect(back.size).toBe(ATTACHMENT_SIZE);

    // A row kept in the database reads back the same while the folder is set.
    const inRow = (await att.listAttachments(callers.kepala, plan.own.id))!.find((a) => a.progressId !== null)!;
    expect((await att.readAttachment(callers.kepala, inRow.id))?.size).toBe(300_000);

    // The folder unset (or moved away) afterwards: the file-backed one is not found, the other still is.
    useDir(undefined);
    expect(await att.readAttachment(callers.kepala, id)).toBeNull();
    expect(await att.readAttachment(callers.kepala, inRow.id)).not.toBeNull();
    useDir(dir);
  });

  it("does not serve a file changed on disk after it was stored", async () => {
    useDir(dir);
    const id = ((await store(jpeg(1000, 3))) as { id: string }).id;
    const r = await row(id);
    const changed = readFileSync(path.join(dir, r.stored_path));
    changed[500] = changed[500]! ^ 0xff;
    writeFileSync(path.join(dir, r.stored_path), changed);
    expect(await att.readAttachment(callers.kepala, id)).toBeNull();
  });

  it("refuses by the bytes and by the size, writing nothing", async () => {
    useDir(dir);
    const before = await withClient(db.url, async (c) => Number((await c.query(`SELECT count(*) FROM attachment`)).rows[0].count));
    const filesBefore = readdirSync(dir, { recursive: true }).length;
    const text = new File(["Ini bukan foto, hanya teks yang dinamai .jpg\n"], "foto.jpg", { type: "image/jpeg" });
    expect(await store(text)).toEqual({ ok: false, error: "type" });
    const html = new File(["<!doctype html><script>alert(1)</script>"], "notulen.pdf", { type: "application/pdf" });
    expect(await store(html)).toEqual({ ok: false, error: "type" });
    expect(await store(jpeg(8 * 1024 * 1024 + 1))).toEqual({ ok: false, error: "tooLarge" });
    expect(await withClient(db.url, async (c) => Number((await c.query(`SELECT count(*) FROM attachment`)).rows[0].count))).toBe(before);
    expect(readdirSync(dir, { recursive: true }).length).toBe(filesBefore);
  });

  it("refuses a plan of another unit, or a progress entry of another plan, rolling the write back", async () => {
    useDir(undefined);
    const wrongUnit = prisma.$transaction((tx) =>
      att.storeAttachment(tx, { unitId: plan.own.unitId, planId: plan.sibling.id, progressId: null, kind: "EVIDENCE", file: jpeg(100), createdById: uploaderId }),
    );
    await expect(wrongUnit).rejects.toThrow(/not the unit's/);
    const wrongProgress = prisma.$transaction((tx) =>
      att.storeAttachment(tx, { unitId: plan.own.unitId, planId: plan.own.id, progressId: plan.sibling.progressId, kind: "EVIDENCE", file: jpeg(100), createdById: uploaderId }),
    );
    await expect(wrongProgress).rejects.toThrow(/not the plan's/);
    expect(await att.listAttachments(callers.sibling, plan.sibling.id)).toEqual([]);
  });

  it("leaves a stored file unserved when the write's transaction rolls back", async () => {
    useDir(dir);
    let id = "";
    await expect(
      prisma.$transaction(async (tx) => {
        const stored = await att.storeAttachment(tx, { unitId: plan.own.unitId, planId: plan.own.id, progressId: null, kind: "EVIDENCE", file: jpeg(2000, 9), createdById: uploaderId });
        id = (stored as { id: string }).id;
        throw new Error("a later step of the write failed");
      }),
    ).rejects.toThrow("a later step");
    expect(await row(id)).toBeUndefined();
    expect(await att.readAttachment(callers.kepala, id)).toBeNull();
    // The file was written before the row; it stays behind, referenced by nothing.
    expect(existsSync(path.join(dir, id.slice(0, 2), id))).toBe(true);
  });

  it("sweeps unreferenced files and stray temporaries once they are a day old, and nothing else", async () => {
    useDir(dir);
    const kept = ((await store(jpeg(500, 11))) as { id: string }).id;
    const orphan = "0a0a0a0a-0000-4000-8000-000000000001";
    const fresh = "0a0a0a0a-0000-4000-8000-000000000002";
    const temp = `.${orphan}.0123abcd.tmp`;
    const shard = path.join(dir, "0a");
    rmSync(shard, { recursive: true, force: true });
    mkdirSync(shard, { recursive: true });
    for (const name of [orphan, fresh, temp, "notes.txt"]) writeFileSync(path.join(shard, name), "x");
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    for (const name of [orphan, temp, "notes.txt"]) utimesSync(path.join(shard, name), twoDaysAgo, twoDaysAgo);
    const keptFile = path.join(dir, kept.slice(0, 2), kept);
    utimesSync(keptFile, twoDaysAgo, twoDaysAgo);

    const { removed } = await att.sweepAttachmentFiles();
    expect(removed).toBeGreaterThanOrEqual(2);
    expect(readdirSync(shard).sort()).toEqual([fresh, "notes.txt"].sort()); // too new, and not ours
    expect(existsSync(keptFile)).toBe(true);
    expect((await att.readAttachment(callers.kepala, kept))?.size).toBe(500);
    useDir(undefined);
    expect(await att.sweepAttachmentFiles()).toEqual({ removed: 0 });
  });
});

const ATTACHMENT_SIZE = 5 * 1024 * 1024 + 17;

describe("who may read", () => {
  let id = "";
  beforeAll(async () => {
    useDir(undefined);
    id = ((await store(jpeg(4096, 5), "own")) as { id: string }).id;
  });

  it("gives the attachment to whoever may read its unit's dashboard", async () => {
    expect(await att.readAttachment(callers.kepala, id)).not.toBeNull(); // own unit
    expect(await att.readAttachment(callers.parent, id)).not.toBeNull(); // kepala of the parent
    expect(await att.readAttachment(callers.pimpinanParent, id)).not.toBeNull();
  });

  it("is not found for anyone else, for an unknown id and for a malformed one", async () => {
    expect(await att.readAttachment(callers.sibling, id)).toBeNull();
    expect(await att.readAttachment(callers.child, id)).toBeNull(); // a role on a child only
    expect(await att.readAttachment(callers.operator, id)).toBeNull(); // no dashboard.read
    expect(await att.readAttachment(null, id)).toBeNull();
    expect(await att.readAttachment(callers.kepala, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await att.readAttachment(callers.kepala, "../../etc/passwd")).toBeNull();
  });

  it("lists a plan's attachments with their progress entry, for the same callers only", async () => {
    const list = (await att.listAttachments(callers.kepala, plan.own.id))!;
    expect(list.map((a) => a.id)).toContain(id);
    expect(list.every((a) => Object.keys(a).sort().join() === "contentType,createdAt,filename,id,kind,progressId,size")).toBe(true);
    expect(list.some((a) => a.progressId === plan.own.progressId && a.kind === "EVIDENCE")).toBe(true);
    expect(list.some((a) => a.kind === "FKP_MINUTES")).toBe(true);
    expect(await att.listAttachments(callers.pimpinanParent, plan.own.id)).toHaveLength(list.length);
    expect(await att.listAttachments(callers.sibling, plan.own.id)).toBeNull();
    expect(await att.listAttachments(callers.child, plan.own.id)).toBeNull();
    expect(await att.listAttachments(callers.operator, plan.own.id)).toBeNull();
    expect(await att.listAttachments(callers.kepala, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
