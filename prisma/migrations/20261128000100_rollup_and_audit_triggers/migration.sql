-- Behaviour the Prisma schema cannot express: the per-unit per-day rollup kept
-- exact by a trigger on every write path, and an append-only audit log.

-- Day boundaries of the rollup follow the agency's clock. WIB is the default;
-- change with: ALTER DATABASE ... SET suara.timezone = 'Asia/Makassar';
CREATE OR REPLACE FUNCTION suara_timezone() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(NULLIF(current_setting('suara.timezone', true), ''), 'Asia/Jakarta')
$$;

-- Adds (sign = 1) or removes (sign = -1) one response from its rollup row.
CREATE OR REPLACE FUNCTION suara_rollup_apply(r response, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  item_sums   integer[];
  item_counts integer[];
  answered    integer;
  total       integer;
  respondent_mean double precision;
BEGIN
  SELECT array_agg(CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number'
                        THEN (r.answers ->> i.code)::integer ELSE 0 END ORDER BY i.position),
         array_agg(CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number' THEN 1 ELSE 0 END ORDER BY i.position)
    INTO item_sums, item_counts
    FROM template_item i
   WHERE i.version_id = r.template_version_id;

  IF item_sums IS NULL THEN
    RAISE EXCEPTION 'template version % has no items', r.template_version_id;
  END IF;

  SELECT sum(x) INTO answered FROM unnest(item_counts) AS x;
  SELECT sum(x) INTO total FROM unnest(item_sums) AS x;
  respondent_mean := CASE WHEN answered > 0 THEN total::double precision / answered ELSE 0 END;

  INSERT INTO unit_daily_rollup AS u
    (unit_id, service_id, day, template_version_id, channel, verified, suspicious,
     responses, sums, counts, mean_sum, mean_sum_sq)
  VALUES
    (r.unit_id,
     COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid),
     (r.submitted_at AT TIME ZONE suara_timezone())::date,
     r.template_version_id, r.channel, r.verified, r.suspicious,
     sign,
     ARRAY(SELECT sign * x FROM unnest(item_sums) AS x),
     ARRAY(SELECT sign * x FROM unnest(item_counts) AS x),
     sign * respondent_mean,
     sign * respondent_mean * respondent_mean)
  ON CONFLICT (unit_id, service_id, day, template_version_id, channel, verified, suspicious) DO UPDATE SET
    responses   = u.responses + EXCLUDED.responses,
    sums        = ARRAY(SELECT a + b FROM unnest(u.sums, EXCLUDED.sums) WITH ORDINALITY AS t(a, b, i) ORDER BY i),
    counts      = ARRAY(SELECT a + b FROM unnest(u.counts, EXCLUDED.counts) WITH ORDINALITY AS t(a, b, i) ORDER BY i),
    mean_sum    = u.mean_sum + EXCLUDED.mean_sum,
    mean_sum_sq = u.mean_sum_sq + EXCLUDED.mean_sum_sq;
END;
$$;

CREATE OR REPLACE FUNCTION suara_response_rollup_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM suara_rollup_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM suara_rollup_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER response_rollup
AFTER INSERT OR UPDATE OR DELETE ON response
FOR EACH ROW EXECUTE FUNCTION suara_response_rollup_trigger();

-- Rebuilds the whole rollup from the responses, set-based: for bulk loads
-- (with the trigger disabled) and as a repair tool. Must equal what the
-- trigger maintains; tests/integration check that.
CREATE OR REPLACE FUNCTION suara_rollup_rebuild() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM unit_daily_rollup;
  WITH scored AS (
    SELECT r.id, r.unit_id,
           COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid) AS service_id,
           (r.submitted_at AT TIME ZONE suara_timezone())::date AS day,
           r.template_version_id, r.channel, r.verified, r.suspicious,
           i.position,
           CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number' THEN (r.answers ->> i.code)::integer ELSE 0 END AS score,
           CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number' THEN 1 ELSE 0 END AS answered
      FROM response r
      JOIN template_item i ON i.version_id = r.template_version_id
  ), per_response AS (
    SELECT id, unit_id, service_id, day, template_version_id, channel, verified, suspicious,
           array_agg(score ORDER BY position) AS sums,
           array_agg(answered ORDER BY position) AS counts,
           CASE WHEN sum(answered) > 0 THEN sum(score)::double precision / sum(answered) ELSE 0 END AS m
      FROM scored
     GROUP BY id, unit_id, service_id, day, template_version_id, channel, verified, suspicious
  ), per_position AS (
    SELECT unit_id, service_id, day, template_version_id, channel, verified, suspicious, p.i,
           sum(p.s)::integer AS s, sum(p.c)::integer AS c
      FROM per_response,
           unnest(sums, counts) WITH ORDINALITY AS p(s, c, i)
     GROUP BY unit_id, service_id, day, template_version_id, channel, verified, suspicious, p.i
  ), arrays AS (
    SELECT unit_id, service_id, day, template_version_id, channel, verified, suspicious,
           array_agg(s ORDER BY i) AS sums, array_agg(c ORDER BY i) AS counts
      FROM per_position
     GROUP BY unit_id, service_id, day, template_version_id, channel, verified, suspicious
  ), totals AS (
    SELECT unit_id, service_id, day, template_version_id, channel, verified, suspicious,
           count(*)::integer AS responses, sum(m) AS mean_sum, sum(m * m) AS mean_sum_sq
      FROM per_response
     GROUP BY unit_id, service_id, day, template_version_id, channel, verified, suspicious
  )
  INSERT INTO unit_daily_rollup
    (unit_id, service_id, day, template_version_id, channel, verified, suspicious,
     responses, sums, counts, mean_sum, mean_sum_sq)
  SELECT t.unit_id, t.service_id, t.day, t.template_version_id, t.channel, t.verified, t.suspicious,
         t.responses, a.sums, a.counts, t.mean_sum, t.mean_sum_sq
    FROM totals t
    JOIN arrays a USING (unit_id, service_id, day, template_version_id, channel, verified, suspicious);
$$;

-- The audit log is append-only: who did what stays as it was written.
CREATE OR REPLACE FUNCTION suara_audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_append_only
BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION suara_audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION suara_audit_log_append_only();
