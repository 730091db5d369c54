-- CreateTable
CREATE TABLE "setup_code" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setup_code_pkey" PRIMARY KEY ("id")
);

-- Hand-written from here: one row at most.
ALTER TABLE "setup_code" ADD CONSTRAINT "setup_code_single_row" CHECK ("id");
