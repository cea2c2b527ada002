package nl.monitor.notification.service;

import java.util.concurrent.CompletableFuture;

/** Sends one delivery attempt over one channel; the future always completes normally, with the outcome. */
public interface ChannelSender {

    CompletableFuture<DeliveryOutcome> send(DeliveryCall call);
}
