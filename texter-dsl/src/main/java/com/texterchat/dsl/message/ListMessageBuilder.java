package com.texterchat.dsl.message;

import com.texterchat.model.ListMenu;
import com.texterchat.model.ListRow;
import com.texterchat.model.ListSection;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@code list} message: a text, the label of the button that opens the list, and 1-10 sections holding at
 * most 10 rows in total ({@link MessageRules#LIST_ROWS_MAX}). Start with {@link Messages#list}.
 *
 * <pre>{@code
 * Messages.list("How can we help?", "Choose")
 *         .section("Support", s -> s.row("Technical issue", "1").row("Billing", "2", "Invoices and payments"))
 *         .build();
 * }</pre>
 */
public final class ListMessageBuilder extends MessageBuilder<ListMessageBuilder> {

    private final String text;
    private final String button;
    private final List<ListSection> sections = new ArrayList<>();

    ListMessageBuilder(String text, String button) {
        this.text = text;
        this.button = button;
    }

    /**
     * Adds a section.
     *
     * @param title the heading (at most {@link MessageRules#SECTION_TITLE_MAX}); required once there are two
     *     sections or more
     * @param rows adds the section's rows
     */
    public ListMessageBuilder section(@Nullable String title, Consumer<Section> rows) {
        Section section = new Section();
        rows.accept(section);
        sections.add(new ListSection().title(title).rows(section.rows));
        return this;
    }

    @Override
    SessionMessage content() {
        ListMenu list = new ListMenu().button(button).sections(new ArrayList<>(sections));
        return new SessionMessage().type(OutgoingMessageType.LIST).text(text)._list(list);
    }

    /** The rows of one section. */
    public static final class Section {
        private final List<ListRow> rows = new ArrayList<>();

        Section() {
        }

        /** Adds a row without payload or description. */
        public Section row(String title) {
            return row(title, null, null);
        }

        /** Adds a row whose postback carries {@code payload}. */
        public Section row(String title, @Nullable String payload) {
            return row(title, payload, null);
        }

        /**
         * Adds a row.
         *
         * @param title at most {@link MessageRules#ROW_TITLE_MAX} characters
         * @param payload returned in the postback when the contact picks the row (at most
         *     {@link MessageRules#ROW_PAYLOAD_MAX})
         * @param description second line of the row (at most {@link MessageRules#ROW_DESCRIPTION_MAX})
         */
        public Section row(String title, @Nullable String payload, @Nullable String description) {
            rows.add(new ListRow().title(title).payload(payload).description(description));
            return this;
        }
    }
}
