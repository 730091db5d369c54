-- AlterTable
ALTER TABLE "unit_daily_rollup" ALTER COLUMN "mean_sum" SET DATA TYPE DECIMAL(32,12),
ALTER COLUMN "mean_sum_sq" SET DATA TYPE DECIMAL(40,24);

-- AlterTable
ALTER TABLE "unit_monthly_rollup" ALTER COLUMN "mean_sum" SET DATA TYPE DECIMAL(32,12),
ALTER COLUMN "mean_sum_sq" SET DATA TYPE DECIMAL(40,24);

-- AlterTable
ALTER TABLE "unit_monthly_summary" ALTER COLUMN "mean_sum" SET DATA TYPE DECIMAL(32,12),
ALTER COLUMN "mean_sum_sq" SET DATA TYPE DECIMAL(40,24);

-- Hand-written from here.
--
-- Each respondent's own mean (for the confidence interval) was summed in double
-- precision: rows added in a different order (per unit then across units, or per
-- month then across months) gave sums a few ulps apart, so one period showed two
-- slightly different intervals. The mean is now rounded to 12 decimals and every
-- sum is exact (numeric here, bigint in lib/dashboard/pool.ts).

-- Adds (sign = 1) or removes (sign = -1) one response from its daily row, its
-- monthly row and its monthly summary row.
CREATE OR REPLACE FUNCTION suara_rollup_apply(r response, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  item_sums      integer[];
  item_counts    integer[];
  harapan_sums   integer[];
  harapan_counts integer[];
  profile        integer[];
  answered integer;
  total    integer;
  m        numeric;
  local_day date;
BEGIN
  SELECT array_agg(CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number'
                        THEN sign * (r.answers ->> i.code)::integer ELSE 0 END ORDER BY i.position),
         array_agg(CASE WHEN jsonb_typeof(r.answers -> i.code) = 'number' THEN sign ELSE 0 END ORDER BY i.position),
         array_agg(CASE WHEN jsonb_typeof(r.harapan -> i.code) = 'number'
                        THEN sign * (r.harapan ->> i.code)::integer ELSE 0 END ORDER BY i.position),
         array_agg(CASE WHEN jsonb_typeof(r.harapan -> i.code) = 'number' THEN sign ELSE 0 END ORDER BY i.position)
    INTO item_sums, item_counts, harapan_sums, harapan_counts
    FROM template_item i
   WHERE i.version_id = r.template_version_id;

  IF item_sums IS NULL THEN
    RAISE EXCEPTION 'template version % has no items', r.template_version_id;
  END IF;

  SELECT sum(x) INTO answered FROM unnest(item_counts) AS x;
  SELECT sum(x) INTO total FROM unnest(item_sums) AS x;
  -- The respondent's own mean score (signs cancel), rounded to 12 decimals: an exact numeric,
  -- so sums over any grouping of rows are the same value.
  m := CASE WHEN answered <> 0 THEN round(total::numeric / answered, 12) ELSE 0 END;
  profile := ARRAY(SELECT sign * x FROM unnest(suara_profile_vector(r.gender, r.age, r.education, r.occupation)) AS x);
  local_day := (r.submitted_at AT TIME ZONE suara_timezone())::date;

  INSERT INTO unit_daily_rollup AS u
    (unit_id, service_id, day, template_version_id, channel, verified, suspicious,
     responses, sums, counts, mean_sum, mean_sum_sq, harapan_sums, harapan_counts, profile)
  VALUES
    (r.unit_id, COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid), local_day,
     r.template_version_id, r.channel, r.verified, r.suspicious,
     sign, item_sums, item_counts, sign * m, sign * m * m, harapan_sums, harapan_counts, profile)
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
  VALUES
    (r.unit_id, COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid),
     date_trunc('month', local_day)::date,
     r.template_version_id, r.channel, r.verified, r.suspicious,
     sign, item_sums, item_counts, sign * m, sign * m * m, harapan_sums, harapan_counts, profile)
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
  VALUES
    (r.unit_id, date_trunc('month', local_day)::date, r.template_version_id, r.suspicious,
     sign, item_sums, item_counts, sign * m, sign * m * m, harapan_sums, harapan_counts, profile)
  ON CONFLICT (unit_id, month, template_version_id, suspicious) DO UPDATE SET
    responses      = u.responses + EXCLUDED.responses,
    sums           = suara_array_add(u.sums, EXCLUDED.sums),
    counts         = suara_array_add(u.counts, EXCLUDED.counts),
    mean_sum       = u.mean_sum + EXCLUDED.mean_sum,
    mean_sum_sq    = u.mean_sum_sq + EXCLUDED.mean_sum_sq,
    harapan_sums   = suara_array_add(u.harapan_sums, EXCLUDED.harapan_sums),
    harapan_counts = suara_array_add(u.harapan_counts, EXCLUDED.harapan_counts),
    profile        = suara_array_add(u.profile, EXCLUDED.profile);
END;
$$;

-- Rebuilds the rollups from the responses, set-based: for bulk loads (with
-- the trigger disabled) and as a repair tool. Must equal what the trigger
-- maintains; tests/integration check that. One pass over each template
-- version's responses with a column per item (the version's item codes are
-- spelled into the statement), so it needs no per-response join or sort:
-- millions of responses rebuild in minutes.
CREATE OR REPLACE FUNCTION suara_rollup_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v record;
  tz text := suara_timezone();
  item_cols text;
  answered text;
  total text;
  sums text;
  counts text;
  harapan_sums text;
  harapan_counts text;
  profile text;
  positions text;
