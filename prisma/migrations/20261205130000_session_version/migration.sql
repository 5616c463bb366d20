-- Revocable sessions (decision 012): every session token carries the account's session version,
-- and a token with an older one is refused on the next request.
ALTER TABLE "user" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- Changing how someone signs in, what they may do, or whether they may at all ends every session
-- they have, whichever code path (admin screen, a future password change, psql) makes the change.
-- Hand-written: Prisma cannot express triggers.
CREATE FUNCTION "end_sessions_on_account_change"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
     OR NEW.role IS DISTINCT FROM OLD.role
     OR NEW.active IS DISTINCT FROM OLD.active
     OR NEW.email IS DISTINCT FROM OLD.email THEN
    NEW.session_version := GREATEST(NEW.session_version, OLD.session_version + 1);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "user_end_sessions_on_change"
  BEFORE UPDATE ON "user"
  FOR EACH ROW EXECUTE FUNCTION "end_sessions_on_account_change"();
