package nl.monitor.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak as its own process on a loopback port, from the {@code org.keycloak:keycloak-quarkus-dist} zip of
 * Maven Central, with a realm file imported at start (the monitor realm of {@code deploy/keycloak}) and partial
 * imports on top (its demo users and password-grant client, {@link #launchDemo}): for the Keycloak end-to-end tests
 * and the local run's Keycloak option. No Docker.
 *
 * <p>The zip is unpacked and Keycloak's build step (in-memory H2, the only build option that differs from the
 * defaults) run once per machine, under {@code ~/.m2/monitor-cache/keycloak-quarkus-dist-<version>} (or
 * {@code -Dmonitor.keycloak.cache}); each server then starts {@code --optimized} from its own small directory (its
 * {@code data/} and a copy of {@code bin/}, the rest linked to the cache), so servers never share state. Started so
 * on 2 cores: 25-60 s until the realm answers (after a one-time build of about 45 s), about 500 MB.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Keep in step with {@code keycloak.version} in the root pom and the image of docker-compose.yml. */
    public static final String VERSION = "26.7.3";
    public static final String REALM = "monitor";
    /** The bootstrap administrator of the master realm (a throw-away server: fixed credentials). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    /** The production realm file of the repository: no users, no password grant, placeholders for the rest. */
    public static final String REALM_FILE = "deploy/keycloak/monitor-realm.json";
    /** The demo users and the password-grant client {@code monitor-cli}: a partial import on top of the realm. */
    public static final String DEMO_FILE = "deploy/keycloak/demo/monitor-demo.json";
    /** The realm file's placeholders, filled from Keycloak's environment at import. */
    public static final String PUBLIC_URL_VARIABLE = "MONITOR_PUBLIC_URL";
    public static final String BULK_IMPORT_SECRET_VARIABLE = "MONITOR_BULK_IMPORT_CLIENT_SECRET";
    /** The import client's secret on these throw-away servers (never in the realm file). */
    public static final String DEMO_BULK_IMPORT_SECRET = "demo-bulk-import-secret";

    private static final String BUILD_OPTIONS = "--db=dev-mem";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String url;
    private final Path log;
    private final List<Path> partialImports;
    private boolean imported;

    private KeycloakServer(Process process, String url, Path log, List<Path> partialImports) {
        this.process = process;
        this.url = url;
        this.log = log;
        this.partialImports = List.copyOf(partialImports);
    }

    /**
     * The demo Keycloak of the local run and the tests: the production realm of {@link #REALM_FILE} with the demo
     * additions of {@link #DEMO_FILE} (users, {@code monitor-cli}), the import client's secret
     * {@link #DEMO_BULK_IMPORT_SECRET} and {@code publicUrl} (the dashboard's origin) for its placeholders.
     */
    public static KeycloakServer launchDemo(Path distribution, Path root, String publicUrl, int port, Path workDir)
            throws IOException {
        return launch(distribution, root.resolve(REALM_FILE), List.of(root.resolve(DEMO_FILE)),
                Map.of(PUBLIC_URL_VARIABLE, publicUrl, BULK_IMPORT_SECRET_VARIABLE, DEMO_BULK_IMPORT_SECRET),
                port, workDir);
    }

    /**
     * Starts Keycloak on 127.0.0.1:{@code port} with the realm file imported, and waits until the realm answers.
     *
     * @param distribution the {@code keycloak-quarkus-dist} zip ({@link #distribution()} finds it in the local Maven
     *                     repository)
     * @param workDir      this server's own directory (its data and {@code keycloak.log}); emptied first
     */
    public static KeycloakServer start(Path distribution, Path realmFile, int port, Path workDir)
            throws IOException, InterruptedException {
        KeycloakServer server = launch(distribution, realmFile, port, workDir);
        try {
            return server.awaitReady(Duration.ofSeconds(180));
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Starts the process without waiting, so that the caller can start other things meanwhile; then
     * {@link #awaitReady(Duration)}.
     */
    public static KeycloakServer launch(Path distribution, Path realmFile, int port, Path workDir) throws IOException {
        return launch(distribution, realmFile, List.of(), Map.of(), port, workDir);
    }

    /**
     * As {@link #launch(Path, Path, int, Path)}, with {@code environment} for the realm file's {@code ${VARIABLE}}
     * placeholders, and {@code partialImports} (Keycloak's partial-import documents) loaded over the admin API once
     * the realm answers ({@link #awaitReady(Duration)}).
     */
    public static KeycloakServer launch(Path distribution, Path realmFile, List<Path> partialImports,
                                        Map<String, String> environment, int port, Path workDir) throws IOException {
        Path installed = installed(distribution);
        Path home = instanceHome(installed, workDir);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        String url = "http://127.0.0.1:" + port;
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                // One fixed URL: every token names it as issuer however Keycloak was reached.
                "--hostname=" + url, "--cache=local", "--import-realm");
        Path log = workDir.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        environment(builder);
        builder.environment().putAll(environment);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new KeycloakServer(builder.start(), url, log, partialImports);
    }

    /** The distribution zip in the local Maven repository ({@code ./mvnw dependency:get} puts it there). */
    public static Path distribution() {
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(repository, "org", "keycloak", "keycloak-quarkus-dist", VERSION,
                "keycloak-quarkus-dist-" + VERSION + ".zip");
    }

    /**
     * Waits until the realm's discovery document answers, or fails with the tail of the log; then loads the partial
     * imports (once).
     */
    public synchronized KeycloakServer awaitReady(Duration deadline) throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (HTTP.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return partialImports();
                }
            } catch (IOException notYetListening) {
                // keep waiting until the deadline
            }
            process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("Keycloak not ready within " + deadline + ":\n" + tail());
    }

    /** Keycloak's partial import ({@code POST /admin/realms/<realm>/partialImport}) of each file, once. */
    private KeycloakServer partialImports() throws IOException, InterruptedException {
        if (imported || partialImports.isEmpty()) {
            return this;
        }
        String admin = adminToken();
        for (Path file : partialImports) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                            URI.create(url + "/admin/realms/" + REALM + "/partialImport"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Partial import of " + file + " refused: " + response.statusCode()
                        + " " + response.body() + "\n" + tail());
            }
        }
        imported = true;
        return this;
    }

    private String adminToken() throws IOException, InterruptedException {
        return accessToken("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", ADMIN, "password", ADMIN_PASSWORD));
    }

    public String url() {
        return url;
    }

    /** The realm's URL: what services take as {@code quarkus.oidc.auth-server-url}, and every token's issuer. */
    public String issuer() {
        return url + "/realms/" + REALM;
    }

    public Path log() {
        return log;
    }

    /**
     * A service configuration (as {@link MonitorInfrastructure#config} makes it) turned to this Keycloak, as
     * production is: the auth server's URL alone, the test key and its issuer removed.
     */
    public Map<String, String> configure(Map<String, String> serviceConfig) {
        Map<String, String> config = new LinkedHashMap<>(serviceConfig);
        config.remove("quarkus.oidc.public-key");
        config.remove("quarkus.oidc.token.issuer");
        config.put("quarkus.oidc.auth-server-url", issuer());
        return config;
    }

    /** An access token by the password grant (the demo client {@code monitor-cli}). */
    public String passwordGrant(String clientId, String username, String password)
            throws IOException, InterruptedException {
        return accessToken(Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password, "scope", "openid"));
    }

    /** An access token of a confidential client's service account (client credentials). */
    public String clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        return accessToken(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /**
     * Lets a browser app at {@code origin} (e.g. a test's dashboard on a free port) sign in through the client: adds
     * {@code <origin><path>*} to its redirect URIs and the origin to its web origins, as an operator registers a new
     * deployment (admin REST API).
     */
    public void allowBrowserApp(String clientId, String origin, String path) throws IOException, InterruptedException {
        String admin = adminToken();
        String clients = url + "/admin/realms/" + REALM + "/clients";
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin)
                .GET().build());
        JsonNode list = JSON.readTree(found.body());
        if (found.statusCode() != 200 || list.size() != 1) {
            throw new IllegalStateException("No client " + clientId + ": " + found.body());
        }
        ObjectNode client = (ObjectNode) list.get(0);
        client.withArray("redirectUris").add(origin + path + "*");
        client.withArray("webOrigins").add(origin);
        HttpResponse<String> updated = send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build());
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Cannot update client " + clientId + ": " + updated.statusCode() + " "
                    + updated.body());
        }
    }

    /**
     * Adds a user to the realm (admin REST API) with a password, one realm role and attributes ({@code region},
     * {@code municipality}), as an operator does: e.g. a coordinator of another region than the demo user's.
     */
    public void createUser(String username, String password, String role, Map<String, String> attributes)
            throws IOException, InterruptedException {
        String admin = adminToken();
        String realm = url + "/admin/realms/" + REALM;
        ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("emailVerified", true).put("email", username + "@monitor.example.nl")
                .put("firstName", username).put("lastName", "Test");
        ObjectNode userAttributes = user.putObject("attributes");
        attributes.forEach((name, value) -> userAttributes.putArray(name).add(value));
        user.putArray("credentials").addObject().put("type", "password").put("value", password)
                .put("temporary", false);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(realm + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Cannot create user " + username + ": " + created.statusCode() + " "
                    + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> roleFound = send(HttpRequest.newBuilder(URI.create(realm + "/roles/" + role))
                .header("Authorization", "Bearer " + admin).GET().build());
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleFound.body() + "]")).build());
        if (roleFound.statusCode() != 200 || mapped.statusCode() != 204) {
            throw new IllegalStateException("Cannot give " + username + " the role " + role + ": "
                    + roleFound.statusCode() + " " + mapped.statusCode() + " " + mapped.body());
        }
    }

    private String accessToken(Map<String, String> form) throws IOException, InterruptedException {
        return accessToken(REALM, form);
    }

    private String accessToken(String realm, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + form.getOrDefault("username", form.get("client_id"))
                    + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // ---- the cached installation

    /** The unpacked and built distribution, made once per machine (and version) under a file lock. */
    private static Path installed(Path distribution) throws IOException {
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException(distribution + " is missing: ./mvnw -B dependency:get "
                    + "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip -Dtransitive=false");
        }
        Path cache = Path.of(System.getProperty("monitor.keycloak.cache",
                Path.of(System.getProperty("user.home"), ".m2", "monitor-cache").toString()));
        Files.createDirectories(cache);
        // Named after the zip (keycloak-quarkus-dist-<version>): another version gets its own installation.
        String name = distribution.getFileName().toString().replaceFirst("\\.zip$", "");
        Path installed = cache.resolve(name);
        Path marker = installed.resolve(".monitor-built");
        try (FileChannel lockFile = FileChannel.open(cache.resolve(name + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) {
                return installed;
            }
            delete(installed);
            Path unpacking = Files.createTempDirectory(cache, "keycloak-unpacking");
            Path unpacked = unzip(distribution, unpacking);
            build(unpacked);
            Files.move(unpacked, installed);
            delete(unpacking);
            Files.writeString(marker, BUILD_OPTIONS);
            return installed;
        }
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        Path root = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path to = target.resolve(entry.getName()).normalize();
                if (!to.startsWith(target)) {
                    throw new IOException("Entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, to);
                }
                if (entry.getName().endsWith(".sh")) {
                    to.toFile().setExecutable(true);
                }
                if (root == null) {
                    root = target.resolve(target.relativize(to).getName(0));
                }
            }
        }
        if (root == null) {
            throw new IOException(zip + " is empty");
        }
        return root; // the zip holds one folder, keycloak-<version>/
    }

    private static void build(Path home) throws IOException {
        Path log = home.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "build", BUILD_OPTIONS)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        environment(builder);
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Keycloak's build failed (" + exit + "):\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building Keycloak", e);
        }
    }

    /** This server's own home: its own data and bin/ (kc.sh finds its home from its own path), the rest linked. */
    private static Path instanceHome(Path installed, Path workDir) throws IOException {
        Path home = workDir.resolve("keycloak-home");
        delete(home);
        Files.createDirectories(home.resolve("bin"));
        try (Stream<Path> bin = Files.list(installed.resolve("bin"))) {
            for (Path file : bin.filter(Files::isRegularFile).toList()) {
                Path copy = Files.copy(file, home.resolve("bin").resolve(file.getFileName()));
                copy.toFile().setExecutable(file.toFile().canExecute());
            }
        }
        for (String shared : List.of("lib", "conf", "providers", "themes")) {
            if (Files.exists(installed.resolve(shared))) {
                Files.createSymbolicLink(home.resolve(shared), installed.resolve(shared));
            }
        }
        return home;
    }

    private static void environment(ProcessBuilder builder) {
        // The JVM running this code runs Keycloak too (JDK 17 or newer).
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
