-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('PEMDA', 'DINAS', 'BADAN', 'KECAMATAN', 'BIDANG', 'UPT', 'PUSKESMAS', 'KELURAHAN', 'LAINNYA');

-- CreateEnum
CREATE TYPE "TemplateKind" AS ENUM ('PERMENPAN_14_2017', 'KEPMENPAN_25_2004', 'CUSTOM');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('MONTH', 'QUARTER', 'SEMESTER', 'YEAR');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('WEB', 'KIOSK', 'PAPER', 'IMPORT', 'API');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('L', 'P');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('SD', 'SMP', 'SMA', 'D1_D3', 'S1', 'S2', 'S3');

-- CreateEnum
CREATE TYPE "Occupation" AS ENUM ('PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA');

-- CreateEnum
CREATE TYPE "FeedbackStatus" AS ENUM ('BARU', 'DIBACA', 'DITINDAKLANJUTI', 'SELESAI', 'DIABAIKAN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'PIMPINAN', 'KEPALA_UNIT', 'OPERATOR');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'DIAJUKAN', 'DISETUJUI', 'DIKEMBALIKAN');

-- CreateTable
CREATE TABLE "unit" (
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "code" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "template_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaire_template" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "TemplateKind" NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questionnaire_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_version" (
    "id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "scale_min" INTEGER NOT NULL DEFAULT 1,
    "scale_max" INTEGER NOT NULL DEFAULT 4,
    "bands" JSONB NOT NULL,
    "asks_harapan" BOOLEAN NOT NULL DEFAULT false,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "template_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_item" (
    "id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "unsur" TEXT NOT NULL,
    "unsur_en" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "question_en" TEXT NOT NULL,
    "options" JSONB NOT NULL,

    CONSTRAINT "template_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_period" (
    "id" UUID NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_population" (
    "unit_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "population" INTEGER NOT NULL,

    CONSTRAINT "unit_population_pkey" PRIMARY KEY ("unit_id","period_id")
);

-- CreateTable
CREATE TABLE "publication" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" UUID,

    CONSTRAINT "publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "service_id" UUID,
    "template_version_id" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answers" JSONB NOT NULL,
    "harapan" JSONB,
    "gender" "Gender",
    "age" INTEGER,
    "education" "Education",
    "occupation" "Occupation",
    "saran" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "suspicious" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "kiosk_device_id" UUID,
    "entered_by_id" UUID,

    CONSTRAINT "response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_contact" (
    "response_id" UUID NOT NULL,
    "name" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "consent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "response_contact_pkey" PRIMARY KEY ("response_id")
);

-- CreateTable
CREATE TABLE "feedback_follow_up" (
    "response_id" UUID NOT NULL,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'BARU',
    "note" TEXT,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_follow_up_pkey" PRIMARY KEY ("response_id")
);

-- CreateTable
CREATE TABLE "unit_daily_rollup" (
    "id" BIGSERIAL NOT NULL,
    "unit_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "template_version_id" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "suspicious" BOOLEAN NOT NULL,
    "responses" INTEGER NOT NULL,
    "sums" INTEGER[],
    "counts" INTEGER[],
    "mean_sum" DOUBLE PRECISION NOT NULL,
    "mean_sum_sq" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "unit_daily_rollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "password_changed_at" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "locale" TEXT NOT NULL DEFAULT 'id',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_assignment" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up_plan" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "created_by_id" UUID,
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "follow_up_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up_action" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "unsur_code" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "due_date" DATE,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "realisation" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "follow_up_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up_comment" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "user_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kiosk_device" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "enrolled_by_id" UUID,
    "enrolled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "kiosk_device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transaction_token" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "service_id" UUID,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "used_at" TIMESTAMPTZ(3),
    "response_id" UUID,

    CONSTRAINT "transaction_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_counter" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_counter_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "unit_id" UUID,
    "ip" TEXT,
    "user_agent" TEXT,
    "detail" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_path_key" ON "unit"("path");

-- CreateIndex
CREATE UNIQUE INDEX "unit_code_key" ON "unit"("code");

-- CreateIndex
CREATE INDEX "unit_parent_id_idx" ON "unit"("parent_id");

-- CreateIndex
CREATE INDEX "unit_path_prefix_idx" ON "unit"("path" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "service_unit_id_code_key" ON "service"("unit_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_template_key_key" ON "questionnaire_template"("key");

-- CreateIndex
CREATE UNIQUE INDEX "template_version_template_id_version_key" ON "template_version"("template_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "template_item_version_id_position_key" ON "template_item"("version_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "template_item_version_id_code_key" ON "template_item"("version_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "survey_period_kind_year_number_key" ON "survey_period"("kind", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "publication_unit_id_period_id_key" ON "publication"("unit_id", "period_id");

-- CreateIndex
CREATE UNIQUE INDEX "response_idempotency_key_key" ON "response"("idempotency_key");

-- CreateIndex
CREATE INDEX "response_unit_id_submitted_at_idx" ON "response"("unit_id", "submitted_at");

-- CreateIndex
CREATE INDEX "response_submitted_at_idx" ON "response"("submitted_at");

-- CreateIndex
CREATE INDEX "unit_daily_rollup_day_idx" ON "unit_daily_rollup"("day");

-- CreateIndex
CREATE UNIQUE INDEX "unit_daily_rollup_key" ON "unit_daily_rollup"("unit_id", "service_id", "day", "template_version_id", "channel", "verified", "suspicious");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "role_assignment_unit_id_idx" ON "role_assignment"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "role_assignment_user_id_unit_id_role_key" ON "role_assignment"("user_id", "unit_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "follow_up_plan_unit_id_period_id_key" ON "follow_up_plan"("unit_id", "period_id");

-- CreateIndex
CREATE INDEX "follow_up_action_plan_id_idx" ON "follow_up_action"("plan_id");

-- CreateIndex
CREATE INDEX "follow_up_comment_plan_id_idx" ON "follow_up_comment"("plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "kiosk_device_token_hash_key" ON "kiosk_device"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "transaction_token_token_hash_key" ON "transaction_token"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "transaction_token_response_id_key" ON "transaction_token"("response_id");

-- CreateIndex
CREATE INDEX "transaction_token_unit_id_idx" ON "transaction_token"("unit_id");

-- CreateIndex
CREATE INDEX "rate_limit_counter_expires_at_idx" ON "rate_limit_counter"("expires_at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log"("actor_id");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "questionnaire_template"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service" ADD CONSTRAINT "service_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_version" ADD CONSTRAINT "template_version_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "questionnaire_template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_item" ADD CONSTRAINT "template_item_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "template_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_population" ADD CONSTRAINT "unit_population_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_population" ADD CONSTRAINT "unit_population_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "survey_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication" ADD CONSTRAINT "publication_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication" ADD CONSTRAINT "publication_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "survey_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication" ADD CONSTRAINT "publication_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_template_version_id_fkey" FOREIGN KEY ("template_version_id") REFERENCES "template_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_kiosk_device_id_fkey" FOREIGN KEY ("kiosk_device_id") REFERENCES "kiosk_device"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_contact" ADD CONSTRAINT "response_contact_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_follow_up" ADD CONSTRAINT "feedback_follow_up_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_follow_up" ADD CONSTRAINT "feedback_follow_up_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_daily_rollup" ADD CONSTRAINT "unit_daily_rollup_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_daily_rollup" ADD CONSTRAINT "unit_daily_rollup_template_version_id_fkey" FOREIGN KEY ("template_version_id") REFERENCES "template_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_plan" ADD CONSTRAINT "follow_up_plan_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_plan" ADD CONSTRAINT "follow_up_plan_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "survey_period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_plan" ADD CONSTRAINT "follow_up_plan_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_plan" ADD CONSTRAINT "follow_up_plan_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_action" ADD CONSTRAINT "follow_up_action_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "follow_up_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_comment" ADD CONSTRAINT "follow_up_comment_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "follow_up_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_comment" ADD CONSTRAINT "follow_up_comment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kiosk_device" ADD CONSTRAINT "kiosk_device_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kiosk_device" ADD CONSTRAINT "kiosk_device_enrolled_by_id_fkey" FOREIGN KEY ("enrolled_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transaction_token" ADD CONSTRAINT "transaction_token_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transaction_token" ADD CONSTRAINT "transaction_token_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transaction_token" ADD CONSTRAINT "transaction_token_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

