-- CreateTable
CREATE TABLE "unit_code_alias" (
    "code" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_code_alias_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "unit_code_alias_unit_id_idx" ON "unit_code_alias"("unit_id");

-- AddForeignKey
ALTER TABLE "unit_code_alias" ADD CONSTRAINT "unit_code_alias_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written from here: the unit tree keeps itself consistent, and a code is either a
-- unit's or an alias, never both.
--
-- Tree changes (a new unit, a move, a code change) take one transaction-scoped advisory
-- lock, so two admins moving units at once are serialised: the second reads the tree as
-- the first left it (READ COMMITTED: each statement of the trigger sees what committed
-- before it). The data layer takes the same lock before it touches a row, so the order
-- is always lock, then rows; a hand-written UPDATE that skips it may deadlock (PostgreSQL
-- aborts one side), never corrupt.
CREATE OR REPLACE FUNCTION suara_unit_tree_lock() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(7318200412)
$$;

-- path and depth follow parent_id: a move is `UPDATE unit SET parent_id = ...`. They are
-- never set by hand, and a unit never moves under itself or its own subtree.
CREATE OR REPLACE FUNCTION suara_unit_tree_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_path text;
  parent_depth integer;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'a unit keeps its id' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN
    IF (NEW.path <> OLD.path OR NEW.depth <> OLD.depth)
       AND current_setting('suara.unit_tree_cascade', true) IS DISTINCT FROM 'on' THEN
      RAISE EXCEPTION 'a unit''s path and depth follow its parent: set parent_id to move it'
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  PERFORM suara_unit_tree_lock();
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.id || '/';
    NEW.depth := 0;
    RETURN NEW;
  END IF;
  SELECT path, depth INTO parent_path, parent_depth FROM unit WHERE id = NEW.parent_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'parent unit % does not exist', NEW.parent_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND starts_with(parent_path, OLD.path) THEN
    RAISE EXCEPTION 'a unit cannot move under itself or its own subtree'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'unit_not_under_own_subtree';
  END IF;
  NEW.path := parent_path || NEW.id || '/';
  NEW.depth := parent_depth + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER unit_tree_place BEFORE INSERT OR UPDATE ON "unit"
  FOR EACH ROW EXECUTE FUNCTION suara_unit_tree_place();

-- A moved unit's subtree moves with it, in the same statement's transaction.
CREATE OR REPLACE FUNCTION suara_unit_tree_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.path = OLD.path OR current_setting('suara.unit_tree_cascade', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('suara.unit_tree_cascade', 'on', true);
  UPDATE unit
     SET path = NEW.path || substr(path, length(OLD.path) + 1),
         depth = depth + (NEW.depth - OLD.depth)
   WHERE starts_with(path, OLD.path) AND id <> NEW.id;
  PERFORM set_config('suara.unit_tree_cascade', 'off', true);
  RETURN NULL;
END
$$;

-- Not `UPDATE OF path`: that looks at the statement's SET list, and a move sets parent_id only.
CREATE TRIGGER unit_tree_cascade AFTER UPDATE ON "unit"
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION suara_unit_tree_cascade();

-- At commit, every unit written is where its parent says, and so are its children.
CREATE OR REPLACE FUNCTION suara_unit_tree_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad boolean;
BEGIN
  SELECT CASE WHEN u.parent_id IS NULL THEN u.path <> '/' || u.id || '/' OR u.depth <> 0
              ELSE p.path IS NULL OR u.path <> p.path || u.id || '/' OR u.depth <> p.depth + 1 END
         OR EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id AND (c.path <> u.path || c.id || '/' OR c.depth <> u.depth + 1))
    INTO bad
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
   WHERE u.id = NEW.id;
  IF bad THEN
    RAISE EXCEPTION 'unit tree inconsistent at unit %', NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'unit_tree_consistent';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER unit_tree_check AFTER INSERT OR UPDATE ON "unit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION suara_unit_tree_check();

-- A unit's code and the codes it had: one namespace. A code change keeps the old code as
-- an alias (printed QR codes keep working); taking back one's own old code drops the alias.
CREATE OR REPLACE FUNCTION suara_unit_code_claim() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.code = OLD.code THEN
    RETURN NEW;
  END IF;
  PERFORM suara_unit_tree_lock();
  IF EXISTS (SELECT 1 FROM unit_code_alias a WHERE a.code = NEW.code AND a.unit_id <> NEW.id) THEN
    RAISE EXCEPTION 'unit code % was another unit''s and still leads to it', NEW.code
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'unit_code_alias_pkey';
  END IF;
  DELETE FROM unit_code_alias WHERE code = NEW.code AND unit_id = NEW.id;
  RETURN NEW;
END
$$;

CREATE TRIGGER unit_code_claim BEFORE INSERT OR UPDATE ON "unit"
  FOR EACH ROW EXECUTE FUNCTION suara_unit_code_claim();

CREATE OR REPLACE FUNCTION suara_unit_code_keep_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.code <> OLD.code THEN
    INSERT INTO unit_code_alias (code, unit_id) VALUES (OLD.code, NEW.id)
      ON CONFLICT (code) DO UPDATE SET unit_id = EXCLUDED.unit_id, created_at = now();
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER unit_code_keep_old AFTER UPDATE ON "unit"
  FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION suara_unit_code_keep_old();

CREATE OR REPLACE FUNCTION suara_unit_code_alias_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM suara_unit_tree_lock();
  IF EXISTS (SELECT 1 FROM unit u WHERE u.code = NEW.code) THEN
    RAISE EXCEPTION 'code % is a unit''s code now', NEW.code
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'unit_code_key';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER unit_code_alias_check BEFORE INSERT OR UPDATE ON "unit_code_alias"
  FOR EACH ROW EXECUTE FUNCTION suara_unit_code_alias_check();
