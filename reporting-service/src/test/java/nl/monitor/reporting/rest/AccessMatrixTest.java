package nl.monitor.reporting.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.testsupport.AccessMatrix;
import nl.monitor.testsupport.MonitorInfrastructure;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

/**
 * Every operation of the OpenAPI document × every kind of caller against {@code access-matrix.csv}
 * (test-support {@link AccessMatrix}): a new endpoint needs its row there.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class AccessMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void every_operation_answers_every_caller_as_the_table_says() {
        AccessMatrix.verify(base, Map.of("id", "0", "compareWith", "2014", "indicator", "vt-reports"));
    }
}
