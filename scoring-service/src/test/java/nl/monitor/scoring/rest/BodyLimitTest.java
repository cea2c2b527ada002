package nl.monitor.scoring.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.testsupport.ChunkedUpload;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The body limit of rest-support holds here too for a body sent chunked, without a length. */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class BodyLimitTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void a_chunked_rescore_request_of_12_mb_gets_413_before_it_is_read() {
        ChunkedUpload.Answer answer = ChunkedUpload.post(URI.create(base.toString()), "/api/admin/rescore",
                TestTokens.admin(), "{\"year\": 2017, \"rulesVersion\": 2, \"padding\": \"", 12L * 1024 * 1024,
                Duration.ofSeconds(30));

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"body\"", "\"code\":\"too-large\"");
        assertThat(answer.bytesSentBeforeAnswer()).isLessThan(8L * 1024 * 1024);
        assertThat(answer.closedByServer()).isTrue();
    }
}
