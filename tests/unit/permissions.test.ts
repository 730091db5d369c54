import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";
import { can, scopePaths, type TCaller } from "@/lib/permissions";

const caller = (assignments: TCaller["assignments"]): TCaller => ({ userId: "u", email: "e@x.id", name: "n", mustChangePassword: false, assignments });

describe("permissions on the unit tree", () => {
  const kepala = caller([{ role: "KEPALA_UNIT", unitId: "b", unitPath: "/a/b/" }]);
  it("covers the unit and its subtree, not its parent or siblings", () => {
    expect(can(kepala, "dashboard.read", "/a/b/")).toBe(true);
    expect(can(kepala, "dashboard.read", "/a/b/c/")).toBe(true);
    expect(can(kepala, "dashboard.read", "/a/")).toBe(false);
    expect(can(kepala, "dashboard.read", "/a/bb/")).toBe(false); // a sibling whose id starts alike
    expect(can(kepala, "admin", "/a/b/")).toBe(false);
    expect(can(null, "unit.read", "/a/")).toBe(false);
  });
  it("takes the union of several assignments and keeps the outermost scope", () => {
    const both = caller([
      { role: "OPERATOR", unitId: "b", unitPath: "/a/b/" },
      { role: "PIMPINAN", unitId: "a", unitPath: "/a/" },
      { role: "OPERATOR", unitId: "d", unitPath: "/a/d/" },
    ]);
    expect(can(both, "dashboard.read", "/a/x/")).toBe(true);
    expect(can(both, "operate", "/a/x/")).toBe(false);
    expect(scopePaths(both, "unit.read")).toEqual(["/a/"]);
    expect(scopePaths(both, "operate")).toEqual(["/a/b/", "/a/d/"]);
  });
});

describe("password policy", () => {
  it("wants 10 characters and refuses common or email-based passwords", () => {
    expect(passwordProblem("short1!")).toBe("tooShort");
    expect(passwordProblem("password123")).toBe("tooCommon");
    expect(passwordProblem("Bismillah123")).toBe("tooCommon");
    expect(passwordProblem("indonesia2026!")).toBe("tooCommon");
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("tooCommon");
    expect(passwordProblem("budi.santoso-99", "budi.santoso@pemkab.go.id")).toBe("containsEmail");
    expect(passwordProblem("Loket-Cepat-Ramah-7")).toBeNull();
  });
});
