-- The audit trail is append-only: the database itself refuses to change or remove an entry,
-- whatever code or tool asks. (Triggers are not expressible in schema.prisma.)
CREATE FUNCTION "AuditEntry_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "AuditEntry_no_update"
BEFORE UPDATE ON "AuditEntry"
FOR EACH ROW EXECUTE FUNCTION "AuditEntry_append_only"();

CREATE TRIGGER "AuditEntry_no_delete"
BEFORE DELETE ON "AuditEntry"
FOR EACH ROW EXECUTE FUNCTION "AuditEntry_append_only"();

-- TRUNCATE skips row triggers; refuse it as well.
CREATE TRIGGER "AuditEntry_no_truncate"
BEFORE TRUNCATE ON "AuditEntry"
FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntry_append_only"();
