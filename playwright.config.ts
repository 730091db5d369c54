import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (Playwright's own browser download
// does not work offline). The app is started by the real launcher against the
// database scripts/test.ts prepared (E2E_DATABASE_URL), or the embedded one.
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
/** Where the app sends email: an SMTP server the spec that reads the mail starts (tests/support/smtp.ts). */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 2000);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // A dashboard's first render on a cold server, on a loaded 2-core CI machine, can take more
  // than Playwright's default 5 s to stream in; an assertion still fails if it never comes.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // testMatch/testIgnore are matched against the absolute path: anchored to the spec's own name, so a
  // checkout under a folder called "staff" or "api" does not drop a project's tests.
  projects: [
    // The citizen's pages are phone-first: they run on the phone (the home page on both), everything staff or public on the desktop
    // (public-results' run without JavaScript sets a phone-sized viewport itself).
    { name: "phone", use: { ...devices["Pixel 7"], browserName: "chromium" }, testMatch: /[\\/]e2e[\\/](survey|kiosk|api|home)[^\\/]*\.spec\.ts$/ },
    { name: "desktop", use: { ...devices["Desktop Chrome"], browserName: "chromium" }, testIgnore: /[\\/]e2e[\\/](survey|kiosk|api)[^\\/]*\.spec\.ts$/ },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      SUARA_HOST: "127.0.0.1",
      SUARA_SKIP_DOTENV: "1",
      SUARA_SEED_RESPONSES: process.env.SUARA_SEED_RESPONSES ?? "20000",
      // Every test browser comes from 127.0.0.1: one "client" for the rate limit.
      SUARA_CLIENT_LIMIT: "100000",
      SUARA_LOGIN_CLIENT_LIMIT: "100000",
      // The public results stay in the web server's memory until a publish drops them, so a
      // spec sees whether it did (staff-publication.spec.ts).
      SUARA_PUBLIC_CACHE_SECONDS: "600",
      // Nothing listens there but during the spec that reads the mail: elsewhere a send fails and is recorded FAILED.
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "IKM Kabupaten Sukamaju <ikm@sukamaju.test>",
      ...(process.env.E2E_DATABASE_URL
        ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
        : { SUARA_DATA_DIR: process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e-data" }),
    },
  },
});
