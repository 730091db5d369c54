import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { deriveReplyCode, hashReplyCode, landsInInbox } from "@/lib/feedback/reply-code";
import { pool, prisma } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { maybePruneRateCounters, type TRateWindow } from "@/lib/dal/rate-limit";
import { getSurvey, surveyAsShown, type TSurvey } from "@/lib/dal/survey";
import type { Channel } from "@/lib/generated/prisma/enums";
import { toFieldErrors, ZIdempotencyKey, ZResponseInput, type TFieldErrors, type TResponse } from "@/lib/validation/response";

// The one path by which a citizen's response enters the database: the web
// form, the kiosk and POST /api/v1/responses all call submitResponse.
// Accepted = stored exactly once (the idempotency key is unique); rejected =
// nothing written.
//
// Not a defineWrite (lib/dal/write.ts), on purpose: the citizen is anonymous (no
// caller, no capability to check; the unit's survey is public) and a response is
// its own record, so it gets no audit entry. The common submit is one statement on
// the pg pool (replay check, rate windows, insert): an interactive transaction would
// add BEGIN/COMMIT round trips and Prisma's per-query work to the busiest path.
// It keeps the shape's rules all the same: zod parses the input first, and
// everything a submit writes is written together or not at all.

/** Hard limit per client (IP): beyond it the response is refused. SUARA_CLIENT_LIMIT sets it. */
export const CLIENT_LIMIT = {
  windowSeconds: 600,
  get max() {
    return serverEnv().SUARA_CLIENT_LIMIT;
  },
};
/** A kiosk serves a queue of citizens: a higher ceiling per device. */
export const KIOSK_LIMIT = { windowSeconds: 600, max: 200 };
/** More than this from one client in the window marks the response suspicious. */
export const CLIENT_BURST = 5;
/** More than this per unit per minute marks responses suspicious (a flood, not a queue). */
export const UNIT_BURST = { windowSeconds: 60, max: 60 };

export type TSubmitContext = {
  channel: Channel;
  /** Who is sending, for rate limits: a hashed IP, or the kiosk device id. Never stored with the response. */
  clientKey: string;
  kioskDeviceId?: string;
  /** The web form and kiosk ask for the service when a unit has several; the API may leave it out. */
  requireService: boolean;
  /** For late entries (paper, kiosk queue): when the citizen answered. */
  submittedAt?: Date;
};

