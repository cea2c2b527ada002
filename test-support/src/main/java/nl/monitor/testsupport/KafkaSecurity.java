package nl.monitor.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The security of a test broker as production has it ({@link KafkaProcess#startSecured}): a certificate authority
 * made for the test (the JDK's keytool), a broker certificate it signs for 127.0.0.1, SCRAM-SHA-512 users created when
 * the storage is formatted, the super user {@value #ADMIN}, and the KRaft {@code StandardAuthorizer} with no access for
 * anyone an ACL does not name. Clients connect over {@code SASL_SSL}; the controller listener takes only the broker's
 * own certificate (mutual TLS).
 */
public final class KafkaSecurity {

    /** The super user that sets the test up (topics, ACLs); a service never connects as it. */
    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private final Path dir;
    private final String storePassword;
    private final Map<String, String> users;

    private KafkaSecurity(Path dir, String storePassword, Map<String, String> users) {
        this.dir = dir;
        this.storePassword = storePassword;
        this.users = users;
    }

    /** Makes the CA, the broker's key and certificate and the truststore in {@code dir}; a random admin password. */
    static KafkaSecurity create(Path dir, Map<String, String> users) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Map<String, String> all = new LinkedHashMap<>(users);
        all.put(ADMIN, secret());
        KafkaSecurity security = new KafkaSecurity(dir, secret(), Map.copyOf(all));
        security.makeCertificates();
        return security;
    }

    /** A password of 32 hex digits (nothing a JAAS line or the format tool would need to escape). */
    public static String secret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The truststore (PKCS12) with the test CA, for clients. */
    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    public String truststorePassword() {
        return storePassword;
    }

    /** The client properties with which {@code user} connects (without bootstrap servers). */
    public Map<String, Object> clientProperties(String user) {
        String password = users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No SCRAM user " + user + " on this broker");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("security.protocol", "SASL_SSL");
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaas(user, password));
        properties.put("ssl.truststore.location", truststore().toAbsolutePath().toString());
        properties.put("ssl.truststore.type", "PKCS12");
        properties.put("ssl.truststore.password", storePassword);
        return properties;
    }

    String listenerSecurityProtocolMap() {
        return "SASL_SSL:SASL_SSL,CONTROLLER:SSL";
    }

    String brokerProperties() {
        String keystore = dir.resolve("broker.p12").toAbsolutePath().toString();
        return String.join("\n",
                "sasl.enabled.mechanisms=" + MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=" + jaas(ADMIN, users.get(ADMIN)),
                "ssl.keystore.location=" + keystore,
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.password=" + storePassword,
                "ssl.key.password=" + storePassword,
                "ssl.truststore.location=" + truststore().toAbsolutePath(),
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.password=" + storePassword,
                "listener.name.controller.ssl.client.auth=required",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + ADMIN + ";User:CN=broker",
                "allow.everyone.if.no.acl.found=false");
    }

    /** The format tool's arguments that create every SCRAM user with the storage. */
    List<String> scramUsersForFormat() {
        List<String> arguments = new ArrayList<>();
        users.forEach((user, password) -> {
            arguments.add("--add-scram");
            arguments.add(MECHANISM + "=[name=" + user + ",password=" + password + "]");
        });
        return arguments;
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private void makeCertificates() throws IOException, InterruptedException {
        String ca = dir.resolve("ca.p12").toString();
        String broker = dir.resolve("broker.p12").toString();
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7",
                "-dname", "CN=Monitor test CA", "-ext", "bc:c", "-keystore", ca, "-storetype", "PKCS12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", dir.resolve("ca.pem").toString());
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7",
                "-dname", "CN=broker", "-keystore", broker, "-storetype", "PKCS12");
        keytool("-certreq", "-alias", "broker", "-keystore", broker, "-file", dir.resolve("broker.csr").toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca, "-validity", "7",
                "-infile", dir.resolve("broker.csr").toString(), "-outfile", dir.resolve("broker.pem").toString(),
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "KU=digitalSignature,keyEncipherment",
                "-ext", "EKU=serverAuth,clientAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.pem").toString(),
                "-keystore", broker);
        keytool("-importcert", "-alias", "broker", "-file", dir.resolve("broker.pem").toString(), "-keystore", broker);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.pem").toString(),
                "-keystore", truststore().toString(), "-storetype", "PKCS12");
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", storePassword));
        if (List.of(arguments).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", storePassword));
        }
        Path output = dir.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed; see " + output);
        }
    }
}
