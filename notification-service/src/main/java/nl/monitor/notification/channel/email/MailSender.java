package nl.monitor.notification.channel.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.EventCodec;
import nl.monitor.messaging.SmtpCalls;
import nl.monitor.notification.channel.ChannelSender;
import nl.monitor.notification.config.DeliveryConfig;
import nl.monitor.notification.delivery.DeliveryCall;
import nl.monitor.notification.delivery.DeliveryOutcome;
import nl.monitor.notification.delivery.DigestPayload;
import nl.monitor.notification.delivery.WebhookPayload;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a delivery as a Dutch e-mail over SMTP (quarkus-mailer). The SMTP server accepting the message counts as
 * delivered. The delivery id travels in the {@code X-Monitor-Delivery-Id} header and in the Message-ID, so a mail
 * client or rule can drop a copy a retry after a lost acknowledgement sent again. A send that gets no answer within
 * {@code notification.delivery.request-timeout} fails and is retried like a webhook call. Sends start through
 * {@link SmtpCalls} (a greeting the mail client dropped would stall them until that timeout).
 */
@ApplicationScoped
public class MailSender implements ChannelSender {

    public static final String DELIVERY_ID_HEADER = "X-Monitor-Delivery-Id";

    private final ReactiveMailer mailer;
    private final SmtpCalls smtp;
    private final ObjectMapper json;
    private final String cardUrl;

    private final Duration timeout;

    public MailSender(ReactiveMailer mailer, EventCodec codec, DeliveryConfig config,
                      @ConfigProperty(name = "notification.mail.card-url") String cardUrl, Vertx vertx) {
        this.mailer = mailer;
        this.smtp = new SmtpCalls(vertx);
        this.timeout = config.requestTimeout();
        this.json = codec.mapper();
        this.cardUrl = cardUrl;
    }

    @Override
    public CompletableFuture<DeliveryOutcome> send(DeliveryCall call) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        Mail mail;
        try {
            JsonNode payload = json.readTree(call.payload());
            AlertMail text = DigestPayload.TYPE.equals(payload.path("type").asText())
                    ? AlertMail.digest(json.treeToValue(payload, DigestPayload.class), cardUrl)
                    : AlertMail.of(json.treeToValue(payload, WebhookPayload.class), cardUrl);
            mail = Mail.withText(call.email(), text.subject(), text.body())
                    .addHeader(DELIVERY_ID_HEADER, call.deliveryId().toString())
                    .addHeader("Message-ID", "<" + call.deliveryId() + "@notification.monitor>");
        } catch (JsonProcessingException | RuntimeException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.failed(at, "cannot write the e-mail: " + e, 0));
        }
        return smtp.start(() -> mailer.send(mail)).ifNoItem().after(timeout).fail().subscribeAsCompletionStage()
                .handle((ignored, failure) -> {
                    long latencyMs = (System.nanoTime() - start) / 1_000_000;
                    return failure == null ? DeliveryOutcome.succeeded(at, latencyMs)
                            : DeliveryOutcome.failed(at, SmtpCalls.describe(failure), latencyMs);
                });
    }
}
