package nl.monitor.notification.channel;

import nl.monitor.notification.delivery.DeliveryCall;
import nl.monitor.notification.delivery.DeliveryOutcome;

import java.util.concurrent.CompletableFuture;

/** Sends one delivery attempt over one channel; the future always completes normally, with the outcome. */
public interface ChannelSender {

    CompletableFuture<DeliveryOutcome> send(DeliveryCall call);
}
