package nl.monitor.rest;

import io.smallrye.openapi.api.SmallRyeOpenAPI;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared deprecation mechanism on a test-only resource: its deprecated operation's answers carry Deprecation,
 * Sunset and Link, the current one's none, and the OpenAPI document SmallRye makes of it says deprecated: true.
 */
class ApiDeprecationsTest {

    @Path("/api/legacy")
    public static class LegacyResource {

        @GET
        @Path("/old")
        @Deprecated
        @ApiDeprecation(since = "2027-01-01", sunset = "2027-07-01", link = "https://monitor.example.nl/api-reference/")
        public String old() {
            return "old";
        }

        @GET
        @Path("/new")
        public String current() {
            return "new";
        }

        @GET
        @Path("/unmarked")
        @ApiDeprecation(since = "2027-01-01", sunset = "2027-07-01")
        public String unmarked() {
            return "unmarked";
        }

        @GET
        @Path("/hasty")
        @Deprecated
        @ApiDeprecation(since = "2027-01-01", sunset = "2027-03-01")
        public String hasty() {
            return "hasty";
        }
    }

    private static Method method(String name) throws NoSuchMethodException {
        return LegacyResource.class.getMethod(name);
    }

    @Test
    void a_deprecated_operation_answers_with_deprecation_sunset_and_link() throws Exception {
        MultivaluedMap<String, Object> headers = filter(method("old"));

        assertThat(headers.getFirst("Deprecation")).isEqualTo("@1798761600");   // 2027-01-01T00:00:00Z
        assertThat(headers.getFirst("Sunset")).isEqualTo("Thu, 01 Jul 2027 00:00:00 GMT");
        assertThat(headers.getFirst("Link"))
                .isEqualTo("<https://monitor.example.nl/api-reference/>; rel=\"deprecation\"; type=\"text/html\"");
    }

    @Test
    void a_current_operation_answers_without_them() throws Exception {
        assertThat(filter(method("current"))).isEmpty();
    }

    @Test
    void the_document_marks_the_deprecated_operation_and_only_it() throws Exception {
        OpenAPI document = SmallRyeOpenAPI.builder().withConfig(ConfigProvider.getConfig())
                .withIndex(Index.of(LegacyResource.class)).enableModelReader(false).enableStandardStaticFiles(false)
                .enableStandardFilter(false).build().model();

        assertThat(document.getPaths().getPathItem("/api/legacy/old").getGET().getDeprecated()).isTrue();
        assertThat(document.getPaths().getPathItem("/api/legacy/new").getGET().getDeprecated()).isNotEqualTo(true);
    }

    @Test
    void a_deprecation_the_document_would_not_show_or_with_less_than_six_months_notice_is_refused() {
        assertThatThrownBy(() -> ApiDeprecations.headers(method("unmarked")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not @Deprecated");
        assertThatThrownBy(() -> ApiDeprecations.headers(method("hasty")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("less than 6 months");
    }

    /** The headers the shared response filter adds to an answer of the method. */
    private static MultivaluedMap<String, Object> filter(Method method) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(
                ApiDeprecationsTest.class.getClassLoader(), new Class<?>[] {ContainerResponseContext.class},
                (proxy, called, args) -> {
                    if (called.getName().equals("getHeaders")) {
                        return headers;
                    }
                    throw new UnsupportedOperationException(called.getName());
                });
        ResourceInfo resource = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return LegacyResource.class;
            }
        };
        new ApiDeprecations().addHeaders(response, resource);
        return headers;
    }
}
