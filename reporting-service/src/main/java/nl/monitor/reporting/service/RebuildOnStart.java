package nl.monitor.reporting.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.monitor.reporting.config.RebuildConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * With {@code reporting.rebuild.on-start=true}, rebuilds the read models from the topics as the service starts, on
 * its own thread; until the rebuild is done (or when it failed) the readiness check reports the service not ready,
 * so no traffic reaches a half-built read model. The live consumers run meanwhile, as during any rebuild.
 */
@ApplicationScoped
@Readiness
public class RebuildOnStart implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(RebuildOnStart.class);

    /** Where the start-up rebuild stands. */
    enum State {
        NOT_ASKED, RUNNING, DONE, FAILED
    }

    private final ReadModelRebuild rebuild;
    private final RebuildConfig config;
    private volatile State state = State.NOT_ASKED;
    private volatile String detail = "";

    public RebuildOnStart(ReadModelRebuild rebuild, RebuildConfig config) {
        this.rebuild = rebuild;
        this.config = config;
    }

    void onStart(@Observes StartupEvent started) {
        if (!config.onStart()) {
            return;
        }
        state = State.RUNNING;
        Thread thread = new Thread(this::run, "read-model-rebuild-on-start");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            rebuild.rebuildUnlessRunning(false).ifPresentOrElse(report -> {
                detail = "rebuilt from " + report.records() + " record(s)";
                LOG.infof("Start-up rebuild of the read models done: %s", detail);
            }, () -> detail = "a rebuild asked for through the API ran instead");
            state = State.DONE;
        } catch (RuntimeException e) {
            detail = e.getMessage();
            state = State.FAILED;
            LOG.errorf(e, "Start-up rebuild of the read models failed; the service stays not ready. Restart it, or "
                    + "run POST /api/admin/read-model/rebuild");
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("read-model")
                .status(state == State.NOT_ASKED || state == State.DONE)
                .withData("startupRebuild", state.name())
                .withData("detail", detail)
                .build();
    }
}
