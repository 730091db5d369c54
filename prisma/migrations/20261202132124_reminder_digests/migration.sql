-- CreateTable
CREATE TABLE "digest_delivery" (
    "kind" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "empty" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "digest_delivery_pkey" PRIMARY KEY ("kind","user_id","period_key")
);

-- AddForeignKey
ALTER TABLE "digest_delivery" ADD CONSTRAINT "digest_delivery_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
