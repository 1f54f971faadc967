-- The audit trail is append-only: the database itself refuses to change or remove an entry,
-- whatever code or tool asks. (Triggers are not expressible in schema.prisma.)
CREATE TRIGGER "AuditEntry_no_update"
BEFORE UPDATE ON "AuditEntry"
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

CREATE TRIGGER "AuditEntry_no_delete"
BEFORE DELETE ON "AuditEntry"
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
