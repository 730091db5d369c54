-- AlterTable
ALTER TABLE "response" ADD COLUMN     "import_batch_id" UUID;

-- CreateTable
CREATE TABLE "import_batch" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "service_id" UUID,
    "service_column" TEXT,
    "template_version_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "source_kind" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "first_at" TIMESTAMPTZ(3),
    "last_at" TIMESTAMPTZ(3),
    "rows_read" INTEGER NOT NULL,
    "inserted" INTEGER NOT NULL,
    "already_imported" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_by_id" UUID,
    "undone_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_batch_unit_id_created_at_idx" ON "import_batch"("unit_id", "created_at");

-- CreateIndex
CREATE INDEX "response_import_batch_id_idx" ON "response"("import_batch_id");

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_import_batch_id_fkey" FOREIGN KEY ("import_batch_id") REFERENCES "import_batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_undone_by_id_fkey" FOREIGN KEY ("undone_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
