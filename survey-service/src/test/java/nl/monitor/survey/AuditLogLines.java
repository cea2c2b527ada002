package nl.monitor.survey;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The {@code AUDIT} log lines (category {@code nl.monitor.audit}) written while each test runs, formatted:
 * {@code @RegisterExtension final AuditLogLines auditLines = new AuditLogLines();}
 */
final class AuditLogLines implements BeforeEachCallback, AfterEachCallback {

    private static final Logger AUDIT = Logger.getLogger("nl.monitor.audit");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(String.valueOf(record.getParameters() == null ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        AUDIT.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        AUDIT.removeHandler(handler);
    }

    List<String> lines() {
        return lines;
    }

    void clear() {
        lines.clear();
    }
}
