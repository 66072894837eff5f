package com.texterchat.examples.tour;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who and what the examples act on. For the embedded Texter these are demo values; for a real project they come
 * from the {@code TEXTER_TOUR_*} variables (see the README), and writes go only where the user said they may.
 *
 * @param contactPhone the contact whose chat the bot and CRM examples use, or {@code null} when there is none
 * @param contactWritesBlocked why nothing may be written to that chat (it was picked for reading only), or
 *     {@code null} when writes are fine
 * @param accountId the WhatsApp business number that owns templates, or {@code null} when unknown
 * @param recipients the numbers the template campaign sends to
 * @param labelName the label the CRM example puts on the chat
 * @param agentEmail the agent the CRM example assigns the chat to, or {@code null}
 * @param departmentId the department the CRM example assigns the chat to, or {@code null}
 * @param webhookUrl the public URL subscriptions point at (a tunnel to the receiver), or {@code null} to use the
 *     receiver's own URL
 * @param texterReachesLoopback whether this Texter can POST to 127.0.0.1 (the simulator delivers to loopback
 *     receivers; a real Texter cannot)
 */
public record TourTargets(@Nullable String contactPhone, @Nullable String contactWritesBlocked,
        @Nullable String accountId, List<String> recipients, String labelName, @Nullable String agentEmail,
        @Nullable String departmentId, @Nullable String webhookUrl, boolean texterReachesLoopback) {

    /** Copies the recipients. */
    public TourTargets {
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(labelName, "labelName");
    }

    /**
     * The URL a subscription should point at: {@link #webhookUrl()} when set, else the receiver's own.
     *
     * @param receiver the local receiver's URL
     * @return the URL for the subscription
     */
    public String subscriptionUrl(URI receiver) {
        return webhookUrl != null ? webhookUrl : receiver.toString();
    }

    /**
     * Why Texter could not deliver to {@code url}, or {@code null} when it can.
     *
     * @param url a webhook URL
     * @return the reason, or {@code null}
     */
    public @Nullable String unreachableReason(String url) {
        if (texterReachesLoopback || !isLoopback(URI.create(url).getHost())) {
            return null;
        }
        return "Texter cannot reach " + url + " on this machine; set TEXTER_TOUR_WEBHOOK_URL to a public https URL"
                + " that forwards to the receiver (port TEXTER_TOUR_RECEIVER_PORT)";
    }

    private static boolean isLoopback(@Nullable String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // a name: never resolved here
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
