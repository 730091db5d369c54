import { beforeEach, describe, expect, it, vi } from "vitest";

// The draft buttons' server action reads `step` from the form, which anyone can forge: a
// name that is not one of the three steps (an Object.prototype property among them) is
// refused as a bad form, and no write runs.

const writes = vi.hoisted(() => ({
  publishDraft: vi.fn(async () => ({ ok: true, value: { version: 2 } })),
  startDraft: vi.fn(async () => ({ ok: true, value: undefined })),
  discardDraft: vi.fn(async () => ({ ok: true, value: undefined })),
  saveDraft: vi.fn(),
  createTemplate: vi.fn(),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({ redirect: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ getCaller: async () => ({ userId: "u", email: "a@b.c", name: "A", mustChangePassword: false, assignments: [] }) }));
vi.mock("@/lib/request/meta", () => ({ currentRequestMeta: async () => undefined }));
vi.mock("@/lib/dal/templates", () => writes);
vi.mock("@/lib/dal/unit-template", () => ({ setUnitTemplate: vi.fn() }));

const { draftStepAction } = await import("@/components/templates/actions");
const form = (step: string) => {
  const f = new FormData();
  f.set("key", "kuesioner-uji");
  f.set("step", step);
  return f;
};

beforeEach(() => vi.clearAllMocks());

describe("draftStepAction", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "", "PUBLISH"])("refuses the forged step %j cleanly", async (step) => {
    expect(await draftStepAction({}, form(step))).toEqual({ error: "form" });
    expect(writes.publishDraft).not.toHaveBeenCalled();
    expect(writes.startDraft).not.toHaveBeenCalled();
    expect(writes.discardDraft).not.toHaveBeenCalled();
  });

  it("runs the step named", async () => {
    expect(await draftStepAction({}, form("start"))).toEqual({ done: "start" });
    expect(writes.startDraft).toHaveBeenCalledTimes(1);
    expect(await draftStepAction({}, form("publish"))).toEqual({ done: "publish" });
    expect(writes.publishDraft).toHaveBeenCalledTimes(1);
    expect(await draftStepAction({}, form("discard"))).toEqual({ done: "discard" });
    expect(writes.discardDraft).toHaveBeenCalledTimes(1);
  });
});
