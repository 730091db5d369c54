-- No schema change: the rule that makes past results stand.
-- Hand-written from here: a questionnaire version is frozen once it is published or
-- once any response answers it (published = frozen; a draft that somehow has a
-- response is frozen too). A frozen version and its items can never be updated or
-- deleted again, whatever client writes to the database; drafts stay editable.

CREATE OR REPLACE FUNCTION suara_template_version_frozen(v_id uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM template_version WHERE id = v_id AND published_at IS NOT NULL)
      OR EXISTS (SELECT 1 FROM response WHERE template_version_id = v_id)
$$;

CREATE OR REPLACE FUNCTION suara_template_version_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL OR EXISTS (SELECT 1 FROM response WHERE template_version_id = OLD.id) THEN
    RAISE EXCEPTION 'template version % is published or answered: it can no longer change', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER template_version_frozen
BEFORE UPDATE OR DELETE ON template_version
FOR EACH ROW EXECUTE FUNCTION suara_template_version_guard();

CREATE OR REPLACE FUNCTION suara_template_item_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND suara_template_version_frozen(OLD.version_id) THEN
    RAISE EXCEPTION 'template version % is published or answered: its items can no longer change', OLD.version_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND suara_template_version_frozen(NEW.version_id) THEN
    RAISE EXCEPTION 'template version % is published or answered: no item can be added to it', NEW.version_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER template_item_frozen
BEFORE INSERT OR UPDATE OR DELETE ON template_item
FOR EACH ROW EXECUTE FUNCTION suara_template_item_guard();
