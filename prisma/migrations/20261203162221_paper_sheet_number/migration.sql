-- AlterTable
ALTER TABLE "response" ADD COLUMN     "paper_sheet_number" TEXT;

-- CreateIndex
CREATE INDEX "response_unit_id_paper_sheet_number_idx" ON "response"("unit_id", "paper_sheet_number");
