package nl.monitor.notification.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import nl.monitor.notification.channel.webhook.WebhookSignature;
import nl.monitor.rest.openapi.MonitorOpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;

/**
 * The calls the notification-service makes to a subscriber's webhook, as OpenAPI 3.1 {@code webhooks} of its document
 * (README "Webhook calls"): a threshold crossing or its resolution (WebhookPayload) and a digest (DigestPayload),
 * each signed by Standard Webhooks headers instead of a token.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = MonitorOpenApiFilter.PRIORITY - 1)
public class WebhookDocumentation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.addWebhook("thresholdCrossed", call("receiveThresholdCrossing",
                "A municipality's score, or an indicator figure of the region (the body's indicator part), crossed a "
                        + "threshold of the subscription, or came back (type resolved)",
                "WebhookPayload"));
        api.addWebhook("digest", call("receiveDigest",
                "A digest subscription's alerts of the period, as one call", "DigestPayload"));
    }

    private static PathItem call(String operationId, String summary, String schema) {
        return OASFactory.createPathItem().POST(OASFactory.createOperation()
                .operationId(operationId).summary(summary).addTag("Subscriptions")
                .description("POST to the subscription's url. Verify the signature over the exact body bytes before "
                        + "parsing (Standard Webhooks); deduplicate on webhook-id, which stays the same on every retry.")
                .security(new ArrayList<>())
                .addParameter(header(WebhookSignature.ID_HEADER, "The delivery id (the body's deliveryId): the same on "
                        + "every retry"))
                .addParameter(header(WebhookSignature.TIMESTAMP_HEADER, "Unix seconds of this attempt"))
                .addParameter(header(WebhookSignature.SIGNATURE_HEADER, "v1,<base64 HMAC-SHA256 of "
                        + "\"<id>.<timestamp>.<body>\">; during a secret's rotation two, space-separated"))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(schema)))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("2XX", OASFactory.createAPIResponse()
                                .description("Received: the delivery is DELIVERED"))
                        .addAPIResponse("4XX", OASFactory.createAPIResponse()
                                .description("Refused (like any other answer, a redirect, a timeout): retried with "
                                        + "exponential backoff, FAILED after the last attempt"))));
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true)
                .description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
