-- After every migration (a Flyway callback, also when nothing was pending): the service's runtime role may read and
-- write the rows of every table and sequence of the service's schema, and nothing more. Flyway runs as the owner
-- (quarkus.flyway.username); the service runs as the runtime role (quarkus.datasource.username, the placeholder
-- runtime_role), which can then neither alter nor drop a table, nor disable or drop a trigger (the audit trail's
-- append-only trigger among them), nor touch Flyway's own history. When both are the same user (the local run,
-- compose) there is nothing to grant.
DO $grants$
BEGIN
    IF '${runtime_role}' <> current_user THEN
        -- Instances starting together would grant at once ("tuple concurrently updated"): one after the other.
        PERFORM pg_advisory_xact_lock(hashtext('monitor.runtime-role-grants'));
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', '${flyway:defaultSchema}', '${runtime_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                       '${flyway:defaultSchema}', '${runtime_role}');
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I',
                       '${flyway:defaultSchema}', '${runtime_role}');
        -- Tables and sequences the owner creates later outside a migration get the same.
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                       '${flyway:defaultSchema}', '${runtime_role}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
                       '${flyway:defaultSchema}', '${runtime_role}');
        EXECUTE format('REVOKE ALL ON TABLE %I.%I FROM %I', '${flyway:defaultSchema}', '${flyway:table}',
                       '${runtime_role}');
        EXECUTE format('GRANT SELECT ON TABLE %I.%I TO %I', '${flyway:defaultSchema}', '${flyway:table}',
                       '${runtime_role}');
    END IF;
END
$grants$;
