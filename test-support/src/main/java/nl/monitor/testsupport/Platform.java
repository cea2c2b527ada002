package nl.monitor.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The four services as separate packaged processes against one Kafka broker and one PostgreSQL: what the
 * end-to-end tests and the local run start.
 */
public final class Platform implements AutoCloseable {

    /**
     * The services in start order, with the public port each takes in the local run; its management port there is
     * that plus {@value #MANAGEMENT_OFFSET} (8081 → 9081).
     */
    public static final Map<String, Integer> SERVICES = servicesInOrder();

    private static final int MANAGEMENT_OFFSET = 1000;

    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Path repository;
    private final Map<String, String> config;
    private final Map<String, Map<String, String>> perService;
    private final Path logDir;
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();

    private Platform(Path repository, Map<String, String> config, Map<String, Map<String, String>> perService,
                     Path logDir) {
        this.repository = repository;
        this.config = Map.copyOf(config);
        this.perService = Map.copyOf(perService);
        this.logDir = logDir;
    }

    private static Map<String, Integer> servicesInOrder() {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("survey-service", 8081);
        services.put("scoring-service", 8082);
        services.put("reporting-service", 8083);
        services.put("notification-service", 8084);
        return services;
    }

    /**
     * Starts every service from {@code <repository>/<service>/target/quarkus-app/quarkus-run.jar} and waits until
     * all are ready.
     *
     * @param fixedPorts the local-run ports (8081-8084, management 9081-9084) when true, free ports when false (tests)
     * @param extra      more configuration for every service (e.g. faster retries in tests)
     */
    public static Platform start(Path repository, KafkaBroker kafka, PostgresServer postgres, boolean fixedPorts,
                                 Map<String, String> extra, Path logDir) throws IOException, InterruptedException {
        Map<String, String> config = new LinkedHashMap<>(MonitorInfrastructure.config(kafka, postgres));
        config.putAll(extra);
        return start(repository, config, Map.of(), fixedPorts, logDir);
    }

    /**
     * Starts the services with the given configuration, {@code instances} of a service as separate processes in its
     * consumer group (one where not said), named {@code <service>}, {@code <service>-2}, ...; each consumer instance
     * has a stable {@code monitor.consumer.instance-id} (static group membership), so a restarted one gets its
     * partitions back at once.
     */
    public static Platform start(Path repository, Map<String, String> config, Map<String, Integer> instances,
                                 boolean fixedPorts, Path logDir) throws IOException, InterruptedException {
        return start(repository, config, Map.of(), instances, fixedPorts, logDir);
    }

    /**
     * As {@link #start(Path, Map, Map, boolean, Path)}, and each service's instances get {@code perService}'s
     * configuration of their service over the common one (e.g. a Kafka principal of its own).
     */
    public static Platform start(Path repository, Map<String, String> config,
                                 Map<String, Map<String, String>> perService, Map<String, Integer> instances,
                                 boolean fixedPorts, Path logDir) throws IOException, InterruptedException {
        Map<String, ServiceProcess.Ports> ports = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            int count = instances.getOrDefault(service.getKey(), 1);
            for (int i = 1; i <= count; i++) {
                ports.put(i == 1 ? service.getKey() : service.getKey() + "-" + i, fixedPorts && i == 1
                        ? new ServiceProcess.Ports(service.getValue(), service.getValue() + MANAGEMENT_OFFSET)
                        : new ServiceProcess.Ports(freePort(), freePort()));
            }
        }
        // The questionnaire's page calls the reporting-service from the browser, and its Content-Security-Policy
        // allows only the reporting-service it is configured with.
        Map<String, String> platformConfig = new LinkedHashMap<>();
        platformConfig.put("survey.questionnaire-app.reporting-url",
                "http://127.0.0.1:" + ports.get("reporting-service").http());
        platformConfig.put("reporting.dashboard.notification-url",
                "http://127.0.0.1:" + ports.get("notification-service").http());
        platformConfig.put("reporting.dashboard.survey-url", "http://127.0.0.1:" + ports.get("survey-service").http());
        platformConfig.put("reporting.dashboard.scoring-url",
                "http://127.0.0.1:" + ports.get("scoring-service").http());
        // Off in production (rest-support); the local run and the tests of the packaged services keep it.
        platformConfig.put("quarkus.swagger-ui.enabled", "true");
        platformConfig.putAll(config);
        Platform platform = new Platform(repository, platformConfig, perService, logDir);
        try {
            List<ServiceProcess> started = new ArrayList<>();
            for (Map.Entry<String, ServiceProcess.Ports> instance : ports.entrySet()) {
                ServiceProcess process = platform.launch(instance.getKey(), instance.getValue(), Map.of());
                platform.running.put(instance.getKey(), process);
                started.add(process);
            }
            for (ServiceProcess process : started) {
                process.awaitReady(Duration.ofSeconds(120));
            }
            return platform;
        } catch (IOException | InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private ServiceProcess launch(String name, ServiceProcess.Ports ports, Map<String, String> extra)
            throws IOException {
        Map<String, String> instanceConfig = new LinkedHashMap<>(config);
        instanceConfig.putAll(perService.getOrDefault(moduleOf(name), Map.of()));
        instanceConfig.put("monitor.consumer.instance-id", name);
        instanceConfig.putAll(extra);
        return ServiceProcess.start(name, jar(repository, moduleOf(name)), ports, instanceConfig,
                logDir.resolve(restarts.merge(name, 1, Integer::sum) == 1 ? "" : "restarted"));
    }

    /** The module of an instance name: {@code scoring-service-2} is an instance of {@code scoring-service}. */
    private static String moduleOf(String instance) {
        return SERVICES.keySet().stream().filter(s -> instance.equals(s) || instance.startsWith(s + "-"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No service " + instance));
    }

    private static Path jar(Path repository, String service) {
        return repository.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * Stops one service instance and starts it again on the same ports, with the platform's configuration plus
     * {@code extra}; waits until it is ready. Its log is {@code <logDir>/restarted/<name>.log}.
     */
    public ServiceProcess restart(String name, Map<String, String> extra) throws IOException, InterruptedException {
        ServiceProcess old = service(name);
        old.stop();
        ServiceProcess process = launch(name, old.ports(), extra);
        running.put(name, process);
        return process.awaitReady(Duration.ofSeconds(120));
    }

    /** Kills one service instance at once (SIGKILL), as a crash would; {@link #restart} starts it again. */
    public void kill(String name) {
        service(name).kill();
    }

    public ServiceProcess service(String name) {
        ServiceProcess process = running.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return process;
    }

    public String url(String service) {
        return service(service).url();
    }

    /** The management interface of a service instance: {@code /q/health}, {@code /q/metrics}. */
    public String managementUrl(String service) {
        return service(service).managementUrl();
    }

    public List<ServiceProcess> services() {
        return List.copyOf(running.values());
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(running.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        running.clear();
    }

    /** A free port of 127.0.0.1, never handed out before in this JVM ({@link FreePorts#LOOPBACK}). */
    public static int freePort() throws IOException {
        try {
            return FreePorts.LOOPBACK.next();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