export type TSubmitResult =
  | { ok: true; id: string; replayed: boolean; unitCode: string; verified: boolean; suspicious: boolean; replyCode: string | null }
  | { ok: false; status: 400 | 404 | 409 | 429; errors: TFieldErrors };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function submitResponse(raw: unknown, idempotencyKey: unknown, ctx: TSubmitContext): Promise<TSubmitResult> {
  const key = ZIdempotencyKey.safeParse(idempotencyKey);
  if (!key.success) return { ok: false, status: 400, errors: { idempotencyKey: "invalid" } };
  const parsed = ZResponseInput.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, errors: await allErrors(raw, parsed.error, ctx.requireService) };
  const input = parsed.data;

  const current = await getSurvey(input.unit);
  if (!current) return { ok: false, status: 404, errors: { unit: "unknownUnit" } };
  // Checked against, and counted on, the questionnaire version the form showed.
  const survey = await surveyAsShown(current, input.version);

  const checked = checkAgainstSurvey(input, survey, ctx.requireService);
  if ("errors" in checked) return { ok: false, status: 400, errors: checked.errors };

  const limit = ctx.channel === "KIOSK" ? KIOSK_LIMIT : CLIENT_LIMIT;
  const windows: TRateWindow[] = [
    { key: `resp:client:${ctx.clientKey}`, windowSeconds: limit.windowSeconds },
    { key: `resp:unit:${survey.unitId}`, windowSeconds: UNIT_BURST.windowSeconds },
  ];
  const id = randomUUID();
  const verified = !!input.token;
  // Derived, not random: a replay of the same submission shows the citizen the same code.
  const replyCode = landsInInbox(input.answers, input.saran) ? deriveReplyCode(serverEnv().AUTH_SECRET, key.data) : null;
  const row: Row = {
    id,
    unitId: survey.unitId,
    serviceId: checked.serviceId,
    templateVersionId: survey.templateVersionId,
    channel: ctx.channel,
    submittedAt: ctx.submittedAt ?? new Date(),
    answers: JSON.stringify(input.answers),
    harapan: input.harapan ? JSON.stringify(input.harapan) : null,
    gender: input.profile.gender ?? null,
    age: input.profile.age ?? null,
    education: input.profile.education ?? null,
    occupation: input.profile.occupation ?? null,
    saran: input.saran ?? null,
    key: key.data,
    verified,
    suspicious: false,
    locale: input.locale,
    kioskDeviceId: ctx.kioskDeviceId ?? null,
    replyCodeHash: replyCode ? hashReplyCode(replyCode) : null,
  };
  const flagRule = { honeypot: !!input.website, clientBurst: ctx.channel === "KIOSK" ? limit.max : CLIENT_BURST };

  if (!input.token && !input.contact) {
    // The common case in one statement: replay check, rate windows, insert.
    const one = await replayOrLimitOrInsert(row, windows, limit.max, flagRule);
    if (one.prior) return one.prior.unitId === survey.unitId ? replay(one.prior, survey, replyCode) : keyReused();
    if (one.clientCount > limit.max) return { ok: false, status: 429, errors: { form: "rateLimited" } };
    if (one.inserted) return { ok: true, id, replayed: false, unitCode: survey.unitCode, verified, suspicious: one.inserted.suspicious, replyCode };
    return raceLost(key.data, survey, replyCode);
  }

  // A retry of an accepted response is found and returned before any limit counts it.
  const { prior, counts } = await priorOrHit(key.data, windows);
  if (prior) return prior.unitId === survey.unitId ? replay(prior, survey, replyCode) : keyReused();
  const [clientCount, unitCount] = counts;
  if (clientCount! > limit.max) return { ok: false, status: 429, errors: { form: "rateLimited" } };
  const suspicious = flagRule.honeypot || unitCount! > UNIT_BURST.max || clientCount! > flagRule.clientBurst;
  row.suspicious = suspicious;

  // A token or contact details: all or nothing, in one transaction.
  type Outcome = { kind: "ok" } | { kind: "duplicate" } | { kind: "token"; code: "tokenUsed" | "tokenInvalid" };
  const outcome = await prisma
    .$transaction(async (tx): Promise<Outcome> => {
      if (!(await insertResponse(tx, row))) return { kind: "duplicate" };
      if (input.token) {
        const claimed = await tx.$executeRaw`
          UPDATE transaction_token SET used_at = now(), response_id = ${id}::uuid
           WHERE token_hash = ${hashToken(input.token)} AND unit_id = ${survey.unitId}::uuid AND used_at IS NULL
             AND (expires_at IS NULL OR expires_at > now())
             AND (service_id IS NULL OR service_id = ${checked.serviceId}::uuid)`;
        if (claimed !== 1) {
          const token = await tx.transactionToken.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { usedAt: true, unitId: true } });
          throw new TokenRefused(token?.usedAt && token.unitId === survey.unitId ? "tokenUsed" : "tokenInvalid");
        }
      }
      if (input.contact) {
        await tx.responseContact.create({
          data: { responseId: id, name: input.contact.name ?? null, phone: input.contact.phone ?? null, email: input.contact.email ?? null },
        });
      }
      return { kind: "ok" };
    })
    .catch((err) => {
      if (err instanceof TokenRefused) return { kind: "token", code: err.code } as Outcome;
      throw err;
    });
  if (outcome.kind === "ok") return { ok: true, id, replayed: false, unitCode: survey.unitCode, verified, suspicious, replyCode };
  if (outcome.kind === "token") return { ok: false, status: 409, errors: { token: outcome.code } };
  return raceLost(key.data, survey, replyCode);
}

/** Shape errors plus, where the core fields parse, the template's own: the citizen fixes everything in one go. */
async function allErrors(raw: unknown, error: Parameters<typeof toFieldErrors>[0], requireService: boolean): Promise<TFieldErrors> {
  const errors = toFieldErrors(error);
  const core = ZResponseInput.pick({ unit: true, service: true, answers: true }).safeParse(raw);
  if (!core.success) return errors;
  const survey = await getSurvey(core.data.unit);
  if (!survey) return { ...errors, unit: "unknownUnit" };
  const checked = checkAgainstSurvey({ ...core.data, harapan: undefined } as TResponse, survey, requireService);
  return "errors" in checked ? { ...checked.errors, ...errors } : errors;
}

