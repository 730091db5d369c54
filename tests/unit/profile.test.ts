import { describe, expect, it } from "vitest";
import { ageBand, PROFILE_LAYOUT, PROFILE_SLOTS, profileVector, readProfile } from "@/lib/profile";

describe("respondent profile layout", () => {
  it("has one slot per answer plus a 'not given' slot per question (25, as the database's vector)", () => {
    expect(PROFILE_LAYOUT.map((q) => q.answers.length)).toEqual([3, 7, 8, 7]);
    expect(PROFILE_SLOTS).toBe(25);
  });

  it("bands ages on their edges", () => {
    expect([10, 19, 20, 29, 30, 39, 40, 49, 50, 59, 60, 120].map(ageBand)).toEqual([
      "<20", "<20", "20-29", "20-29", "30-39", "30-39", "40-49", "40-49", "50-59", "50-59", ">=60", ">=60",
    ]);
  });

  it("puts each respondent in exactly one slot per question, and reads summed vectors back", () => {
    const a = profileVector({ gender: "P", age: 34, education: "S1", occupation: "SWASTA" });
    const b = profileVector({});
    expect(a.reduce((x, y) => x + y)).toBe(4);
    expect(b.reduce((x, y) => x + y)).toBe(4);
    const sum = a.map((x, i) => x + b[i]!);
    const profile = readProfile(sum);
    expect(profile.gender).toEqual([{ answer: "L", respondents: 0 }, { answer: "P", respondents: 1 }, { answer: "-", respondents: 1 }]);
    expect(profile.age.find((x) => x.answer === "30-39")!.respondents).toBe(1);
    expect(profile.education.find((x) => x.answer === "S1")!.respondents).toBe(1);
    expect(profile.occupation.find((x) => x.answer === "-")!.respondents).toBe(1);
    expect(() => profileVector({ education: "SMK" })).toThrow(/education/);
  });
});
