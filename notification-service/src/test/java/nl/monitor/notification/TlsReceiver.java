package nl.monitor.notification;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An https webhook receiver on 127.0.0.1 whose certificate (made with the JDK's keytool, self-signed) names only
 * {@link #NAME}; as a test resource it makes the service trust that certificate
 * ({@code notification.webhook.trust-certificates}) before it starts. Records the Host header of every call.
 */
public final class TlsReceiver implements QuarkusTestResourceLifecycleManager {

    static final String NAME = "tls-hooks.rebind.test";
    private static final Path DIR = Path.of("target", "tls-receiver");
    private static final char[] PASSWORD = "changeit".toCharArray();

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(DIR);
            Files.deleteIfExists(DIR.resolve("receiver.p12"));
            keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + NAME, "-ext", "SAN=dns:" + NAME, "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", DIR.resolve("receiver.p12").toString(), "-storepass", new String(PASSWORD));
            keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore", DIR.resolve("receiver.p12").toString(),
                    "-storepass", new String(PASSWORD), "-file", DIR.resolve("receiver.pem").toString());
            return Map.of("notification.webhook.trust-certificates", DIR.resolve("receiver.pem").toAbsolutePath()
                    .toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Cannot make the TLS receiver's certificate", e);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    @Override
    public void stop() {
    }

    /** A running https server with that certificate; answers 204 and records the Host header of each call. */
    static final class Server implements AutoCloseable {

        private final HttpsServer server;
        private final List<String> hosts = new CopyOnWriteArrayList<>();

        Server() throws IOException, GeneralSecurityException {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(DIR.resolve("receiver.p12"))) {
                keys.load(in, PASSWORD);
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                hosts.add(exchange.getRequestHeaders().getFirst("Host"));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url(String host) {
            return "https://" + host + ":" + server.getAddress().getPort() + "/hooks/monitor";
        }

        int port() {
            return server.getAddress().getPort();
        }

        List<String> hosts() {
            return List.copyOf(hosts);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
