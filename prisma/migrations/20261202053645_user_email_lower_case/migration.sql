-- No change to the Prisma schema: a check it cannot express.

-- Hand-written from here: an account's email is stored trimmed and in lower case, as every
-- path that creates one normalises it (forms, CSV import, setup, shell) and sign-in looks it
-- up. The unique key on email is then unique regardless of case: "Siti@x.id" beside
-- "siti@x.id" would be an account nobody can sign in to.
UPDATE "user" SET "email" = lower(btrim("email")) WHERE "email" <> lower(btrim("email"))
  AND NOT EXISTS (SELECT 1 FROM "user" o WHERE o."email" = lower(btrim("user"."email")));
ALTER TABLE "user" ADD CONSTRAINT "user_email_lower_case" CHECK ("email" = lower(btrim("email")));
