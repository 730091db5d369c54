-- DropForeignKey
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_actor_id_fkey";

-- AlterTable
ALTER TABLE "publication" ADD COLUMN     "result" JSONB;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Integrity the application checks first, held by the database as well
-- (hand-written: Prisma's schema cannot express CHECKs).
ALTER TABLE "unit" ADD CONSTRAINT "unit_code_format" CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$');
ALTER TABLE "unit" ADD CONSTRAINT "unit_not_own_parent" CHECK (parent_id IS NULL OR parent_id <> id);
ALTER TABLE "service" ADD CONSTRAINT "service_code_format" CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$');
ALTER TABLE "response" ADD CONSTRAINT "response_age_range" CHECK (age IS NULL OR age BETWEEN 10 AND 120);
ALTER TABLE "response" ADD CONSTRAINT "response_answers_object" CHECK (jsonb_typeof(answers) = 'object');

-- Every score must be an integer on its template version's scale, for one of
-- its items: a bad value is refused, never summed into the rollup or read as a blank.
CREATE OR REPLACE FUNCTION suara_response_check_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  bad text;
  lo integer;
  hi integer;
BEGIN
  SELECT scale_min, scale_max INTO lo, hi FROM template_version WHERE id = NEW.template_version_id;
  SELECT a.key INTO bad
    FROM jsonb_each(NEW.answers) AS a
    LEFT JOIN template_item i ON i.version_id = NEW.template_version_id AND i.code = a.key
   WHERE i.id IS NULL
      OR jsonb_typeof(a.value) <> 'number'
      OR a.value::numeric <> trunc(a.value::numeric)
      OR a.value::numeric NOT BETWEEN lo AND hi
   LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'response %: answer % is not an integer score % to % of its template', NEW.id, bad, lo, hi
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER response_check_scores
BEFORE INSERT OR UPDATE OF answers, template_version_id ON response
FOR EACH ROW EXECUTE FUNCTION suara_response_check_scores();