class TokenRefused extends Error {
  constructor(readonly code: "tokenUsed" | "tokenInvalid") {
    super(code);
  }
}

function checkAgainstSurvey(
  input: TResponse,
  survey: TSurvey,
  requireService: boolean,
): { serviceId: string | null } | { errors: TFieldErrors } {
  const errors: TFieldErrors = {};
  let serviceId: string | null = null;
  if (input.service) {
    const service = survey.services.find((s) => s.code === input.service);
    if (service) serviceId = service.id;
    else errors.service = "unknownService";
  } else if (survey.services.length === 1) {
    serviceId = survey.services[0]!.id;
  } else if (requireService && survey.services.length > 1) {
    errors.service = "serviceRequired";
  }
  const codes = new Set(survey.items.map((i) => i.code));
  const { min, max } = survey.scale;
  for (const [code, score] of Object.entries(input.answers)) {
    if (!codes.has(code)) errors[`answers.${code}`] = "unknownItem";
    else if (score < min || score > max) errors[`answers.${code}`] = "scoreOutOfScale";
  }
  // Importance only where the questionnaire asks it: a stray one would show on the dashboards
  // as an importance chart nobody was asked for.
  if (input.harapan && Object.keys(input.harapan).length > 0 && !survey.asksHarapan) {
    errors.harapan = "harapanNotAsked";
  } else {
    for (const [code, score] of Object.entries(input.harapan ?? {})) {
      if (!codes.has(code)) errors[`harapan.${code}`] = "unknownItem";
      else if (score < min || score > max) errors[`harapan.${code}`] = "scoreOutOfScale";
    }
  }
  if (Object.keys(input.answers).length === 0) errors.answers = "noAnswer";
  return Object.keys(errors).length ? { errors } : { serviceId };
}

type Row = {
  id: string; unitId: string; serviceId: string | null; templateVersionId: string; channel: Channel; submittedAt: Date;
  answers: string; harapan: string | null; gender: string | null; age: number | null; education: string | null;
  occupation: string | null; saran: string | null; key: string; verified: boolean; suspicious: boolean; locale: string;
  kioskDeviceId: string | null; replyCodeHash: string | null;
};

type Db = Pick<typeof prisma, "$queryRaw">;

