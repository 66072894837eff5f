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
 * @param events makes Texter's side happen: on the simulator real events whose webhooks the imported subscriptions
 *     deliver, against a real project the test kit's samples posted to the receivers
 * @param receiverPort the port for webhook receivers on 127.0.0.1; 0 for any free port
 * @param webhookTimeout how long a receiver waits for a delivery
 * @param clock the current time (WhatsApp's 24-hour window); on the simulator, its clock
 */
public record TourContext(Texter texter, Steps steps, TourTargets targets, TexterEvents events, int receiverPort,
        Duration webhookTimeout, Clock clock) {
}
