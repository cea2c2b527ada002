package nl.monitor.survey.campaign;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.messaging.SmtpCalls;
import nl.monitor.survey.config.CampaignConfig;

/**
 * Hands a campaign mail to the SMTP server (quarkus-mailer) and says how that ended; never throws. A failure the
 * mail client reports (connection refused, the server's refusal) means the mail did not go out; no answer within
 * {@code survey.campaign.send-timeout} is uncertain.
 * Sends start through {@link SmtpCalls}: a greeting the mail client dropped would otherwise hang a send until the
 * timeout, and an uncertain campaign mail is never sent again.
 */
@ApplicationScoped
public class CampaignMailer {

    private final ReactiveMailer mailer;
    private final CampaignConfig config;
    private final SmtpCalls smtp;

    public CampaignMailer(ReactiveMailer mailer, CampaignConfig config, Vertx vertx) {
        this.mailer = mailer;
        this.config = config;
        this.smtp = new SmtpCalls(vertx);
    }

    public SendOutcome send(CampaignMail campaignMail) {
        Mail mail = Mail.withText(campaignMail.to(), campaignMail.subject(), campaignMail.body());
        campaignMail.headers().forEach(mail::addHeader);
        try {
            smtp.start(() -> mailer.send(mail)).await().atMost(config.sendTimeout());
            return SendOutcome.sent();
        } catch (TimeoutException e) {
            return SendOutcome.uncertain("no answer from the SMTP server within " + config.sendTimeout());
        } catch (RuntimeException e) {
            return SendOutcome.failed(SmtpCalls.describe(e));
        }
    }
}
