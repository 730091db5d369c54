import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";

// Attachments kept as files under ATTACHMENTS_DIR (when it is set). A file is named
// from the attachment's id, never from the uploader's name, in a folder of the id's
// first two characters (no folder of a hundred thousand names). It is written to a
// temporary name, flushed, and renamed into place, so a reader never sees half a
// file and a crash leaves at most a stray temporary file. The row stores the path
// relative to the folder, so the folder can move.

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Writes the bytes as the attachment `id`'s file; returns its path relative to `dir`. */
export async function writeAttachmentFile(dir: string, id: string, bytes: Uint8Array): Promise<string> {
  if (!ID.test(id)) throw new Error("an attachment file is named from its id");
  const relative = path.join(id.slice(0, 2), id);
  const final = path.join(path.resolve(dir), relative);
  await mkdir(path.dirname(final), { recursive: true, mode: 0o750 });
  const temp = `${path.dirname(final)}/.${id}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const handle = await open(temp, "wx", 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, final);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw err;
  }
  await syncFolder(path.dirname(final));
  return relative.split(path.sep).join("/");
}

/** The file's bytes, or null when it is missing or the stored path leads outside `dir`. */
export async function readAttachmentFile(dir: string, stored: string): Promise<Uint8Array | null> {
  const root = path.resolve(dir);
  const full = path.resolve(root, stored);
  if (path.relative(root, full).startsWith("..") || path.isAbsolute(path.relative(root, full))) return null;
  try {
    return new Uint8Array(await readFile(full));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

/** Removes the attachment's file if it is there (a write that rolled back after storing it). */
export async function removeAttachmentFile(dir: string, stored: string): Promise<void> {
  const root = path.resolve(dir);
  const full = path.resolve(root, stored);
  if (path.relative(root, full).startsWith("..")) return;
  await unlink(full).catch(() => {});
}

/** The rename is durable once the folder's entry is flushed (not every platform can open a folder). */
async function syncFolder(folder: string) {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

/** Files under `dir` last written before `before`: attachments ("ab/<id>") and stray temporaries. */
export async function oldAttachmentFiles(dir: string, before: Date): Promise<{ stored: string[]; temporary: string[] }> {
  const root = path.resolve(dir);
  const out = { stored: [] as string[], temporary: [] as string[] };
  const shards = await readdir(root, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
  for (const shard of shards) {
    if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
    for (const name of await readdir(path.join(root, shard.name))) {
      const temporary = /^\.[0-9a-f-]{36}\.[0-9a-f]{8}\.tmp$/.test(name);
      if (!temporary && !ID.test(name)) continue;
      const info = await stat(path.join(root, shard.name, name)).catch(() => null);
      if (!info?.isFile() || info.mtime >= before) continue;
      (temporary ? out.temporary : out.stored).push(`${shard.name}/${name}`);
    }
  }
  return out;
}
