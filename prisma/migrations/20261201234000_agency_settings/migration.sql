-- AlterTable
ALTER TABLE "agency_settings" ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logo_type" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "rhythm" "PeriodKind" NOT NULL DEFAULT 'QUARTER';

-- Hand-written from here.
--
-- What the admin sets on the agency settings screen. The database holds the
-- rules, whatever writes the row: a reporting rhythm is a triwulan, a semester
-- or a year (never a month); a logo is a PNG or JPEG of at most 256 KiB with
-- its type beside it; a name, when set, is not blank.
ALTER TABLE "agency_settings"
  ADD CONSTRAINT "agency_settings_rhythm" CHECK ("rhythm" IN ('QUARTER', 'SEMESTER', 'YEAR')),
  ADD CONSTRAINT "agency_settings_logo" CHECK (
    ("logo" IS NULL AND "logo_type" IS NULL)
    OR ("logo_type" IN ('image/png', 'image/jpeg') AND octet_length("logo") BETWEEN 1 AND 262144)
  ),
  ADD CONSTRAINT "agency_settings_name" CHECK ("name" IS NULL OR length(btrim("name")) BETWEEN 1 AND 200);

-- One default questionnaire for the agency (the template a unit without its own choice asks).
CREATE UNIQUE INDEX "questionnaire_template_one_default" ON "questionnaire_template" ("is_default") WHERE "is_default";