BEGIN
  DELETE FROM unit_daily_rollup;
  DELETE FROM unit_monthly_rollup;
  DELETE FROM unit_monthly_summary;
  SELECT 'ARRAY[' || string_agg(format('count(*) FILTER (WHERE %s = ANY (p))', s), ', ' ORDER BY s) || ']::integer[]'
    INTO profile FROM generate_series(1, 25) AS s;
  FOR v IN SELECT version_id, array_agg(code ORDER BY position) AS codes FROM template_item GROUP BY version_id LOOP
    SELECT string_agg(format(
             'CASE WHEN jsonb_typeof(r.answers -> %1$L) = ''number'' THEN (r.answers ->> %1$L)::integer END AS s%2$s, '
             'CASE WHEN jsonb_typeof(r.harapan -> %1$L) = ''number'' THEN (r.harapan ->> %1$L)::integer END AS h%2$s', c, i), ', ' ORDER BY i),
           string_agg(format('(s%s IS NOT NULL)::integer', i), ' + ' ORDER BY i),
           string_agg(format('coalesce(s%s, 0)', i), ' + ' ORDER BY i),
           'ARRAY[' || string_agg(format('coalesce(sum(s%s), 0)', i), ', ' ORDER BY i) || ']::integer[]',
           'ARRAY[' || string_agg(format('count(s%s)', i), ', ' ORDER BY i) || ']::integer[]',
           'ARRAY[' || string_agg(format('coalesce(sum(h%s), 0)', i), ', ' ORDER BY i) || ']::integer[]',
           'ARRAY[' || string_agg(format('count(h%s)', i), ', ' ORDER BY i) || ']::integer[]'
      INTO item_cols, answered, total, sums, counts, harapan_sums, harapan_counts
      FROM unnest(v.codes) WITH ORDINALITY AS t(c, i);

    EXECUTE format($sql$
      INSERT INTO unit_daily_rollup
        (unit_id, service_id, day, template_version_id, channel, verified, suspicious,
         responses, sums, counts, mean_sum, mean_sum_sq, harapan_sums, harapan_counts, profile)
      SELECT unit_id, service_id, day, %1$L::uuid, channel, verified, suspicious,
             count(*)::integer, %2$s, %3$s, sum(m), sum(m * m), %4$s, %5$s, %6$s
        FROM (SELECT x.*, CASE WHEN (%7$s) > 0 THEN round((%8$s)::numeric / (%7$s), 12) ELSE 0 END AS m
                FROM (SELECT r.unit_id,
                             COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid) AS service_id,
                             (r.submitted_at AT TIME ZONE %9$L)::date AS day,
                             r.channel, r.verified, r.suspicious,
                             suara_profile_slots(r.gender, r.age, r.education, r.occupation) AS p,
                             %10$s
                        FROM response r WHERE r.template_version_id = %1$L::uuid) x) y
       GROUP BY unit_id, service_id, day, channel, verified, suspicious
    $sql$, v.version_id, sums, counts, harapan_sums, harapan_counts, profile, answered, total, tz, item_cols);

    SELECT string_agg(format('sum(%%1$s[%s])', i), ', ' ORDER BY i) INTO positions
      FROM generate_series(1, cardinality(v.codes)) AS i;
    EXECUTE format($sql$
      INSERT INTO unit_monthly_rollup
        (unit_id, service_id, month, template_version_id, channel, verified, suspicious,
         responses, sums, counts, mean_sum, mean_sum_sq, harapan_sums, harapan_counts, profile)
      SELECT unit_id, service_id, date_trunc('month', day)::date, template_version_id, channel, verified, suspicious,
             sum(responses)::integer,
             ARRAY[%1$s]::integer[], ARRAY[%2$s]::integer[], sum(mean_sum), sum(mean_sum_sq),
             ARRAY[%3$s]::integer[], ARRAY[%4$s]::integer[], ARRAY[%5$s]::integer[]
        FROM unit_daily_rollup WHERE template_version_id = %6$L::uuid
       GROUP BY unit_id, service_id, date_trunc('month', day)::date, template_version_id, channel, verified, suspicious
    $sql$, format(positions, 'sums'), format(positions, 'counts'), format(positions, 'harapan_sums'),
           format(positions, 'harapan_counts'),
           (SELECT string_agg(format('sum(profile[%s])', s), ', ' ORDER BY s) FROM generate_series(1, 25) AS s),
           v.version_id);

    EXECUTE format($sql$
      INSERT INTO unit_monthly_summary
        (unit_id, month, template_version_id, suspicious,
         responses, sums, counts, mean_sum, mean_sum_sq, harapan_sums, harapan_counts, profile)
      SELECT unit_id, month, template_version_id, suspicious, sum(responses)::integer,
             ARRAY[%1$s]::integer[], ARRAY[%2$s]::integer[], sum(mean_sum), sum(mean_sum_sq),
             ARRAY[%3$s]::integer[], ARRAY[%4$s]::integer[], ARRAY[%5$s]::integer[]
        FROM unit_monthly_rollup WHERE template_version_id = %6$L::uuid
       GROUP BY unit_id, month, template_version_id, suspicious
    $sql$, format(positions, 'sums'), format(positions, 'counts'), format(positions, 'harapan_sums'),
           format(positions, 'harapan_counts'),
           (SELECT string_agg(format('sum(profile[%s])', s), ', ' ORDER BY s) FROM generate_series(1, 25) AS s),
           v.version_id);
  END LOOP;
END;
$$;

-- Existing rollups recomputed with exact sums.
SELECT suara_rollup_rebuild();
