-- Hand-written.
--
-- An import adds (or its undo removes) thousands of responses in one transaction. Row by row,
-- the rollup trigger updates the same few rollup rows once per response (about 1 ms each);
-- set-based, the batch is grouped first and each rollup row is updated once. The import sets
-- `suara.rollup_bulk` for its transaction only, the trigger then leaves the rows to
-- suara_rollup_apply_batch, which adds exactly what the trigger would have (the same rounded
-- mean, profile vector and local day).

CREATE OR REPLACE FUNCTION suara_response_rollup_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('suara.rollup_bulk', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM suara_rollup_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM suara_rollup_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;

-- Element-wise sum of integer arrays (suara_array_add as an aggregate).
CREATE AGGREGATE suara_array_sum(integer[]) (SFUNC = suara_array_add, STYPE = integer[]);

-- Adds (sign = 1) or removes (sign = -1) every response of an import batch to or from the
-- daily, monthly and summary rollups, one statement per table.
CREATE OR REPLACE FUNCTION suara_rollup_apply_batch(batch uuid, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := suara_timezone();
BEGIN
  CREATE TEMP TABLE suara_batch_days ON COMMIT DROP AS
  WITH per AS (
    SELECT r.unit_id,
           COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid) AS service_id,
           (r.submitted_at AT TIME ZONE tz)::date AS day,
           r.template_version_id, r.channel, r.verified, r.suspicious,
           v.item_sums, v.item_counts, v.harapan_sums, v.harapan_counts,
           CASE WHEN v.answered <> 0 THEN round(v.total::numeric / v.answered, 12) ELSE 0 END AS m,
           suara_profile_vector(r.gender, r.age, r.education, r.occupation) AS profile
      FROM response r
      CROSS JOIN LATERAL (
        SELECT array_agg(CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number' THEN (r.answers ->> i.code)::integer ELSE 0 END ORDER BY i.position) AS item_sums,
               array_agg(CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number' THEN 1 ELSE 0 END ORDER BY i.position) AS item_counts,
               array_agg(CASE WHEN jsonb_typeof(r.harapan -> i.code) = 'number' THEN (r.harapan ->> i.code)::integer ELSE 0 END ORDER BY i.position) AS harapan_sums,
               array_agg(CASE WHEN jsonb_typeof(r.harapan -> i.code) = 'number' THEN 1 ELSE 0 END ORDER BY i.position) AS harapan_counts,
               sum(CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number' THEN 1 ELSE 0 END) AS answered,
               sum(CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number' THEN (r.answers ->> i.code)::integer ELSE 0 END) AS total
          FROM template_item i WHERE i.version_id = r.template_version_id
      ) v
     WHERE r.import_batch_id = batch
  )
  SELECT unit_id, service_id, day, template_version_id, channel, verified, suspicious,
         count(*)::integer AS responses,
         suara_array_sum(item_sums) AS sums, suara_array_sum(item_counts) AS counts,
         sum(m) AS mean_sum, sum(m * m) AS mean_sum_sq,
         suara_array_sum(harapan_sums) AS harapan_sums, suara_array_sum(harapan_counts) AS harapan_counts,
         suara_array_sum(profile) AS profile
    FROM per
   GROUP BY unit_id, service_id, day, template_version_id, channel, verified, suspicious;

  INSERT INTO unit_daily_rollup AS u
    (unit_id, service_id, day, template_version_id, channel, verified, suspicious,
     responses, sums, counts, mean_sum, mean_sum_sq, harapan_sums, harapan_counts, profile)
  SELECT unit_id, service_id, day, template_version_id, channel, verified, suspicious,
         sign * responses, ARRAY(SELECT sign * x FROM unnest(sums) AS x), ARRAY(SELECT sign * x FROM unnest(counts) AS x),
         sign * mean_sum, sign * mean_sum_sq,
         ARRAY(SELECT sign * x FROM unnest(harapan_sums) AS x), ARRAY(SELECT sign * x FROM unnest(harapan_counts) AS x),
         ARRAY(SELECT sign * x FROM unnest(profile) AS x)
    FROM suara_batch_days
  ON CONFLICT (unit_id, service_id, day, template_version_id, channel, verified, suspicious) DO UPDATE SET
    responses      = u.responses + EXCLUDED.responses,
    sums           = suara_array_add(u.sums, EXCLUDED.sums),
    counts         = suara_array_add(u.counts, EXCLUDED.counts),
    mean_sum       = u.mean_sum + EXCLUDED.mean_sum,
    mean_sum_sq    = u.mean_sum_sq + EXCLUDED.mean_sum_sq,
    harapan_sums   = suara_array_add(u.harapan_sums, EXCLUDED.harapan_sums),
    harapan_counts = suara_array_add(u.harapan_counts, EXCLUDED.harapan_counts),
    profile        = suara_array_add(u.profile, EXCLUDED.profile);

  INSERT INTO unit_monthly_rollup AS u
    (unit_id, service_id, month, template_version_id, channel, verified, suspicious,
     responses, sums, counts, mean_sum, mean_sum_sq, harapan_sums, harapan_counts, profile)
  SELECT unit_id, service_id, month, template_version_id, channel, verified, suspicious,
         sign * responses, ARRAY(SELECT sign * x FROM unnest(sums) AS x), ARRAY(SELECT sign * x FROM unnest(counts) AS x),
         sign * mean_sum, sign * mean_sum_sq,
         ARRAY(SELECT sign * x FROM unnest(harapan_sums) AS x), ARRAY(SELECT sign * x FROM unnest(harapan_counts) AS x),
         ARRAY(SELECT sign * x FROM unnest(profile) AS x)
    FROM (SELECT unit_id, service_id, date_trunc('month', day)::date AS month, template_version_id, channel, verified, suspicious,
                 sum(responses)::integer AS responses, suara_array_sum(sums) AS sums, suara_array_sum(counts) AS counts,
                 sum(mean_sum) AS mean_sum, sum(mean_sum_sq) AS mean_sum_sq, suara_array_sum(harapan_sums) AS harapan_sums,
                 suara_array_sum(harapan_counts) AS harapan_counts, suara_array_sum(profile) AS profile
            FROM suara_batch_days GROUP BY 1, 2, 3, 4, 5, 6, 7) g
  ON CONFLICT (unit_id, service_id, month, template_version_id, channel, verified, suspicious) DO UPDATE SET
    responses      = u.responses + EXCLUDED.responses,
    sums           = suara_array_add(u.sums, EXCLUDED.sums),
    counts         = suara_array_add(u.counts, EXCLUDED.counts),
    mean_sum       = u.mean_sum + EXCLUDED.mean_sum,
    mean_sum_sq    = u.mean_sum_sq + EXCLUDED.mean_sum_sq,
    harapan_sums   = suara_array_add(u.harapan_sums, EXCLUDED.harapan_sums),
    harapan_counts = suara_array_add(u.harapan_counts, EXCLUDED.harapan_counts),
    profile        = suara_array_add(u.profile, EXCLUDED.profile);

  INSERT INTO unit_monthly_summary AS u
    (unit_id, month, template_version_id, suspicious,
     responses, sums, counts, mean_sum, mean_sum_sq, harapan_sums, harapan_counts, profile)
  SELECT unit_id, month, template_version_id, suspicious,
         sign * responses, ARRAY(SELECT sign * x FROM unnest(sums) AS x), ARRAY(SELECT sign * x FROM unnest(counts) AS x),
         sign * mean_sum, sign * mean_sum_sq,
         ARRAY(SELECT sign * x FROM unnest(harapan_sums) AS x), ARRAY(SELECT sign * x FROM unnest(harapan_counts) AS x),
         ARRAY(SELECT sign * x FROM unnest(profile) AS x)
    FROM (SELECT unit_id, date_trunc('month', day)::date AS month, template_version_id, suspicious,
                 sum(responses)::integer AS responses, suara_array_sum(sums) AS sums, suara_array_sum(counts) AS counts,
                 sum(mean_sum) AS mean_sum, sum(mean_sum_sq) AS mean_sum_sq, suara_array_sum(harapan_sums) AS harapan_sums,
                 suara_array_sum(harapan_counts) AS harapan_counts, suara_array_sum(profile) AS profile
            FROM suara_batch_days GROUP BY 1, 2, 3, 4) g
  ON CONFLICT (unit_id, month, template_version_id, suspicious) DO UPDATE SET
    responses      = u.responses + EXCLUDED.responses,
    sums           = suara_array_add(u.sums, EXCLUDED.sums),
    counts         = suara_array_add(u.counts, EXCLUDED.counts),
    mean_sum       = u.mean_sum + EXCLUDED.mean_sum,
    mean_sum_sq    = u.mean_sum_sq + EXCLUDED.mean_sum_sq,
    harapan_sums   = suara_array_add(u.harapan_sums, EXCLUDED.harapan_sums),
    harapan_counts = suara_array_add(u.harapan_counts, EXCLUDED.harapan_counts),
    profile        = suara_array_add(u.profile, EXCLUDED.profile);

  DROP TABLE suara_batch_days;
END;
$$;
