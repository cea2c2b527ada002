package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production realm holds no demo: no users but service accounts, no password grant, no secret, no fixed
 * redirect URI; it protects its users (password policy, brute force, events, refresh-token rotation). The demo
 * additions are only users and monitor-cli, and agree with the realm (mappers, roles, attributes).
 */
class RealmFilesTest {

    private static final JsonNode REALM = Realm.production();
    private static final JsonNode DEMO = Realm.demo();

    @Test
    void the_production_realm_has_no_user_but_service_accounts_and_no_password_grant() {
        for (JsonNode user : REALM.path("users")) {
            assertThat(user.path("serviceAccountClientId").asText()).as(user.path("username").asText()
                    + " is a client's service account").isNotEmpty();
            assertThat(user.has("credentials")).as(user.path("username") + " has no credentials").isFalse();
        }
        Set<String> clients = new TreeSet<>();
        for (JsonNode client : REALM.path("clients")) {
            String id = client.path("clientId").asText();
            clients.add(id);
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(id + ": password grant")
                    .isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(false)).as(id + ": implicit flow").isFalse();
            if (client.has("secret")) {
                assertThat(client.path("secret").asText()).as(id + ": its secret comes from the environment")
                        .matches("\\$\\{[A-Z_]+}");
            }
            List<String> uris = new ArrayList<>();
            client.path("redirectUris").forEach(u -> uris.add(u.asText()));
            client.path("webOrigins").forEach(u -> uris.add(u.asText()));
            assertThat(uris).as(id + ": redirect URIs and web origins set per deployment")
                    .allSatisfy(u -> assertThat(u).matches("\\+|\\$\\{MONITOR_PUBLIC_URL}/.*"));
        }
        assertThat(clients).containsExactlyInAnyOrder("monitor-dashboard", "monitor-bulk-import");
    }

    @Test
    void the_production_realm_protects_its_users() {
        assertThat(REALM.path("passwordPolicy").asText()).contains("length(12)", "notUsername", "passwordHistory");
        assertThat(REALM.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(REALM.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(REALM.path("eventsEnabled").asBoolean()).as("login events").isTrue();
        assertThat(REALM.path("adminEventsEnabled").asBoolean()).as("admin events").isTrue();
        assertThat(REALM.path("revokeRefreshToken").asBoolean()).as("refresh tokens rotate").isTrue();
        assertThat(REALM.path("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(REALM.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(REALM.path("sslRequired").asText()).isIn("external", "all");
    }

    @Test
    void the_demo_adds_only_users_and_the_password_grant_client_whose_claims_match_the_realms() {
        Set<String> keys = new TreeSet<>();
        DEMO.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(Set.of("ifResourceExists", "clients", "users"));
        assertThat(DEMO.path("clients")).hasSize(1);
        JsonNode cli = Realm.client(DEMO, "monitor-cli");
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        JsonNode dashboard = Realm.client(REALM, "monitor-dashboard");
        assertThat(cli.path("protocolMappers")).as("monitor-cli issues the claims the production clients issue")
                .isEqualTo(dashboard.path("protocolMappers"));
        assertThat(Realm.client(REALM, "monitor-bulk-import").path("protocolMappers"))
                .isEqualTo(dashboard.path("protocolMappers"));

        Set<String> roles = new TreeSet<>();
        REALM.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        String profile = REALM.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText();
        for (JsonNode user : DEMO.path("users")) {
            String name = user.path("username").asText();
            user.path("realmRoles").forEach(r -> assertThat(roles).as(name).contains(r.asText()));
            user.path("attributes").fieldNames().forEachRemaining(a -> assertThat(profile)
                    .as(name + ": attribute " + a + " in the realm's user profile").contains("\"name\": \"" + a + "\""));
            for (JsonNode credential : user.path("credentials")) {
                assertThat(credential.has("value")).as(name + ": a hashed demo password, no plain text").isFalse();
                assertThat(credential.path("credentialData").asText()).contains("pbkdf2-sha512");
            }
        }
        assertThat(DEMO.path("users")).hasSize(4);
    }
}
