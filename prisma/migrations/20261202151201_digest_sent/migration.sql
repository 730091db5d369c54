-- CreateEnum
CREATE TYPE "DigestKind" AS ENUM ('WEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "DigestStatus" AS ENUM ('QUEUED', 'SENT', 'SKIPPED');

-- CreateTable
CREATE TABLE "digest_sent" (
    "kind" "DigestKind" NOT NULL,
    "user_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "status" "DigestStatus" NOT NULL DEFAULT 'QUEUED',
    "job_id" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "digest_sent_pkey" PRIMARY KEY ("kind","user_id","period_key")
);

-- CreateIndex
CREATE INDEX "digest_sent_user_id_idx" ON "digest_sent"("user_id");

-- AddForeignKey
ALTER TABLE "digest_sent" ADD CONSTRAINT "digest_sent_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written from here
-- A digest is SENT only with the time the mail server accepted it.
ALTER TABLE "digest_sent" ADD CONSTRAINT "digest_sent_sent_at" CHECK ("status" <> 'SENT' OR "sent_at" IS NOT NULL);