/** INSERT ... ON CONFLICT DO NOTHING: false when the key was taken meanwhile. */
async function insertResponse(db: Db, r: Row): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, answers, harapan,
                          gender, age, education, occupation, saran, idempotency_key, verified, suspicious, locale, kiosk_device_id,
                          reply_code_hash)
    VALUES (${r.id}::uuid, ${r.unitId}::uuid, ${r.serviceId}::uuid, ${r.templateVersionId}::uuid, ${r.channel}::"Channel",
            ${r.submittedAt}, ${r.answers}::jsonb, ${r.harapan}::jsonb, ${r.gender}::"Gender", ${r.age}::int,
            ${r.education}::"Education", ${r.occupation}::"Occupation", ${r.saran}, ${r.key}, ${r.verified}, ${r.suspicious},
            ${r.locale}, ${r.kioskDeviceId}::uuid, ${r.replyCodeHash})
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id`;
  return rows.length === 1;
}

type Prior = { id: string; unitId: string; verified: boolean; suspicious: boolean };

/**
 * One statement for the common submit: the response already stored under the
 * key (a retry: nothing counted), else count the hit in the rate windows and,
 * when the client is under its limit, insert the row with its suspicious flag
 * derived from the same counts (a burst is flagged, never dropped).
 */
async function replayOrLimitOrInsert(
  r: Row,
  windows: TRateWindow[],
  clientMax: number,
  rule: { honeypot: boolean; clientBurst: number },
): Promise<{ prior: Prior | null; clientCount: number; inserted: { suspicious: boolean } | null }> {
  const keys = windows.map((w) => w.key);
  const seconds = windows.map((w) => w.windowSeconds);
  const { rows } = await pool().query<{ prior: Prior | null; client_count: number | null; inserted: { suspicious: boolean } | null }>(
    `WITH prior AS (
       SELECT id, unit_id AS "unitId", verified, suspicious FROM response WHERE idempotency_key = $14
     ), hit AS (
       INSERT INTO rate_limit_counter AS c (key, window_start, count, expires_at)
       SELECT k, to_timestamp(floor(extract(epoch FROM now()) / s) * s), 1, to_timestamp(floor(extract(epoch FROM now()) / s) * s + s)
         FROM unnest($19::text[], $20::int[]) AS w(k, s)
        WHERE NOT EXISTS (SELECT 1 FROM prior)
       ON CONFLICT (key, window_start) DO UPDATE SET count = c.count + 1
       RETURNING key, count
     ), counts AS (
       SELECT coalesce((SELECT count FROM hit WHERE key = ($19::text[])[1]), 0) AS client_count,
              coalesce((SELECT count FROM hit WHERE key = ($19::text[])[2]), 0) AS unit_count
     ), ins AS (
       INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, answers, harapan,
                             gender, age, education, occupation, saran, idempotency_key, verified, suspicious, locale, kiosk_device_id,
                             reply_code_hash)
       SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::"Channel", $6::timestamptz, $7::jsonb, $8::jsonb, $9::"Gender", $10::int,
              $11::"Education", $12::"Occupation", $13, $14, $15,
              $21::boolean OR counts.unit_count > $22 OR counts.client_count > $23,
              $16, $17::uuid, $24
         FROM counts
        WHERE NOT EXISTS (SELECT 1 FROM prior) AND counts.client_count <= $18
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING suspicious
     )
     SELECT (SELECT row_to_json(prior) FROM prior) AS prior,
            (SELECT client_count FROM counts) AS client_count,
            (SELECT row_to_json(ins) FROM ins) AS inserted`,
    [
      r.id, r.unitId, r.serviceId, r.templateVersionId, r.channel, r.submittedAt, r.answers, r.harapan, r.gender, r.age,
      r.education, r.occupation, r.saran, r.key, r.verified, r.locale, r.kioskDeviceId, clientMax,
      keys, seconds, rule.honeypot, UNIT_BURST.max, rule.clientBurst, r.replyCodeHash,
    ],
  );
  const row = rows[0];
  maybePruneRateCounters();
  return { prior: row?.prior ?? null, clientCount: Number(row?.client_count ?? 0), inserted: row?.inserted ?? null };
}

/** The response already stored under `key`, or else the rate windows' counts after this hit. */
async function priorOrHit(key: string, windows: TRateWindow[]): Promise<{ prior: Prior | null; counts: number[] }> {
  const keys = windows.map((w) => w.key);
  const seconds = windows.map((w) => w.windowSeconds);
  const [row] = await prisma.$queryRaw<{ prior: Prior | null; hits: { key: string; count: number }[] | null }[]>`
    WITH prior AS (
      SELECT id, unit_id AS "unitId", verified, suspicious FROM response WHERE idempotency_key = ${key}
    ), hit AS (
      INSERT INTO rate_limit_counter AS c (key, window_start, count, expires_at)
      SELECT k, to_timestamp(floor(extract(epoch FROM now()) / s) * s), 1, to_timestamp(floor(extract(epoch FROM now()) / s) * s + s)
        FROM unnest(${keys}::text[], ${seconds}::int[]) AS w(k, s)
       WHERE NOT EXISTS (SELECT 1 FROM prior)
      ON CONFLICT (key, window_start) DO UPDATE SET count = c.count + 1
      RETURNING key, count
    )
    SELECT (SELECT row_to_json(prior) FROM prior) AS prior, (SELECT json_agg(hit) FROM hit) AS hits`;
  const byKey = new Map((row?.hits ?? []).map((h) => [h.key, Number(h.count)]));
  maybePruneRateCounters();
  return { prior: row?.prior ?? null, counts: keys.map((k) => byKey.get(k) ?? 0) };
}

async function findByKey(key: string): Promise<Prior | null> {
  return prisma.response.findUnique({ where: { idempotencyKey: key }, select: { id: true, unitId: true, verified: true, suspicious: true } });
}

function replay(prior: Prior, survey: TSurvey, replyCode: string | null): TSubmitResult {
  return { ok: true, id: prior.id, replayed: true, unitCode: survey.unitCode, verified: prior.verified, suspicious: prior.suspicious, replyCode };
}

function keyReused(): TSubmitResult {
  return { ok: false, status: 409, errors: { idempotencyKey: "keyReused" } };
}

async function raceLost(key: string, survey: TSurvey, replyCode: string | null): Promise<TSubmitResult> {
  const prior = await findByKey(key);
  if (!prior) throw new Error("idempotency conflict without a row");
  return prior.unitId === survey.unitId ? replay(prior, survey, replyCode) : keyReused();
}
