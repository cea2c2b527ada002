package nl.monitor.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.monitor.demo.DemoCohorts;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.testsupport.ConsumerLag;
import nl.monitor.testsupport.KafkaBroker;
import nl.monitor.testsupport.PipelineCounts;
import nl.monitor.testsupport.PipelineState;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.ServiceProcess;
import nl.monitor.testsupport.SubmissionLoad;
import nl.monitor.testsupport.SubmissionLoad.Offer;
import nl.monitor.testsupport.SubmissionLoad.Result;
import nl.monitor.testsupport.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline benchmark, one run on this machine: first the baselines (PostgreSQL durable inserts over 8
 * connections, Kafka producer with acks=all, both with 9 KB rows), then the platform started as the local run starts
 * it (Kafka and PostgreSQL in this JVM, the four packaged services as processes) under a real HTTP load, with each
 * figure beside its target and its ratio to a baseline. Settings: {@code -Dbench.submissions} (6000, the measured
 * wave), {@code -Dbench.warmup} (6000, the wave before it, which compiles the services' paths and is not measured),
 * {@code -Dbench.connections} (16), {@code -Dbench.import-rows} (352, one per municipality; 0 skips the import),
 * {@code -Dbench.rebuilds} (3; 0 skips the rebuild), {@code -Dbench.restart} (true; false skips the start of one
 * service alone).
 */
public final class PipelineBenchmark {

    private static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 6_000);
    /**
     * The warm-up wave: as large as the measured one by default, so that the services' paths are compiled by the JIT
     * before the measured wave (about half of a service's CPU in a first wave of 6,000 is compilation), and the
     * measured wave shows the steady state a long-running service is in.
     */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 6_000);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    /** A wave: one row per municipality of the division (352), as an import takes it. */
    private static final int IMPORT_ROWS = Integer.getInteger("bench.import-rows", 352);
    private static final int REBUILDS = Integer.getInteger("bench.rebuilds", 3);
    private static final boolean RESTART = Boolean.parseBoolean(System.getProperty("bench.restart", "true"));
    private static final int RECORD_BYTES = 9 * 1024;
    private static final Duration QUIET = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final List<String> lines = new ArrayList<>();
    private final MunicipalityDivision division = MunicipalityDivision.shipped();
    private final DemoCohorts cohorts = DemoCohorts.standard();
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private Admin admin;
    private Platform platform;

    private PipelineBenchmark(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        PipelineBenchmark benchmark = new PipelineBenchmark(root);
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stop, "stop-platform"));
        try {
            benchmark.run();
        } catch (Exception | Error e) {
            // Kafka's and PostgreSQL's threads would keep this JVM (and so the platform's processes) alive
            e.printStackTrace();
            benchmark.stop();
            System.exit(1);
        } finally {
            benchmark.stop();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path work = root.resolve("benchmarks/target/run");
        System.setProperty("monitor.postgres.working-dir", work.resolve("postgres").toString());
        say("Starting Kafka and PostgreSQL ...");
        kafka = KafkaBroker.shared();
        postgres = PostgresServer.shared();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));

        say("Baselines ...");
        double postgresBaseline = postgresInsertRate(8, Duration.ofSeconds(10));
        double kafkaBaseline = kafkaProduceRate(20_000);
        row("baseline: PostgreSQL durable inserts, 9 KB, 8 connections", postgresBaseline, "/s", "", "");
        row("baseline: Kafka producer, 9 KB records, acks=all, lz4", kafkaBaseline, "/s", "", "");

        say("Starting the four services ...");
        platform = Platform.start(root, kafka, postgres, false, Map.of(), work.resolve("service-logs"));
        say("Warming up with " + WARMUP + " submissions ...");
        Map<String, Double> warmupBefore = cpuSeconds();
        Map<String, Double> warmupJitBefore = jitCpuSeconds();
        long warmupStart = System.nanoTime();
        List<Result> warmup = new SubmissionLoad(platform.url("survey-service")).offer(offers(2090, WARMUP),
                CONNECTIONS);
        awaitQuiet();
        long warmupQuiet = System.nanoTime();
        Map<String, Double> warmupAfter = cpuSeconds();
        Map<String, Double> warmupJitAfter = jitCpuSeconds();
        long warmupAccepted = warmup.stream().filter(Result::accepted).count();
        if (warmupAccepted > 0) {
            row("warm-up wave (not measured): accepted -> reported, end to end",
                    warmupAccepted / ((warmupQuiet - warmupStart) / 1e9), "/s", "", warmupAccepted + " assessments");
            for (String process : warmupAfter.keySet()) {
                double cpu = warmupAfter.get(process) - warmupBefore.getOrDefault(process, 0.0);
                row("  warm-up CPU per 1,000 assessments: " + process, cpu * 1000 / warmupAccepted, "s", "",
                        jitShare(process, cpu, warmupAccepted, warmupJitBefore, warmupJitAfter));
            }
        }

        say("Offering " + SUBMISSIONS + " submissions over " + CONNECTIONS + " connections ...");
        Sampler sampler = new Sampler();
        Thread sampling = new Thread(sampler, "lag-sampler");
        List<Offer> offers = offers(2091, SUBMISSIONS);
        sampling.start();
        Map<String, Double> cpuBefore = cpuSeconds();
        Map<String, Double> jitBefore = jitCpuSeconds();
        long start = System.nanoTime();
        List<Result> results = new SubmissionLoad(platform.url("survey-service")).offer(offers, CONNECTIONS);
        long loaded = System.nanoTime();
        awaitQuiet();
        long quiet = System.nanoTime();
        Map<String, Double> cpuAfter = cpuSeconds();
        Map<String, Double> jitAfter = jitCpuSeconds();
        sampler.stop();
        sampling.join();

        List<Result> accepted = results.stream().filter(Result::accepted).toList();
        double seconds = (loaded - start) / 1e9;
        row("POST /api/submissions accepted", accepted.size() / seconds, "/s", ">= 1,500/s",
                ratio(accepted.size() / seconds, postgresBaseline));
        row("  latency p50 / p90 / p99", SubmissionLoad.percentileMillis(accepted, 50), "ms",
                "p99 < 100 ms", String.format("p90 %.0f ms, p99 %.0f ms",
                        SubmissionLoad.percentileMillis(accepted, 90), SubmissionLoad.percentileMillis(accepted, 99)));
        row("  refused or failed", results.size() - accepted.size(), "", "0", "");
        double endToEnd = accepted.size() / ((quiet - start) / 1e9);
        row("accepted -> scored -> reported, end to end", endToEnd, "/s", ">= 2,000/s",
                ratio(endToEnd, kafkaBaseline));
        row("  lag when the load stopped: drained in", (quiet - loaded) / 1e9, "s", "< 5 s", "");
        row("scoring-service draining survey-submitted", sampler.scoring.rate(), "events/s", ">= 3,000/s",
                ratio(sampler.scoring.rate(), kafkaBaseline));
        row("reporting-service draining both topics", sampler.reporting.rate(), "events/s", ">= 5,000/s",
                ratio(sampler.reporting.rate(), kafkaBaseline));
        exactlyOnce(2091, accepted.size());
        double wall = (quiet - start) / 1e9;
        double used = 0;
        for (String process : cpuAfter.keySet()) {
            double cpu = cpuAfter.get(process) - cpuBefore.getOrDefault(process, 0.0);
            used += cpu;
            row("  CPU per 1,000 assessments: " + process, cpu * 1000 / accepted.size(), "s", "",
                    String.format("%.2f s; %.0f%% of one core over the run", cpu * 1000 / accepted.size(),
                            100 * cpu / wall)
                            + jitShare(process, cpu, accepted.size(), jitBefore, jitAfter));
        }
        row("  CPU used of the machine over the run", 100 * used / (wall * Runtime.getRuntime().availableProcessors()),
                "%", "", Runtime.getRuntime().availableProcessors() + " cores");
        row("  load average (1 min) during the measured wave", sampler.load.mean(), "", "",
                String.format("max %.1f; the host's, other builds included", sampler.load.max));

        if (IMPORT_ROWS > 0) {
            say("Bulk import of " + IMPORT_ROWS + " rows ...");
            double importRate = importRate(2092);
            row("POST /api/imports, " + IMPORT_ROWS + " rows", importRate, "rows/s", ">= 3,000 rows/s",
                    ratio(importRate, postgresBaseline));
            awaitQuiet();
        }

        // The first rebuild of a service's life also compiles its code (the replay's paths run nowhere else), so
        // it is run three times: the median, and the first beside it.
        say("Rebuilding the reporting read model, " + REBUILDS + " times ...");
        List<Double> rebuildRates = new ArrayList<>();
        long replayed = 0;
        for (int i = 0; i < REBUILDS; i++) {
            JsonNode rebuilt = post(platform.url("reporting-service") + "/api/admin/read-model/rebuild", "");
            double rebuildSeconds = Duration.between(Instant.parse(rebuilt.path("startedAt").asText()),
                    Instant.parse(rebuilt.path("finishedAt").asText())).toMillis() / 1e3;
            replayed = rebuilt.path("records").asLong();
            rebuildRates.add(replayed / rebuildSeconds);
        }
        List<Double> sortedRates = rebuildRates.stream().sorted().toList();
        if (REBUILDS > 0) {
            row("POST /api/admin/read-model/rebuild, " + replayed + " events", sortedRates.get(REBUILDS / 2),
                    "events/s", ">= 20,000/s", String.format("median of %d; the first %.0f/s", REBUILDS,
                            rebuildRates.get(0)));
        }

        for (ServiceProcess service : platform.services()) {
            row("RSS of " + service.name() + " after the load", rssMegabytes(service.pid()), "MB", "<= 256 MB", "");
        }
        if (RESTART) {
            // Stopped first (its consumer drains and leaves the group), so that the figure is the start alone.
            platform.service("scoring-service").stop();
            long restart = System.nanoTime();
            platform.restart("scoring-service", Map.of());
            row("start of one service alone (scoring-service, to ready)", (System.nanoTime() - restart) / 1e9, "s",
                    "< 3 s", startedIn(platform.service("scoring-service").log()));
        }

        System.out.println();
        System.out.println("Pipeline benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("%-62s %12s %-9s %-16s %s%n", "what", "figure", "", "target", "ratio / detail");
        lines.forEach(System.out::println);
    }

    private synchronized void stop() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    // --- baselines ---------------------------------------------------------------------------------------------

    /** Rows of 9 KB inserted by 8 connections, each insert its own committed transaction. */
    private double postgresInsertRate(int connections, Duration duration) throws Exception {
        try (Connection db = postgres.connect(); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS public.baseline (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
        }
        String payload = sampleRecord();
        AtomicLong inserted = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(pool.submit(() -> {
                try (Connection db = postgres.connect();
                     PreparedStatement insert = db.prepareStatement("INSERT INTO public.baseline (payload) VALUES (?)")) {
                    while (System.nanoTime() < end) {
                        insert.setString(1, payload);
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return inserted.get() / (duration.toNanos() / 1e9);
    }

    private double kafkaProduceRate(int records) throws Exception {
        kafka.createTopics("baseline");
        String value = sampleRecord();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("baseline", "GM" + (i % 400), value));
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** 9 KB of assessment JSON (distinct assessments, so it compresses as the real records do). */
    private String sampleRecord() {
        StringBuilder sample = new StringBuilder();
        for (Offer offer : offers(2089, 20)) {
            sample.append(offer.body());
        }
        return sample.substring(0, RECORD_BYTES);
    }

    // --- the platform ------------------------------------------------------------------------------------------

    private List<Offer> offers(int year, int count) {
        List<Municipality> municipalities = division.all();
        Random random = new Random(year);
        List<Offer> offers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String code = municipalities.get(random.nextInt(municipalities.size())).code();
            offers.add(new Offer(code, year, write(cohorts.random(code, year, random))));
        }
        return offers;
    }

    private double importRate(int year) throws Exception {
        List<Object> rows = new ArrayList<>();
        Random random = new Random(year);
        List<Municipality> municipalities = division.all();
        for (int i = 0; i < IMPORT_ROWS; i++) {
            rows.add(cohorts.random(municipalities.get(i % municipalities.size()).code(), year, random));
        }
        String body = write(Map.of("year", year, "rows", rows));
        long start = System.nanoTime();
        JsonNode result = post(platform.url("survey-service") + "/api/imports", body);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.path("accepted").asInt(-1) != IMPORT_ROWS) {
            say("import answered: " + result.toString().substring(0, Math.min(300, result.toString().length())));
        }
        return IMPORT_ROWS / seconds;
    }

    private void exactlyOnce(int year, int accepted) throws Exception {
        try (Connection db = postgres.connect()) {
            long stored = PipelineCounts.stored(db, year);
            long scored = PipelineCounts.scoredSubmissions(db, year);
            long scores = scored + PipelineCounts.duplicateScores(db, year);
            long municipalities = PipelineCounts.municipalities(db, year);
            long reported = PipelineCounts.currentVersionsReported(db, year);
            boolean exact = stored == accepted && scored == stored && scores == scored && reported == municipalities;
            row("every accepted assessment scored and reported exactly once", exact ? 1 : 0, "",
                    "yes", String.format("%s: accepted %d, stored %d, scored %d (%d scores), current reported %d of %d",
                            exact ? "yes" : "NO", accepted, stored, scored, scores, reported, municipalities));
        }
    }

    private void awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + QUIET.toNanos();
        while (true) {
            try (Connection db = postgres.connect()) {
                if (PipelineState.quiet(db, admin)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The platform did not drain within " + QUIET);
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling interval of a measurement loop, not a test synchronisation
        }
    }

    /** Samples the committed offsets of the scoring and reporting consumer groups while the load runs. */
    private final class Sampler implements Runnable {
        final Drain scoring = new Drain();
        final Drain reporting = new Drain();
        final Load load = new Load();
        private final AtomicBoolean running = new AtomicBoolean(true);

        @Override
        public void run() {
            while (running.get()) {
                try {
                    long now = System.nanoTime();
                    scoring.sample(now, ConsumerLag.of(admin, "scoring-service",
                            PipelineState.CONSUMED.get("scoring-service")).committed());
                    reporting.sample(now, ConsumerLag.of(admin, "reporting-service",
                            PipelineState.CONSUMED.get("reporting-service")).committed());
                    load.sample();
                    TimeUnit.MILLISECONDS.sleep(250);
                } catch (Exception e) {
                    say("sampling failed: " + e);
                }
            }
        }

        void stop() {
            running.set(false);
        }
    }

    /** The host's 1-minute load average, sampled with the offsets: its mean and maximum over the wave. */
    private static final class Load {
        private double sum;
        private int samples;
        private double max;

        void sample() throws Exception {
            double now = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            sum += now;
            samples++;
            max = Math.max(max, now);
        }

        double mean() {
            return samples == 0 ? Double.NaN : sum / samples;
        }
    }

    /** A group's progress: records committed between its first and its last advance, per second. */
    private static final class Drain {
        private long firstCommitted = -1;
        private long firstAt;
        private long lastCommitted;
        private long lastAdvanceAt;

        void sample(long at, long committed) {
            if (firstCommitted < 0) {
                firstCommitted = committed;
                firstAt = at;
                lastCommitted = committed;
            } else if (committed > lastCommitted) {
                if (lastCommitted == firstCommitted) {
                    firstAt = at;
                    firstCommitted = lastCommitted;
                }
                lastCommitted = committed;
                lastAdvanceAt = at;
            }
        }

        double rate() {
            return lastAdvanceAt > firstAt ? (lastCommitted - firstCommitted) / ((lastAdvanceAt - firstAt) / 1e9) : 0;
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestTokens.admin()).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * CPU seconds (user + system) used so far by each part: the four services, PostgreSQL (all its processes), and
     * this JVM, which runs the Kafka broker and the load generator.
     */
    private Map<String, Double> cpuSeconds() throws Exception {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        for (ServiceProcess service : platform.services()) {
            cpu.put(service.name(), cpuSeconds(service.pid()));
        }
        String dataDir = postgres.dataDirectory().toAbsolutePath().toString();
        double database = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String command = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    String status = Files.readString(proc.resolve("status"));
                    if (command.contains(dataDir) || status.contains("Name:\tpostgres")) {
                        database += cpuSeconds(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
        }
        cpu.put("PostgreSQL", database);
        cpu.put("Kafka broker + load generator (this JVM)", cpuSeconds(ProcessHandle.current().pid()));
        return cpu;
    }

    /**
     * CPU seconds used so far by the JIT compiler threads of each service (its tasks named "C1 CompilerThre..." and
     * "C2 CompilerThre..."), to tell compilation, a warm-up cost, from the work per event.
     */
    private Map<String, Double> jitCpuSeconds() throws Exception {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        for (ServiceProcess service : platform.services()) {
            double compile = 0;
            try (var tasks = Files.list(Path.of("/proc/" + service.pid() + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).matches("(?s)C[12] CompilerThre.*")) {
                            compile += cpuSeconds(task.resolve("stat"));
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a compiler thread that ended meanwhile (the JVM stops idle ones)
                    }
                }
            }
            cpu.put(service.name(), compile);
        }
        return cpu;
    }

    /**
     * The detail of a service's CPU row: how much of it the JIT compiler threads used, per 1,000 assessments, and
     * what is left without them (the work itself, still partly interpreted while compilation goes on).
     */
    private static String jitShare(String process, double cpu, long assessments, Map<String, Double> before,
                                   Map<String, Double> after) {
        if (!after.containsKey(process) || cpu <= 0) {
            return "";
        }
        double compile = after.get(process) - before.getOrDefault(process, 0.0);
        return String.format("; JIT compiler threads %.2f s per 1,000 (%.0f%%), without them %.2f s per 1,000",
                compile * 1000 / assessments, 100 * compile / cpu, (cpu - compile) * 1000 / assessments);
    }

    private static double cpuSeconds(long pid) throws Exception {
        return cpuSeconds(Path.of("/proc/" + pid + "/stat"));
    }

    private static double cpuSeconds(Path statFile) throws Exception {
        String stat = Files.readString(statFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static double rssMegabytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static String startedIn(Path log) throws Exception {
        return Files.readAllLines(log).stream().filter(l -> l.contains(" started in ")).reduce((a, b) -> b)
                .map(l -> "Quarkus: started in " + l.replaceAll(".* started in ([0-9.]+s).*", "$1")).orElse("");
    }

    private static String ratio(double figure, double baseline) {
        return String.format("%.2f x baseline", figure / baseline);
    }

    private void row(String what, double figure, String unit, String target, String detail) {
        String line = String.format("%-62s %12.1f %-9s %-16s %s", what, figure, unit, target, detail);
        lines.add(line);
        say(line);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void say(String line) {
        System.out.println("[benchmark] " + line);
    }
}
