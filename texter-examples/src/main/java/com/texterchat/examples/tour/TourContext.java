package com.texterchat.examples.tour;

import com.texterchat.client.TexterClient;
import com.texterchat.Texter;
import java.time.Clock;
import java.time.Duration;

/**
 * What an example works with. The tour builds it for the embedded Texter or for a real project; examples only read
 * it, which is what keeps their code identical in both modes.
 *
 * @param texter the façade over the client of the Texter in use
 * @param steps runs and prints the example's steps; decides whether writes happen
 * @param targets the contact, account, recipients, label, agent and webhook URL to use
 * @param webhooks delivers Texter's webhooks to the examples' receivers (samples from the test kit)
 * @param receiverPort the port for webhook receivers on 127.0.0.1; 0 for any free port
 * @param webhookTimeout how long a receiver waits for a delivery
 * @param clock the current time (WhatsApp's 24-hour window)
 */
public record TourContext(Texter texter, Steps steps, TourTargets targets, SampleWebhooks webhooks, int receiverPort,
        Duration webhookTimeout, Clock clock) {

    /**
     * The client under the façade, for every operation the façade does not cover.
     *
     * @return {@code texter().client()}
     */
    public TexterClient client() {
        return texter.client();
    }
}
