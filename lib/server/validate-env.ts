// Imported once at server start (instrumentation.ts): a bad environment ends
// the process with one sentence naming the variable.
import { EnvError, serverEnv } from "@/lib/env";

try {
  serverEnv();
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(`[suara] ${err.message}`);
  process.exit(1);
}
