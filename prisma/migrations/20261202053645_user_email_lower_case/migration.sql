-- No change to the Prisma schema: a check it cannot express.

-- Hand-written from here: an account's email is stored trimmed and in lower case, as every
-- path that creates one normalises it (forms, CSV import, setup, shell) and sign-in looks it
-- up. The unique key on email is then unique regardless of case: "Siti@x.id" beside
-- "siti@x.id" would be an account nobody can sign in to.
-- Two accounts whose emails differ only in case or spaces cannot both keep theirs: the
-- migration stops and names them, for an admin to deactivate or re-address one, rather than
-- failing on the unique key with no word of which accounts.
DO $$
DECLARE
  clash text;
BEGIN
  SELECT string_agg(list, '; ') INTO clash FROM (
    SELECT string_agg(quote_literal("email"), ', ' ORDER BY "email") AS list FROM "user"
     GROUP BY lower(btrim("email")) HAVING count(*) > 1
  ) c;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'accounts whose emails differ only in case or spaces: %. Change one of each (UPDATE "user" SET email = ...) and start again.', clash;
  END IF;
END
$$;
UPDATE "user" SET "email" = lower(btrim("email")) WHERE "email" <> lower(btrim("email"));
ALTER TABLE "user" ADD CONSTRAINT "user_email_lower_case" CHECK ("email" = lower(btrim("email")));
