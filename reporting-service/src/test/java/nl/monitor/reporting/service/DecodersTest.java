package nl.monitor.reporting.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rebuild's batches decoded in shares: the results in the records' order, on more than one thread. */
class DecodersTest {

    private final List<Integer> batch = IntStream.range(0, 500).boxed().toList();

    @Test
    void every_element_is_decoded_once_in_order_with_nulls_kept_and_the_work_shared_between_threads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Decoders decoders = new Decoders(3)) {
            List<String> decoded = decoders.map(batch, n -> {
                threads.add(Thread.currentThread().getName());
                return n % 7 == 0 ? null : "record-" + n;
            });
            assertThat(decoded).hasSize(500);
            for (int n = 0; n < 500; n++) {
                assertThat(decoded.get(n)).isEqualTo(n % 7 == 0 ? null : "record-" + n);
            }
        }
        assertThat(threads).hasSize(3).contains(Thread.currentThread().getName());
    }

    @Test
    void a_failure_of_one_element_is_thrown_as_it_was() {
        try (Decoders decoders = new Decoders(2)) {
            assertThatThrownBy(() -> decoders.map(batch, n -> {
                if (n == 400) {
                    throw new IllegalArgumentException("record 400 cannot be read");
                }
                return n;
            })).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("record 400 cannot be read");
        }
    }

    @Test
    void one_core_decodes_on_the_calling_thread_alone() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Decoders decoders = new Decoders(1)) {
            assertThat(decoders.map(batch, n -> {
                threads.add(Thread.currentThread().getName());
                return n * 2;
            })).isEqualTo(batch.stream().map(n -> n * 2).toList());
        }
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }
}
