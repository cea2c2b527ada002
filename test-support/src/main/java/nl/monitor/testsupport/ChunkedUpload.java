package nl.monitor.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a JSON body of a given size with {@code Transfer-Encoding: chunked} (no {@code Content-Length}) over a plain
 * socket, and reads the answer while the body is still going out: what an HTTP client library cannot show when the
 * server answers early and closes the connection. The body is {@code prefix}, then {@code "x"} until it has
 * {@code bytes}, then {@code "\"}"}; it is generated as it is sent, so the test itself holds none of it.
 */
public final class ChunkedUpload {

    private static final int CHUNK = 64 * 1024;

    private ChunkedUpload() {
    }

    /**
     * An answer: status, headers (names in lower case), body, and how many body bytes had gone out when the status
     * line came back (the server answered before it had the whole body when this is less than the body's size), and
     * whether the server then closed the connection (within the timeout) instead of waiting for the rest.
     */
    public record Answer(int status, Map<String, String> headers, String body, long bytesSentBeforeAnswer,
                         boolean closedByServer) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /**
     * Posts {@code bytes} of JSON to {@code base + path} (e.g. {@code {"municipality":"GM0014","padding":"xxx…"}} with
     * {@code prefix = {"municipality":"GM0014","padding":"}).
     */
    public static Answer post(URI base, String path, String bearerToken, String prefix, long bytes,
                              Duration timeout) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            String request = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + bearerToken + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, application/problem+json\r\nTransfer-Encoding: chunked\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    writeChunk(out, head);
                    sent.addAndGet(head.length);
                    byte[] filler = "x".repeat(CHUNK).getBytes(StandardCharsets.US_ASCII);
                    long left = bytes - head.length - tail.length;
                    while (left > 0) {
                        int n = (int) Math.min(left, filler.length);
                        writeChunk(out, n == filler.length ? filler : java.util.Arrays.copyOf(filler, n));
                        sent.addAndGet(n);
                        left -= n;
                    }
                    writeChunk(out, tail);
                    sent.addAndGet(tail.length);
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed the connection before the body was complete: expected.
                }
            }, "chunked-upload");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream(), sent);
        } catch (IOException e) {
            throw new UncheckedIOException("The chunked upload to " + path + " got no answer", e);
        }
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        int first = in.read();
        long sentBeforeAnswer = sent.get();
        if (first == -1) {
            throw new IOException("The connection closed without an answer");
        }
        RawHttp.Answer answer = RawHttp.read(new SequenceInputStream(new ByteArrayInputStream(new byte[]{(byte) first}),
                in));
        return new Answer(answer.status(), answer.headers(), answer.body(), sentBeforeAnswer, closed(in));
    }

    private static boolean closed(InputStream in) {
        try {
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
