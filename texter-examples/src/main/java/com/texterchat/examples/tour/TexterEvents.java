package com.texterchat.examples.tour;

import com.texterchat.model.Chat;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happens on Texter's side while an example runs: a contact writes or picks a menu row, a message is seen, a
 * label is added, WhatsApp reviews a template. On the test kit's simulator these really happen in the simulated
 * project, and the webhooks come from the subscriptions the examples imported ({@link #fromSubscriptions()}); against
 * a real project the tour cannot make them happen, so it posts the test kit's samples to the receiver itself
 * ({@link SampleWebhooks}).
 */
public interface TexterEvents {

    /**
     * Whether the webhooks of these events are delivered by Texter through the subscriptions the examples import
     * (the simulator), rather than posted by the tour.
     *
     * @return {@code true} on the simulator
     */
    boolean fromSubscriptions();

    /**
     * How the events reach the receiver, for the steps' titles, e.g. {@code test kit sample}.
     *
     * @return a few words
     */
    String how();

    /**
     * The contact writes {@code text} in the chat; a {@code newIncomingMessage} reaches {@code receiver}.
     *
     * @param receiver the receiver's URL (where a sample goes; a subscription names its own)
     * @param chat the chat, as Search Chats returned it
     * @param text what the contact writes
     */
    void contactWrites(URI receiver, Chat chat, String text);

    /**
     * The contact picks a row of a list menu: a {@code newIncomingMessage} of type {@code postback}.
     *
     * @param receiver the receiver's URL
     * @param chat the chat
     * @param payload the row's payload
     * @param title the row's title
     */
    void contactPicks(URI receiver, Chat chat, String payload, String title);

    /**
     * One event of each kind about the chat: the contact writes for {@code newIncomingMessage}, the chat's latest
     * outgoing message is seen for {@code messageStatusChanged}, a label is added for {@code chatLabelsUpdated}.
     *
     * @param receiver the receiver's URL
     * @param chat the chat, or {@code null} when there is none (samples then use their own chat)
     * @param eventNames Texter event names, in order
     * @param labelName the label a sample adds (the simulator adds {@link EmbeddedTexter#FOLLOW_UP_LABEL}, as the
     *     CRM example put the other one on the chat already)
     */
    void events(URI receiver, @Nullable Chat chat, List<String> eventNames, String labelName);

    /**
     * How WhatsApp's review of submitted templates can be made to finish here, e.g. {@code the simulator's clock
     * moves 30 minutes on}; {@code null} when only WhatsApp decides (a real project).
     *
     * @return a few words, or {@code null}
     */
    @Nullable String templateReview();

    /**
     * Lets WhatsApp finish reviewing the submitted templates, as {@link #templateReview()} describes.
     *
     * @throws UnsupportedOperationException when {@link #templateReview()} is {@code null}
     */
    void completeTemplateReviews();
}
