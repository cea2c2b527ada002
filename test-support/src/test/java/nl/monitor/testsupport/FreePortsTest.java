package nl.monitor.testsupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreePortsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void neverHandsOutOnePortTwiceEvenWhenTheRandomPicksRepeat() {
        // A random source that proposes the same few candidates over and over: the old picker returned one of them
        // twice, since nothing had bound the first pick yet when the second was made.
        FreePorts ports = new FreePorts(24_100, 40, LOOPBACK, new Random(0) {
            @Override
            public int nextInt(int bound) {
                return 3;
            }
        });
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            assertThat(picked.add(ports.next())).as("pick %d is new", i).isTrue();
        }
        assertThat(picked).allSatisfy(port -> assertThat(port).isBetween(24_100, 24_139));
        assertThat(ports.handedOut()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void handsOutEveryPortOfTheRangeOnceThenSaysTheRangeIsExhausted() {
        FreePorts ports = new FreePorts(24_200, 16, LOOPBACK);
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            picked.add(ports.next());
        }
        assertThat(picked).hasSize(16);
        assertThatThrownBy(ports::next).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("No free port left in 24200-24215");
    }

    @Test
    void skipsAPortSomeoneElseHolds() throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(LOOPBACK, 24_300));
            FreePorts ports = new FreePorts(24_300, 2, LOOPBACK);
            assertThat(ports.next()).isEqualTo(24_301);
            assertThatThrownBy(ports::next).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void concurrentPicksAreUnique() throws Exception {
        FreePorts ports = new FreePorts(24_400, 200, LOOPBACK);
        Set<Integer> picked = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> picks = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                picks.add(pool.submit(() -> assertThat(picked.add(ports.next())).isTrue()));
            }
            for (Future<?> pick : picks) {
                pick.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(picked).hasSize(150);
    }
}
