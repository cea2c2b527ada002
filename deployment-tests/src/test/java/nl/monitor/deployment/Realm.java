package nl.monitor.deployment;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The Keycloak realm files of deploy/keycloak: the production realm and the demo additions on top of it. */
final class Realm {

    /** The realm, roles, claims and the production clients; placeholders for the secret and the public URL. */
    static final String PRODUCTION = "deploy/keycloak/monitor-realm.json";
    /** A Keycloak partial import: the demo users and the password-grant client monitor-cli. */
    static final String DEMO = "deploy/keycloak/demo/monitor-demo.json";

    private Realm() {
    }

    static JsonNode production() {
        return read(PRODUCTION);
    }

    static JsonNode demo() {
        return read(DEMO);
    }

    static JsonNode read(String relative) {
        try {
            return Repo.JSON.readTree(Repo.path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("No client " + clientId);
    }
}
