package nl.monitor.localrun;

import nl.monitor.testsupport.KeycloakServer;
import nl.monitor.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The demo users' tokens: signed with test-support's TEST-ONLY key (the default, valid 12 h), or issued by the local
 * Keycloak for the demo users of the realm file (the Keycloak option, valid 5 minutes: asked for afresh each time).
 */
interface DemoTokens {

    String respondent();

    String coordinator();

    String analyst();

    String admin();

    /** For the bulk import: the admin, or Keycloak's import client by client credentials. */
    String importer();

    static DemoTokens testKeys() {
        return new DemoTokens() {
            public String respondent() {
                return TestTokens.respondent("GM0014");
            }

            public String coordinator() {
                return TestTokens.coordinator("Groningen");
            }

            public String analyst() {
                return TestTokens.analyst();
            }

            public String admin() {
                return TestTokens.admin();
            }

            public String importer() {
                return TestTokens.admin();
            }
        };
    }

    /** The demo users and passwords of deploy/keycloak/demo/monitor-demo.json, as the banner prints them. */
    String[][] KEYCLOAK_USERS = {
            {"respondent-gm0014", "respondent-demo", "respondent of GM0014 Groningen"},
            {"coordinator-groningen", "coordinator-demo", "coordinator of region Groningen"},
            {"analyst", "analyst-demo", "analyst"},
            {"monitor-admin", "admin-demo", "admin"}};
    String IMPORT_CLIENT = "monitor-bulk-import";
    String IMPORT_SECRET = KeycloakServer.DEMO_BULK_IMPORT_SECRET;

    static DemoTokens keycloak(KeycloakServer keycloak) {
        return new DemoTokens() {
            public String respondent() {
                return user(0);
            }

            public String coordinator() {
                return user(1);
            }

            public String analyst() {
                return user(2);
            }

            public String admin() {
                return user(3);
            }

            public String importer() {
                try {
                    return keycloak.clientCredentials(IMPORT_CLIENT, IMPORT_SECRET);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }

            private String user(int index) {
                try {
                    return keycloak.passwordGrant("monitor-cli", KEYCLOAK_USERS[index][0], KEYCLOAK_USERS[index][1]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
