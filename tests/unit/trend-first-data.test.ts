import { describe, expect, it } from "vitest";
import { fromFirstData } from "@/lib/dashboard/trend";

// The screen's trend and the report's start at the same period: the first with a response.
describe("fromFirstData", () => {
  const p = (respondents: number, key: string) => ({ respondents, key });
  it("drops the periods before the first response, and keeps later empty ones", () => {
    expect(fromFirstData([p(0, "a"), p(0, "b"), p(3, "c"), p(0, "d"), p(5, "e")]).map((x) => x.key)).toEqual(["c", "d", "e"]);
  });
  it("keeps a trend that starts with data, and one with no data at all", () => {
    expect(fromFirstData([p(1, "a"), p(0, "b")]).map((x) => x.key)).toEqual(["a", "b"]);
    expect(fromFirstData([p(0, "a"), p(0, "b")]).map((x) => x.key)).toEqual(["a", "b"]);
  });
});
