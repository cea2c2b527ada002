package nl.monitor.messaging;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;

/**
 * Latency histograms with fixed buckets (Prometheus {@code <name>_seconds_bucket{le}}) for the timers that alert
 * and dashboard percentiles are computed from, so that {@code histogram_quantile} can aggregate over replicas: the HTTP
 * server's {@code http.server.requests} and the pipeline's {@code monitor.consumer.delay}. About a dozen buckets per
 * series, not Micrometer's 70 of a full percentile histogram.
 */
@Singleton
public class LatencyHistograms {

    @Produces
    @Singleton
    public MeterFilter latencyBuckets(
            @ConfigProperty(name = "monitor.metrics.histograms",
                    defaultValue = "http.server.requests,monitor.consumer.delay") List<String> timers,
            @ConfigProperty(name = "monitor.metrics.latency-buckets",
                    defaultValue = "5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s,30s,60s")
            List<Duration> buckets) {
        double[] nanos = buckets.stream().mapToDouble(Duration::toNanos).sorted().toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!timers.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
