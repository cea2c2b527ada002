package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.OpenApiDocuments;
import org.junit.jupiter.api.Test;

import java.net.URL;

/** The live /openapi is the committed api/reporting-service.yaml (-Dopenapi.update=true rewrites that). */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class OpenApiDocumentTest {

    @TestHTTPResource("/")
    URL baseUrl;

    @Test
    void the_live_openapi_document_names_every_operation_and_is_the_committed_one() throws Exception {
        OpenApiDocuments.assertLiveDocumentIsCommitted("reporting-service", baseUrl.toURI());
    }
}
