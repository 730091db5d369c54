-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('NONE', 'QUEUED', 'SENT', 'FAILED');

-- AlterEnum (hand-ordered: the new type first, the old table's statuses carried over below)
CREATE TYPE "FeedbackStatus_new" AS ENUM ('BARU', 'DITINDAKLANJUTI', 'SELESAI', 'DIABAIKAN');

-- DropForeignKey
ALTER TABLE "feedback_follow_up" DROP CONSTRAINT "feedback_follow_up_response_id_fkey";

-- DropForeignKey
ALTER TABLE "feedback_follow_up" DROP CONSTRAINT "feedback_follow_up_updated_by_id_fkey";

-- AlterTable
ALTER TABLE "response" ADD COLUMN     "reply_code_hash" TEXT;

-- AlterTable
ALTER TABLE "follow_up_plan" ADD COLUMN     "fkp_date" DATE,
ADD COLUMN     "fkp_participants" TEXT,
ADD COLUMN     "proposed_unsur" TEXT[],
ADD COLUMN     "returned_at" TIMESTAMPTZ(3),
ADD COLUMN     "submitted_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "follow_up_action" ADD COLUMN     "done_at" TIMESTAMPTZ(3),
ADD COLUMN     "expected_effect" TEXT,
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "follow_up_comment" ADD COLUMN     "decision" "PlanStatus";

-- AlterTable
ALTER TABLE "agency_settings" ADD COLUMN     "feedback_target_days" INTEGER NOT NULL DEFAULT 5;


-- CreateTable
CREATE TABLE "feedback_item" (
    "response_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "service_id" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "saran" TEXT,
    "low_items" TEXT[],
    "suspicious" BOOLEAN NOT NULL DEFAULT false,
    "status" "FeedbackStatus_new" NOT NULL DEFAULT 'BARU',
    "assignee_id" UUID,
    "answered_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "public_saran" TEXT,
    "public_action" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" UUID,
    "search" tsvector,

    CONSTRAINT "feedback_item_pkey" PRIMARY KEY ("response_id")
);

-- CreateTable
CREATE TABLE "feedback_note" (
    "id" UUID NOT NULL,
    "response_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_reply" (
    "id" UUID NOT NULL,
    "response_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email_status" "DeliveryStatus" NOT NULL DEFAULT 'NONE',
    "emailed_at" TIMESTAMPTZ(3),
    "email_error" TEXT,

    CONSTRAINT "feedback_reply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up_progress" (
    "id" UUID NOT NULL,
    "action_id" UUID NOT NULL,
    "progress" INTEGER NOT NULL,
    "note" TEXT,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_progress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "progress_id" UUID,
    "kind" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA,
    "stored_path" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "feedback_item_unit_id_submitted_at_idx" ON "feedback_item"("unit_id", "submitted_at");

-- CreateIndex
CREATE INDEX "feedback_item_unit_id_status_submitted_at_idx" ON "feedback_item"("unit_id", "status", "submitted_at");

-- CreateIndex
CREATE INDEX "feedback_item_assignee_id_idx" ON "feedback_item"("assignee_id");

-- CreateIndex
CREATE INDEX "feedback_item_search_idx" ON "feedback_item" USING GIN ("search");

-- CreateIndex
CREATE INDEX "feedback_note_response_id_created_at_idx" ON "feedback_note"("response_id", "created_at");

-- CreateIndex
CREATE INDEX "feedback_reply_response_id_created_at_idx" ON "feedback_reply"("response_id", "created_at");

-- CreateIndex
CREATE INDEX "follow_up_progress_action_id_created_at_idx" ON "follow_up_progress"("action_id", "created_at");

-- CreateIndex
CREATE INDEX "attachment_plan_id_idx" ON "attachment"("plan_id");

-- CreateIndex
CREATE INDEX "attachment_progress_id_idx" ON "attachment"("progress_id");

-- CreateIndex
CREATE UNIQUE INDEX "response_reply_code_hash_key" ON "response"("reply_code_hash");

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_item" ADD CONSTRAINT "feedback_item_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_note" ADD CONSTRAINT "feedback_note_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "feedback_item"("response_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_note" ADD CONSTRAINT "feedback_note_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_reply" ADD CONSTRAINT "feedback_reply_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "feedback_item"("response_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_reply" ADD CONSTRAINT "feedback_reply_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_progress" ADD CONSTRAINT "follow_up_progress_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "follow_up_action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_progress" ADD CONSTRAINT "follow_up_progress_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "follow_up_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_progress_id_fkey" FOREIGN KEY ("progress_id") REFERENCES "follow_up_progress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written from here.

-- The inbox holds every response with a saran or a low score (1 or 2 on any item).
CREATE FUNCTION suara_low_items(answers jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(key ORDER BY key), '{}')
    FROM jsonb_each(answers) WHERE jsonb_typeof(value) = 'number' AND value::numeric <= 2
$$;

-- Older responses into the inbox, with the triage status they had ("read" is still new).
INSERT INTO feedback_item (response_id, unit_id, service_id, submitted_at, saran, low_items, suspicious, status, updated_by_id, updated_at)
SELECT r.id, r.unit_id, r.service_id, r.submitted_at, r.saran, suara_low_items(r.answers), r.suspicious,
       CASE WHEN f.status IS NULL OR f.status::text = 'DIBACA' THEN 'BARU' ELSE f.status::text END::"FeedbackStatus_new",
       f.updated_by_id, coalesce(f.updated_at, r.submitted_at)
  FROM response r LEFT JOIN feedback_follow_up f ON f.response_id = r.id
 WHERE r.saran IS NOT NULL OR r.answers @? '$.* ? (@ <= 2)';
UPDATE feedback_item SET closed_at = updated_at, answered_at = updated_at WHERE status IN ('SELESAI', 'DIABAIKAN');
-- The single note of old becomes the first note of the thread.
INSERT INTO feedback_note (id, response_id, author_id, body, created_at)
SELECT gen_random_uuid(), f.response_id, f.updated_by_id, f.note, f.updated_at
  FROM feedback_follow_up f JOIN feedback_item i ON i.response_id = f.response_id
 WHERE f.note IS NOT NULL AND btrim(f.note) <> '';
DROP TABLE "feedback_follow_up";
DROP TYPE "FeedbackStatus";
ALTER TYPE "FeedbackStatus_new" RENAME TO "FeedbackStatus";

-- The saran's full-text vector, Indonesian stemming ("pelayanannya" finds "layanan").
CREATE FUNCTION suara_feedback_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := to_tsvector('indonesian', coalesce(NEW.saran, ''));
  RETURN NEW;
END $$;
CREATE TRIGGER feedback_item_search BEFORE INSERT OR UPDATE OF saran ON feedback_item
  FOR EACH ROW EXECUTE FUNCTION suara_feedback_search();
UPDATE feedback_item SET saran = saran;

-- Every write path to `response` (the citizen's form, the JSON endpoint, kiosks, paper entry,
-- imports, SQL) keeps the inbox in step: a new response that qualifies lands in its unit's inbox.
CREATE FUNCTION suara_feedback_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO feedback_item (response_id, unit_id, service_id, submitted_at, saran, low_items, suspicious)
  VALUES (NEW.id, NEW.unit_id, NEW.service_id, NEW.submitted_at, NEW.saran, suara_low_items(NEW.answers), NEW.suspicious)
  ON CONFLICT (response_id) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER response_feedback_insert AFTER INSERT ON response
  FOR EACH ROW WHEN (NEW.saran IS NOT NULL OR NEW.answers @? '$.* ? (@ <= 2)')
  EXECUTE FUNCTION suara_feedback_insert();

-- A corrected response (paper entry, a flag, a move) carries its copy along; one that no longer
-- qualifies leaves the inbox unless the unit has already worked on it.
CREATE FUNCTION suara_feedback_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  qualifies boolean := NEW.saran IS NOT NULL OR NEW.answers @? '$.* ? (@ <= 2)';
BEGIN
  IF qualifies THEN
    INSERT INTO feedback_item (response_id, unit_id, service_id, submitted_at, saran, low_items, suspicious)
    VALUES (NEW.id, NEW.unit_id, NEW.service_id, NEW.submitted_at, NEW.saran, suara_low_items(NEW.answers), NEW.suspicious)
    ON CONFLICT (response_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, service_id = EXCLUDED.service_id,
      submitted_at = EXCLUDED.submitted_at, saran = EXCLUDED.saran, low_items = EXCLUDED.low_items, suspicious = EXCLUDED.suspicious;
  ELSE
    DELETE FROM feedback_item i
     WHERE i.response_id = NEW.id AND i.status = 'BARU' AND i.assignee_id IS NULL AND i.published_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM feedback_note n WHERE n.response_id = i.response_id)
       AND NOT EXISTS (SELECT 1 FROM feedback_reply y WHERE y.response_id = i.response_id);
    UPDATE feedback_item SET unit_id = NEW.unit_id, service_id = NEW.service_id, submitted_at = NEW.submitted_at,
           saran = NEW.saran, low_items = suara_low_items(NEW.answers), suspicious = NEW.suspicious
     WHERE response_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER response_feedback_update AFTER UPDATE OF saran, answers, unit_id, service_id, submitted_at, suspicious ON response
  FOR EACH ROW EXECUTE FUNCTION suara_feedback_update();
