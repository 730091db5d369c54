-- CreateTable
CREATE TABLE "agency_settings" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_settings_pkey" PRIMARY KEY ("id")
);

-- Hand-written from here.
--
-- One row, one clock for the whole agency: WIB, WITA or WIT. It used to be a
-- database setting (suara.timezone) that only SQL read, while the app computed
-- and printed dates on WIB: a WITA agency got months cut one way in the rollups
-- and another on screen. Both now read this row.
ALTER TABLE "agency_settings"
  ADD CONSTRAINT "agency_settings_single_row" CHECK ("id"),
  ADD CONSTRAINT "agency_settings_time_zone" CHECK ("time_zone" IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));

-- Whatever the database was set to (if it was one of the three) is kept.
INSERT INTO "agency_settings" ("id", "time_zone")
VALUES (true, CASE WHEN current_setting('suara.timezone', true) IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')
                   THEN current_setting('suara.timezone', true) ELSE 'Asia/Jakarta' END);

CREATE OR REPLACE FUNCTION suara_timezone() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT COALESCE((SELECT time_zone FROM agency_settings WHERE id), 'Asia/Jakarta')
$$;

-- The row cannot be removed, and a change of clock re-cuts every rollup's days
-- and months on the new one (in the same transaction as the change).
CREATE OR REPLACE FUNCTION suara_agency_settings_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'agency_settings keeps its one row';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.time_zone IS DISTINCT FROM OLD.time_zone THEN
    PERFORM suara_rollup_rebuild();
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER agency_settings_guard AFTER UPDATE OR DELETE ON "agency_settings"
  FOR EACH ROW EXECUTE FUNCTION suara_agency_settings_guard();
