package nl.monitor.rest.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import nl.monitor.rest.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every service's OpenAPI document shares, applied at build time to each one: the RFC 9457 problem document
 * ({@code Problem}, {@code FieldError}) and the {@code Idempotency-Key} header described once in {@code components}
 * and referenced; a problem body on every 4xx and 5xx answer that names none (401 excepted: the token check answers
 * with {@code WWW-Authenticate} and no body); 401 and 403 on every operation that needs a token, an explicitly
 * empty security requirement on the open ones ({@code /sign-in}); and the one server entry, the service itself ({@code .}, relative
 * to where the document was served).
 */
// Priority: a fixed order with a service's own filters (WebhookDocumentation), so that the document's keys come in the
// same order on every build (OpenApiDocumentTest compares it byte for byte).
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = MonitorOpenApiFilter.PRIORITY)
public class MonitorOpenApiFilter implements OASFilter {

    /** A service's own build filters take another priority, lower or higher, never this one. */
    public static final int PRIORITY = 100;
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        api.setServers(List.of(OASFactory.createServer().url(".")
                .description("The service that served this document: relative to the document's own address, so "
                        + "that it holds locally (http://localhost:<port>/openapi) and behind the Ingress "
                        + "(https://<host>/<service>/openapi) alike")));
        boolean idempotencyKeyUsed = false;
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
                if (path.getValue().getOperations() == null) {
                    continue;
                }
                for (Operation operation : path.getValue().getOperations().values()) {
                    idempotencyKeyUsed |= referenceIdempotencyKey(operation);
                    secure(path.getKey(), operation);
                    problemBodies(operation);
                }
            }
        }
        if (idempotencyKeyUsed) {
            components.addParameter(IDEMPOTENCY_KEY, idempotencyKeyParameter());
        }
    }

    /** Replaces an inline {@code Idempotency-Key} header parameter by a reference to the shared one. */
    private static boolean referenceIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        boolean found = false;
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getRef() == null && parameter.getIn() == Parameter.In.HEADER
                    && IDEMPOTENCY_HEADER.equalsIgnoreCase(parameter.getName())) {
                parameters.add(OASFactory.createParameter().ref(IDEMPOTENCY_KEY));
                found = true;
            } else {
                parameters.add(parameter);
            }
        }
        operation.setParameters(parameters);
        return found;
    }

    /** {@code /api/*} needs a bearer token (401 without one, 403 when the role or claims do not allow it). */
    private static void secure(String path, Operation operation) {
        boolean api = path.equals("/api") || path.startsWith("/api/");
        if (!api) {
            if (operation.getSecurity() == null) {
                operation.setSecurity(new ArrayList<>());
            }
            return;
        }
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(BEARER);
            operation.setSecurity(new ArrayList<>(List.of(bearer)));
        }
        APIResponses responses = responses(operation);
        if (!responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse()
                    .description("No valid bearer token (answered with WWW-Authenticate and no body)"));
        }
        if (!responses.hasAPIResponse("403")) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse()
                    .description("The caller's role or claims (municipality, region) do not give access"));
        }
    }

    /** Every 4xx/5xx answer but 401 is a problem document: give it the shared schema where it names none. */
    private static void problemBodies(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            String code = entry.getKey();
            APIResponse response = entry.getValue();
            if (response.getRef() != null || code.equals("401") || !(code.startsWith("4") || code.startsWith("5"))) {
                continue;
            }
            Content content = response.getContent();
            if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(problemRef())));
                continue;
            }
            MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
            if (problem != null && (problem.getSchema() == null || isEmpty(problem.getSchema()))) {
                problem.setSchema(problemRef());
            }
        }
    }

    private static boolean isEmpty(Schema schema) {
        return schema.getRef() == null && schema.getType() == null && schema.getProperties() == null;
    }

    private static APIResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        return operation.getResponses();
    }

    private static Schema problemRef() {
        return OASFactory.createSchema().ref(PROBLEM);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document (application/problem+json), the body of every error "
                        + "answer but 401")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", string("The kind of problem, a stable URI, e.g. "
                        + "https://monitor.nl/problems/invalid-input").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong in this case"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("One entry per invalid field (400, 413, 422); left out otherwise")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of the request")
                .addRequired("field").addRequired("code").addRequired("message")
                .addProperty("field", string("Its path in the body or the parameter's name, e.g. "
                        + "goals[0].inhoud.categories[2].options[0].option or Idempotency-Key"))
                .addProperty("code", string("A stable reason, e.g. unknown-option, required, too-large"))
                .addProperty("message", string("The reason in words"))
                .addProperty("category", string("The measure category it is about when the path cannot name it "
                        + "(category-missing); left out otherwise"));
    }

    private static Parameter idempotencyKeyParameter() {
        return OASFactory.createParameter().name(IDEMPOTENCY_HEADER).in(Parameter.In.HEADER).required(false)
                .description("Makes a retried POST safe: the same key with the same body answers the first result "
                        + "again (200) instead of storing a second time; the same key with another body is a 422 "
                        + "(idempotency-key-reused). 1 to 200 characters; an import's 1 to 190, as each of its rows is "
                        + "remembered under <key>#<row>.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(200));
    }
}
