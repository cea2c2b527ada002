package nl.monitor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out ports of a range that are free when picked and never the same one twice in this JVM: two servers a test
 * starts must not be told one port, which a plain "bind and see" check allows (the first has not bound it yet when
 * the second is picked). A port is free when a socket on {@link #bindAddress} can bind it.
 */
public final class FreePorts {

    /**
     * The tests' processes on 127.0.0.1 (Kafka, PostgreSQL, the services, Keycloak, receivers), below the kernel's
     * ephemeral range (32768 and up): there the outgoing connections of processes already running take their local
     * ports, and could take one between this pick and the bind of whoever it is for.
     */
    public static final FreePorts LOOPBACK = new FreePorts(20_000, 12_000, InetAddress.getLoopbackAddress());

    /** Ports the compose stack publishes on every host interface (podman binds 0.0.0.0). */
    public static final FreePorts ALL_INTERFACES = new FreePorts(18_100, 800, anyAddress());

    private final int first;
    private final int count;
    private final InetAddress bindAddress;
    private final Random random;
    private final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

    public FreePorts(int first, int count, InetAddress bindAddress) {
        this(first, count, bindAddress, new Random());
    }

    FreePorts(int first, int count, InetAddress bindAddress, Random random) {
        if (first < 1 || count < 1 || first + count - 1 > 65_535) {
            throw new IllegalArgumentException("Not a port range: " + first + " and " + count + " after it");
        }
        this.first = first;
        this.count = count;
        this.bindAddress = bindAddress;
        this.random = random;
    }

    /**
     * A port of the range that is free now and was not handed out before by this picker: random candidates first, then
     * every port of the range in order, so a picker fails only when the range has nothing left.
     *
     * @throws UncheckedIOException when every port of the range is handed out or in use
     */
    public int next() {
        for (int attempt = 0; attempt < Math.min(count, 200); attempt++) {
            int candidate = first + random.nextInt(count);
            if (claimIfFree(candidate)) {
                return candidate;
            }
        }
        for (int candidate = first; candidate < first + count; candidate++) {
            if (claimIfFree(candidate)) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("No free port left in " + first + "-" + (first + count - 1)
                + " on " + bindAddress.getHostAddress() + " (" + handedOut.size() + " handed out in this run)"));
    }

    /** How many ports this picker has handed out. */
    public int handedOut() {
        return handedOut.size();
    }

    private boolean claimIfFree(int candidate) {
        if (!handedOut.add(candidate)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(bindAddress, candidate));
            return true;
        } catch (IOException inUse) {
            // in use by someone else: never hand it out in this run (it may be free again later, but it was not ours)
            return false;
        }
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
