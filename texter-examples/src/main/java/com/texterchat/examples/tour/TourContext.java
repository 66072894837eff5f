package com.texterchat.examples.tour;

import com.texterchat.Texter;
import java.time.Clock;
import java.time.Duration;

/**
 * What a stop of the tour works with. The tour builds it for the embedded Texter or for a real project; the stops only
 * read it and hand {@link #texter()} and the targets to the example classes, which is what keeps the examples' code
 * identical in both modes.
 *
 * @param texter the entry object of the Texter in use (embedded or the user's project)
 * @param steps runs and prints the example's steps; decides whether writes happen
 * @param targets the contact, account, recipients, label, agent and webhook URL to use
 * @param webhooks delivers Texter's webhooks to the examples' receivers (samples from the test kit)
 * @param receiverPort the port for webhook receivers on 127.0.0.1; 0 for any free port
 * @param webhookTimeout how long a receiver waits for a delivery
 * @param clock the current time (WhatsApp's 24-hour window)
 */
public record TourContext(Texter texter, Steps steps, TourTargets targets, SampleWebhooks webhooks, int receiverPort,
        Duration webhookTimeout, Clock clock) {
}
