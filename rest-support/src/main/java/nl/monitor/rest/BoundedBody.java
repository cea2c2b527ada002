package nl.monitor.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read through a count: the first read past {@code limit} bytes throws {@link TooLargeException}
 * (unchecked, so the JSON reader does not turn it into a 400), which {@link BodyLimits} answers with 413.
 */
final class BoundedBody extends FilterInputStream {

    private final long limit;
    private long read;

    BoundedBody(InputStream body, long limit) {
        super(body);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - read + 1));
        count(skipped);
        return skipped;
    }

    /**
     * Closing the request's stream would read the rest of the body to its end (to reuse the connection); past the
     * limit it is left unread instead, and the connection is closed after the 413.
     */
    @Override
    public void close() throws IOException {
        if (read <= limit) {
            super.close();
        }
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new TooLargeException(limit);
        }
    }

    /** The body went past its limit. */
    static final class TooLargeException extends RuntimeException {

        private final long limit;

        TooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
