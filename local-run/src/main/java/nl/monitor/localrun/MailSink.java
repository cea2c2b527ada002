package nl.monitor.localrun;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * A local SMTP server (GreenMail) that the notification-service sends its e-mails to in the local run; each message
 * that arrives is handed to a printer. Nothing leaves the machine.
 */
final class MailSink implements AutoCloseable {

    private final GreenMail server;
    private final Thread watcher;

    MailSink(int port, Consumer<MimeMessage> printer) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        watcher = new Thread(() -> watch(printer), "local-run-mail-sink");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch(Consumer<MimeMessage> printer) {
        int seen = 0;
        while (!Thread.currentThread().isInterrupted()) {
            // waits (blocking, up to a minute) until one more message than seen has arrived
            if (server.waitForIncomingEmail(60_000, seen + 1)) {
                MimeMessage[] messages = server.getReceivedMessages();
                for (int i = seen; i < messages.length; i++) {
                    printer.accept(messages[i]);
                }
                seen = messages.length;
            }
        }
    }

    static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        watcher.interrupt();
        server.stop();
    }
}
