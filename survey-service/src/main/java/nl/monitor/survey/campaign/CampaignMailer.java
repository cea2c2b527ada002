package nl.monitor.survey.campaign;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.survey.config.CampaignConfig;

/**
 * Hands a campaign mail to the SMTP server (quarkus-mailer) and says how that ended; never throws. A failure the
 * mail client reports (connection refused, the server's refusal) means the mail did not go out; no answer within
 * {@code survey.campaign.send-timeout} is uncertain.
 */
@ApplicationScoped
public class CampaignMailer {

    private final ReactiveMailer mailer;
    private final CampaignConfig config;

    public CampaignMailer(ReactiveMailer mailer, CampaignConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public SendOutcome send(CampaignMail campaignMail) {
        Mail mail = Mail.withText(campaignMail.to(), campaignMail.subject(), campaignMail.body());
        campaignMail.headers().forEach(mail::addHeader);
        try {
            mailer.send(mail).await().atMost(config.sendTimeout());
            return SendOutcome.sent();
        } catch (TimeoutException e) {
            return SendOutcome.uncertain("no answer from the SMTP server within " + config.sendTimeout());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException
                    ? e.getCause() : e;
            return SendOutcome.failed("SMTP: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }
}
