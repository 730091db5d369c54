-- CreateEnum
CREATE TYPE "PublicationScope" AS ENUM ('OWN', 'POOLED');

-- CreateEnum
CREATE TYPE "PublicationMedium" AS ENUM ('WEBSITE', 'SOCIAL_MEDIA', 'NOTICE_BOARD', 'PRINTED', 'APPLICATION');

-- AlterTable
ALTER TABLE "survey_period" ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "closed_by_id" UUID;

-- AlterTable
ALTER TABLE "publication" ADD COLUMN     "scope" "PublicationScope" NOT NULL DEFAULT 'OWN',
ADD COLUMN     "unpublish_reason" TEXT,
ADD COLUMN     "unpublished_at" TIMESTAMPTZ(3),
ADD COLUMN     "unpublished_by_id" UUID;

-- CreateTable
CREATE TABLE "publication_log_entry" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "medium" "PublicationMedium" NOT NULL,
    "published_on" DATE NOT NULL,
    "url" TEXT,
    "photo" BYTEA,
    "photo_type" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,

    CONSTRAINT "publication_log_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "publication_log_entry_unit_id_period_id_idx" ON "publication_log_entry"("unit_id", "period_id");

-- AddForeignKey
ALTER TABLE "survey_period" ADD CONSTRAINT "survey_period_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication" ADD CONSTRAINT "publication_unpublished_by_id_fkey" FOREIGN KEY ("unpublished_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_log_entry" ADD CONSTRAINT "publication_log_entry_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_log_entry" ADD CONSTRAINT "publication_log_entry_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "survey_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_log_entry" ADD CONSTRAINT "publication_log_entry_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written from here (Prisma's schema cannot express checks and triggers).

-- A period is closed only once it has ended on the agency's clock, by someone, and stays closed.
ALTER TABLE "survey_period" ADD CONSTRAINT "survey_period_closed_by" CHECK (closed_at IS NOT NULL OR closed_by_id IS NULL);

CREATE OR REPLACE FUNCTION suara_survey_period_close_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.closed_at IS NOT NULL AND NEW.closed_at IS DISTINCT FROM OLD.closed_at THEN
    RAISE EXCEPTION 'survey period %: a closed period stays closed', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.closed_at IS NOT NULL AND (NEW.closed_at AT TIME ZONE suara_timezone())::date < NEW.end_date THEN
    RAISE EXCEPTION 'survey period %: closed before it ended (%)', NEW.id, NEW.end_date USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER survey_period_close_guard
BEFORE INSERT OR UPDATE OF closed_at, end_date ON survey_period
FOR EACH ROW EXECUTE FUNCTION suara_survey_period_close_guard();

-- The scope column and the frozen result say the same thing.
ALTER TABLE "publication" ADD CONSTRAINT "publication_scope_matches_result" CHECK (
  result IS NULL OR coalesce(result->>'scope', 'sendiri') = CASE scope WHEN 'OWN' THEN 'sendiri' ELSE 'gabungan' END
);
-- Withdrawn means: when, and why (a reason of its own, not blank).
ALTER TABLE "publication" ADD CONSTRAINT "publication_unpublish_reason" CHECK (
  (unpublished_at IS NULL AND unpublish_reason IS NULL AND unpublished_by_id IS NULL)
  OR (unpublished_at IS NOT NULL AND length(btrim(coalesce(unpublish_reason, ''))) >= 5)
);

-- A live publication belongs to a closed period, and its result is frozen: only a republish
-- (a new published_at) may put another result in it.
CREATE OR REPLACE FUNCTION suara_publication_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.unpublished_at IS NULL AND NOT EXISTS (SELECT 1 FROM survey_period p WHERE p.id = NEW.period_id AND p.closed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'publication %: its period is not closed', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.result IS DISTINCT FROM OLD.result OR NEW.scope IS DISTINCT FROM OLD.scope) AND NEW.published_at = OLD.published_at THEN
    RAISE EXCEPTION 'publication %: a published result is frozen (republish to change it)', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER publication_guard
BEFORE INSERT OR UPDATE ON publication
FOR EACH ROW EXECUTE FUNCTION suara_publication_guard();

-- Publications made before periods could be closed: their periods count as closed when they ended.
UPDATE survey_period p SET closed_at = (p.end_date::timestamp AT TIME ZONE suara_timezone())
 WHERE p.closed_at IS NULL AND EXISTS (SELECT 1 FROM publication x WHERE x.period_id = p.id);

-- People served is a positive count.
ALTER TABLE "unit_population" ADD CONSTRAINT "unit_population_positive" CHECK (population BETWEEN 1 AND 100000000);

-- A log entry shows where: a link (http or https) or a photo, and a photo says its type.
ALTER TABLE "publication_log_entry" ADD CONSTRAINT "publication_log_entry_evidence" CHECK (url IS NOT NULL OR photo IS NOT NULL);
ALTER TABLE "publication_log_entry" ADD CONSTRAINT "publication_log_entry_url" CHECK (url IS NULL OR url ~ '^https?://[^\s]+$');
ALTER TABLE "publication_log_entry" ADD CONSTRAINT "publication_log_entry_photo" CHECK (
  (photo IS NULL AND photo_type IS NULL) OR (photo IS NOT NULL AND photo_type IN ('image/png', 'image/jpeg') AND octet_length(photo) <= 524288)
);
