-- AlterTable
ALTER TABLE "unit" ADD COLUMN     "head_name" TEXT,
ADD COLUMN     "head_nip" TEXT,
ADD COLUMN     "head_title" TEXT;

-- (hand-written: Prisma's schema cannot express CHECKs). A NIP is 18 digits, as lib/validation/units.ts asks.
ALTER TABLE "unit" ADD CONSTRAINT "unit_head_nip_format" CHECK (head_nip IS NULL OR head_nip ~ '^[0-9]{18}$');
