-- Re-hashing a password at sign-in (bcrypt → argon2id, decision 016) changes password_hash but not
-- the password: it must not end the person's other sessions. The upgrade marks its own transaction
-- with `SELECT set_config('expedite.password_rehash', 'on', true)`; every other change still counts.
CREATE OR REPLACE FUNCTION "end_sessions_on_account_change"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.password_hash IS DISTINCT FROM OLD.password_hash
      AND current_setting('expedite.password_rehash', true) IS DISTINCT FROM 'on')
     OR NEW.role IS DISTINCT FROM OLD.role
     OR NEW.active IS DISTINCT FROM OLD.active
     OR NEW.email IS DISTINCT FROM OLD.email THEN
    NEW.session_version := GREATEST(NEW.session_version, OLD.session_version + 1);
  END IF;
  RETURN NEW;
END;
$$;
