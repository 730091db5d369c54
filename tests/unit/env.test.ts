import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, ZLauncherEnv, ZServerEnv } from "@/lib/env";
import { formatDate, formatNumber, parseLocale } from "@/lib/i18n";

const secret = "x".repeat(32);

describe("environment", () => {
  it("gives the launcher local defaults", () => {
    expect(parseEnv(ZLauncherEnv, {})).toMatchObject({ PORT: 3000, SUARA_DATA_DIR: ".data", SUARA_SEED: "auto", SUARA_SEED_RESPONSES: 50_000 });
  });

  it("treats empty values as unset", () => {
    expect(parseEnv(ZLauncherEnv, { DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names every missing or bad variable in one sentence", () => {
    expect(() => parseEnv(ZServerEnv, {})).toThrow(new EnvError("Configuration error: DATABASE_URL is not set; AUTH_SECRET is not set."));
    expect(() => parseEnv(ZServerEnv, { DATABASE_URL: "mysql://db", AUTH_SECRET: "short" })).toThrow(
      /^Configuration error: DATABASE_URL must be a postgresql:\/\/ URL; AUTH_SECRET must be at least 32 characters/,
    );
    expect(() => parseEnv(ZLauncherEnv, { PORT: "http" })).toThrow(/PORT /);
  });

  it("accepts a complete server environment", () => {
    const env = parseEnv(ZServerEnv, { DATABASE_URL: "postgresql://u@h:5432/d", AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", DATABASE_POOL_SIZE: "4" });
    expect(env).toMatchObject({ DATABASE_POOL_SIZE: 4, AUTH_TRUST_HOST: true, NODE_ENV: "production" });
  });

  it("takes email settings only together, as an SMTP URL and a sender", () => {
    const base = { DATABASE_URL: "postgresql://u@h:5432/d", AUTH_SECRET: secret };
    expect(parseEnv(ZServerEnv, base).SMTP_URL).toBeUndefined();
    expect(parseEnv(ZServerEnv, { ...base, SMTP_URL: "smtp://u:p@mail.example.go.id:587", MAIL_FROM: "IKM <ikm@example.go.id>" })).toMatchObject({ MAIL_FROM: "IKM <ikm@example.go.id>" });
    expect(() => parseEnv(ZServerEnv, { ...base, SMTP_URL: "smtp://mail.example.go.id" })).toThrow(/MAIL_FROM must be set/);
    expect(() => parseEnv(ZServerEnv, { ...base, SMTP_URL: "http://mail", MAIL_FROM: "a@b.c" })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => parseEnv(ZServerEnv, { ...base, SMTP_URL: "smtp://mail", MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM must be/);
  });
});

describe("reader's language", () => {
  it("defaults to Indonesian", () => {
    expect(parseLocale(undefined)).toBe("id");
    expect(parseLocale("fr")).toBe("id");
    expect(parseLocale("en")).toBe("en");
  });

  it("formats numbers and dates for the reader", () => {
    expect(formatNumber("id", 91.475, 2)).toBe("91,48");
    expect(formatNumber("en", 91.475, 2)).toBe("91.48");
    expect(formatNumber("id", 50000)).toBe("50.000");
    expect(formatDate("id", new Date("2026-11-28T03:00:00Z"))).toBe("28 Nov 2026");
    expect(formatDate("en", new Date("2026-11-28T03:00:00Z"))).toBe("28 Nov 2026");
    // 23:30 UTC is already the next day in WIB.
    expect(formatDate("id", new Date("2026-11-27T23:30:00Z"))).toBe("28 Nov 2026");
  });
});
