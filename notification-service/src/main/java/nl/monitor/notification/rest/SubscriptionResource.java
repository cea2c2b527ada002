package nl.monitor.notification.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import nl.monitor.notification.Channel;
import nl.monitor.notification.DeliveryStatus;
import nl.monitor.notification.channel.stream.StreamHub;
import nl.monitor.notification.delivery.Deliverer;
import nl.monitor.notification.delivery.DeliveryLog;
import nl.monitor.notification.delivery.DeliveryView;
import nl.monitor.notification.subscription.SecretRotation;
import nl.monitor.notification.subscription.SubscriptionChange;
import nl.monitor.notification.subscription.SubscriptionRequest;
import nl.monitor.notification.subscription.SubscriptionService;
import nl.monitor.notification.subscription.SubscriptionView;
import nl.monitor.notification.subscription.WebhookTestCall;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

@Path("/api/subscriptions")
@Authenticated
@Tag(name = "Subscriptions", description = "The regional coordinators' subscriptions (webhook, e-mail, live stream), "
        + "with their delivery log")
@SecurityRequirement(name = "bearer")
public class SubscriptionResource {

    static final int MAX_LIMIT = 1000;

    private static final Logger LOG = Logger.getLogger(SubscriptionResource.class);

    private final SubscriptionService service;
    private final StreamHub streams;
    private final Deliverer deliverer;
    private final DeliveryLog deliveryLog;
    private final Caller caller;
    private final WebhookTestCall testCall;

