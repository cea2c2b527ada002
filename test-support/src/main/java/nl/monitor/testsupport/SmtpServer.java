package nl.monitor.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free port of 127.0.0.1; the service's mailer is pointed at it.
 * Tests read what arrived with {@link #received()}, and may take the server down and bring it back on the same port.
 * A module that uses it declares {@code greenmail} itself (an optional dependency here).
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static ServerSetup setup;
    private static GreenMail server;

    /** The running server's mailbox of everything it took. */
    public static synchronized GreenMail received() {
        return server;
    }

    /** The mail server goes away: connections are refused until {@link #bringBack()}. */
    public static synchronized void takeDown() {
        server.stop();
    }

    /** A new server on the same port (its mailbox starts empty). */
    public static synchronized void bringBack() {
        server = new GreenMail(setup);
        server.start();
    }

    @Override
    public synchronized Map<String, String> start() {
        setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        bringBack();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(setup.getPort()),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.tls", "false");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() {
        try {
            return Platform.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
