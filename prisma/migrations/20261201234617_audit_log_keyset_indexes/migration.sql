-- DropIndex
DROP INDEX "audit_log_at_idx";

-- DropIndex
DROP INDEX "audit_log_actor_id_idx";

-- CreateIndex
CREATE INDEX "audit_log_at_id_idx" ON "audit_log"("at", "id");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_id_idx" ON "audit_log"("actor_id", "at", "id");

-- CreateIndex
CREATE INDEX "audit_log_unit_id_at_id_idx" ON "audit_log"("unit_id", "at", "id");

-- CreateIndex
CREATE INDEX "audit_log_action_at_id_idx" ON "audit_log"("action", "at", "id");
