package nl.monitor.reporting.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Decodes a rebuild's batches on every core: a record's JSON parse and schema check are most of a replay's CPU, and
 * they need nothing but the record. The calling thread takes one share of each batch (it keeps the rebuild's
 * transaction; the others touch no database), threads of their own the rest. Closed when the rebuild ends.
 */
final class Decoders implements AutoCloseable {

    private final int shares;
    private final ExecutorService helpers;

    Decoders(int cores) {
        this.shares = Math.max(1, cores);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger count = new AtomicInteger();
        this.helpers = shares == 1 ? null : Executors.newFixedThreadPool(shares - 1, task -> {
            Thread thread = new Thread(task, "rebuild-decoder-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
    }

    /** {@code decode} of each element, in the elements' order (nulls kept); an exception of one is thrown here. */
    <E, R> List<R> map(List<E> elements, Function<E, R> decode) {
        int size = elements.size();
        if (helpers == null || size < 2 * shares) {
            return elements.stream().map(decode).toList();
        }
        int share = (size + shares - 1) / shares;
        List<CompletableFuture<List<R>>> others = new ArrayList<>();
        for (int from = share; from < size; from += share) {
            List<E> part = elements.subList(from, Math.min(size, from + share));
            others.add(CompletableFuture.supplyAsync(() -> part.stream().map(decode).toList(), helpers));
        }
        List<R> decoded = new ArrayList<>(size);
        decoded.addAll(elements.subList(0, share).stream().map(decode).toList());
        for (CompletableFuture<List<R>> other : others) {
            try {
                decoded.addAll(other.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return decoded;
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
