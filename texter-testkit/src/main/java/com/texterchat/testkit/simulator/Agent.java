package com.texterchat.testkit.simulator;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Texter user (agent) of the simulated project, as the {@code agent} provider of {@code domain.chat.assigned}
 * describes them.
 *
 * @param id the user id ({@code _id}; a chat's {@code agent.uid})
 * @param displayName the name shown in Texter
 * @param email the login email
 * @param crmId the agent's id in the CRM, if any
 * @param roles the user's roles, e.g. {@code agent}
 */
public record Agent(String id, String displayName, String email, @Nullable String crmId, List<String> roles) {

    /** Checks the parts and copies the roles. */
    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        roles = List.copyOf(roles);
    }

    /**
     * An agent with an id derived from the email (the same email always gives the same id) and the role
     * {@code agent}.
     */
    public static Agent of(String displayName, String email) {
        Objects.requireNonNull(email, "email");
        return new Agent(com.texterchat.testkit.internal.Ids.objectId("agent:" + email), displayName, email, null,
                List.of("agent"));
    }
}