    public SubscriptionResource(SubscriptionService service, StreamHub streams, Deliverer deliverer,
                                DeliveryLog deliveryLog, Caller caller, WebhookTestCall testCall) {
        this.service = service;
        this.testCall = testCall;
        this.deliveryLog = deliveryLog;
        this.streams = streams;
        this.deliverer = deliverer;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "createSubscription", summary = "Subscribe to the threshold crossings of a region",
            description = "By WEBHOOK (the default): every crossing the filter matches is POSTed to the URL as JSON, "
                    + "signed by the Standard Webhooks specification (webhook-id, webhook-timestamp, webhook-signature: "
                    + "v1,<base64 HMAC-SHA256 of \"<id>.<timestamp>.<body>\" keyed by the secret's decoded bytes>); "
                    + "the URL must be https and resolve to public addresses only. Leave the secret out to have one "
                    + "generated (whsec_ + base64 of 32 random bytes): it is in this answer only. By EMAIL: a Dutch e-mail to the address. By STREAM: "
                    + "Server-Sent Events on streamPath. A coordinator subscribes for its own region.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the new subscription",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "422", description = "Invalid region, URL, secret or description; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "relative URL", value = """
                            {"type":"https://monitor.nl/problems/invalid-input","title":"The request is invalid",
                             "status":422,"detail":"The subscription has 1 problem(s)","instance":"/api/subscriptions",
                             "errors":[{"field":"url","code":"invalid-url",
                                        "message":"the webhook URL must be an absolute http or https URL with a host, at most 2048 characters"}]}""")))
    @APIResponse(responseCode = "403", description = "A coordinator subscribing for another region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(SubscriptionRequest request, @Context UriInfo uri) {
        service.validate(request);
        caller.requireRegion(request.region());
        SubscriptionView created = service.create(request, caller.name());
        return Response.created(uri.getBaseUriBuilder().path("api/subscriptions/{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Caller.COORDINATOR, Caller.ANALYST, Caller.ADMIN})
    @Operation(operationId = "listSubscriptions", summary = "List the subscriptions",
            description = "A coordinator sees those of its own region; an analyst or admin all, or one region's. A "
                    + "webhook URL is shown in full to its owner and admins only, to others as scheme and host "
                    + "(https://host/…).")
    @APIResponse(responseCode = "403", description = "A coordinator asking for another region")
    @APIResponseSchema(value = SubscriptionView[].class, responseDescription = "The subscriptions")
    public List<SubscriptionView> list(@Parameter(description = "only this region") @QueryParam("region")
                                       String region) {
        return service.list(caller.regionToRead(region)).stream()
                .map(view -> view.forViewer(caller.ownerOrAdmin(view.owner()))).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.COORDINATOR, Caller.ANALYST, Caller.ADMIN})
    @Operation(operationId = "getSubscription", summary = "One subscription (without its secret)")
    @APIResponse(responseCode = "404", description = "No such subscription, or deleted")
    @APIResponse(responseCode = "403", description = "A subscription of another region")
    @APIResponseSchema(value = SubscriptionView.class, responseDescription = "The subscription")
    public SubscriptionView get(@PathParam("id") UUID id) {
        SubscriptionView subscription = readable(id);
        return subscription.forViewer(caller.ownerOrAdmin(subscription.owner()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "updateSubscription", summary = "Change a subscription's description, filter and digest",
            description = "Each replaces the stored one (left out: none, i.e. no filter is every crossing of the "
                    + "region); checked as at creation. Region, channel and target stay: a new URL or address is a new "
                    + "subscription. Turning the digest off sends what waited for it now.")
    @APIResponse(responseCode = "200", description = "The changed subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "422", description = "Invalid description, filter or digest; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or deleted")
    @APIResponse(responseCode = "403", description = "A subscription of another region, or of another coordinator")
    public SubscriptionView change(@PathParam("id") UUID id, SubscriptionChange change) {
        caller.requireOwner(readable(id).owner());
        return service.change(id, change, caller.name())
                .orElseThrow(() -> new NotFoundException("No subscription " + id)).forViewer(true);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "retryDelivery", summary = "Try a failed delivery again",
            description = "A FAILED delivery becomes PENDING, due now: one more attempt with the same webhook-id and "
                    + "body, after which it is DELIVERED or FAILED again (retry again to try once more).")
    @APIResponse(responseCode = "202", description = "Due now; it goes out within a moment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RetriedDelivery.class)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery of it")
    @APIResponse(responseCode = "403", description = "A subscription of another region, or of another coordinator")
    @APIResponse(responseCode = "409", description = "The delivery did not fail (pending, delivered or cancelled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retryDelivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        caller.requireOwner(readable(id).owner());
        switch (deliveryLog.retry(id, deliveryId, caller.name())) {
            case NOT_FOUND -> throw new NotFoundException("Subscription " + id + " has no delivery " + deliveryId);
            case NOT_FAILED -> throw new ClientErrorException("Delivery " + deliveryId
                    + " did not fail; only a FAILED delivery is retried", Response.Status.CONFLICT);
            case RETRIED -> deliverer.requestRound();
        }
        return Response.accepted(new RetriedDelivery(deliveryId, DeliveryStatus.PENDING)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription",
            description = "Nothing more is sent to it; deliveries still waiting are cancelled. Its delivery log is kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription, or deleted already")
    @APIResponse(responseCode = "403", description = "A subscription of another region, or of another coordinator")
    public Response delete(@PathParam("id") UUID id) {
        caller.requireOwner(readable(id).owner());
        if (!service.delete(id, caller.name())) {
            throw new NotFoundException("No subscription " + id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Caller.COORDINATOR, Caller.ANALYST, Caller.ADMIN})
    @Operation(operationId = "listDeliveries", summary = "The subscription's deliveries, newest first, each with every attempt",
            description = "Status PENDING (with the time of the next attempt), DELIVERED, FAILED (every attempt "
                    + "made) or CANCELLED; per attempt the HTTP status or error and the latency.")
    @APIResponse(responseCode = "404", description = "No such subscription, or deleted")
    @APIResponse(responseCode = "403", description = "A subscription of another region")
    @APIResponseSchema(value = DeliveryView[].class, responseDescription = "The deliveries")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id,
                                         @Parameter(description = "at most this many, 1 to 1000")
                                         @QueryParam("limit") @DefaultValue("100") int limit) {
        readable(id);
        return deliveryLog.ofSubscription(id, checkedLimit(limit));
    }

    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "streamSubscription", summary = "The live stream of a STREAM subscription (Server-Sent Events)",
            description = "Each alert of the subscription arrives as one event: id the delivery id (the same if it "
                    + "is ever sent again: deduplicate on it), event threshold-crossed or resolved, data the JSON "
                    + "body a webhook would get. What came while no client was connected waits (PENDING in the "
                    + "delivery log, no attempt spent) and is sent when one connects. Comments (keep-alive) every 20 s. "
                    + "Closed when the token expires: reconnect with a fresh one.")
    @APIResponse(responseCode = "200", description = "The stream, open until the client closes it",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "429", description = "The caller, or the instance, has as many streams open as "
            + "allowed (notification.stream.max-per-caller, max-total)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or deleted")
    @APIResponse(responseCode = "403", description = "A subscription of another region")
    @APIResponse(responseCode = "409", description = "Not a STREAM subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@PathParam("id") UUID id, @Context SseEventSink sink, @Context Sse sse) {
        ownedOf(id, Channel.STREAM, "a stream");
        streams.openSubscriptionStream(id, sink, sse,
                new StreamHub.Opener(caller.name(), caller.tokenExpiresAt().orElse(null)));
        int waiting = deliveryLog.dueNow(id);
        deliverer.requestRound();
        LOG.infof("Stream client of subscription %s connected (%s); %d waiting deliveries due", id, caller.name(),
                waiting);
    }

    @POST
    @Path("/{id}/secret")
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "rotateSubscriptionSecret", summary = "Rotate a webhook subscription's secret",
            description = "A new secret (whsec_ + base64 of 32 random bytes) is generated and shown in this answer "
                    + "only. Until previousSecretValidUntil (notification.webhook.rotation-overlap after now, 24 h) "
                    + "every call carries two signatures in webhook-signature, one per secret, so the receiver can "
                    + "switch to the new secret at its own moment; then only the new one. Rotating again within the "
                    + "overlap ends the oldest secret at once.")
    @APIResponse(responseCode = "200", description = "The new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SecretRotation.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or deleted")
    @APIResponse(responseCode = "403", description = "A subscription of another region, or of another coordinator")
    @APIResponse(responseCode = "409", description = "Not a WEBHOOK subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SecretRotation rotateSecret(@PathParam("id") UUID id) {
        ownedOf(id, Channel.WEBHOOK, "a secret");
        return service.rotateSecret(id, caller.name())
                .orElseThrow(() -> new NotFoundException("No subscription " + id));
    }

    @POST
    @Path("/{id}/test")
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "testWebhook", summary = "Send a test call to a webhook subscription",
            description = "POSTs {deliveryId, type: \"test\", subscriptionId, region, occurredAt, message} to the "
                    + "subscription's URL now, once, signed and checked exactly as a real delivery (Standard Webhooks "
                    + "headers; both secrets during a rotation's overlap), and answers what the receiver said: its "
                    + "HTTP status, or the generic reason the call failed. Not stored, not retried, not in the "
                    + "delivery log.")
    @APIResponse(responseCode = "200", description = "The call was made; delivered tells whether the receiver took it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookTestCall.Result.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or deleted")
    @APIResponse(responseCode = "403", description = "A subscription of another region, or of another coordinator")
    @APIResponse(responseCode = "409", description = "Not a WEBHOOK subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookTestCall.Result test(@PathParam("id") UUID id) {
        ownedOf(id, Channel.WEBHOOK, "a test call");
        return testCall.send(id, caller.name()).orElseThrow(() -> new NotFoundException("No subscription " + id));
    }

    @POST
    @Path("/{id}/digest")
    @RolesAllowed({Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "sendDigestNow", summary = "Send a digest subscription's digest now",
            description = "What waits for the next daily digest goes out now, as one message, instead of at "
                    + "notification.digest.at. Answers how many alerts it carries (0: nothing waited).")
    @APIResponse(responseCode = "202", description = "Due now; it goes out within a moment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DigestDue.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or deleted")
    @APIResponse(responseCode = "403", description = "A subscription of another region")
    @APIResponse(responseCode = "409", description = "Not a digest subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response digestNow(@PathParam("id") UUID id) {
        SubscriptionView subscription = readable(id);
        caller.requireOwner(subscription.owner());
        if (!subscription.digest()) {
            throw new ClientErrorException("Subscription " + id + " takes its alerts one by one; it has no digest",
                    Response.Status.CONFLICT);
        }
        int waiting = deliveryLog.dueNow(id);
        deliverer.requestRound();
        return Response.accepted(new DigestDue(waiting)).build();
    }

    /**
     * The subscription, for its owner (or an admin) only, and only of that channel.
     *
     * @throws ClientErrorException 409 for a subscription of another channel
     */
    private SubscriptionView ownedOf(UUID id, Channel channel, String what) {
        SubscriptionView subscription = readable(id);
        caller.requireOwner(subscription.owner());
        if (subscription.channel() != channel) {
            throw new ClientErrorException("Subscription " + id + " is a " + subscription.channel()
                    + " subscription; only " + channel + " subscriptions have " + what, Response.Status.CONFLICT);
        }
        return subscription;
    }

    private SubscriptionView readable(UUID id) {
        SubscriptionView subscription = service.find(id)
                .orElseThrow(() -> new NotFoundException("No subscription " + id));
        caller.requireRegion(subscription.region());
        return subscription;
    }

    static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "out-of-range", "limit is 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    /** The answer to a retry: the delivery, now PENDING and due. */
    @Schema(description = "A retried delivery, PENDING and due now")
    public record RetriedDelivery(@Schema(required = true) UUID deliveryId,
                                  @Schema(required = true) DeliveryStatus status) {
    }

    /** The answer to "send the digest now": how many alerts it carries. */
    @Schema(description = "A digest due now")
    public record DigestDue(@Schema(required = true, description = "The alerts it carries; 0: nothing waited",
            examples = "3") int alerts) {
    }
}
