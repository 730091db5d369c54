// Runs once when a server starts: refuse to serve with a bad environment.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("@/lib/server/validate-env");
  }
}
