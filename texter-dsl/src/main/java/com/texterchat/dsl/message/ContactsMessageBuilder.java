package com.texterchat.dsl.message;

import com.texterchat.model.ContactCard;
import com.texterchat.model.ContactEmail;
import com.texterchat.model.ContactName;
import com.texterchat.model.ContactOrg;
import com.texterchat.model.ContactPhone;
import com.texterchat.model.ContactUrl;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@code contacts} message: one or more contact cards, each with a displayed name. Start with
 * {@link Messages#contacts()}.
 *
 * <pre>{@code
 * Messages.contacts().contact("Texter Support", c -> c.phone("+972586640430", "WORK")).build();
 * }</pre>
 */
public final class ContactsMessageBuilder extends MessageBuilder<ContactsMessageBuilder> {

    private final List<ContactCard> contacts = new ArrayList<>();

    ContactsMessageBuilder() {
    }

    /** Adds a card showing only {@code formattedName}. */
    public ContactsMessageBuilder contact(String formattedName) {
        return contact(formattedName, card -> { });
    }

    /** Adds a card named {@code formattedName} and filled in by {@code card}. */
    public ContactsMessageBuilder contact(String formattedName, Consumer<Card> card) {
        Card added = new Card(formattedName);
        card.accept(added);
        contacts.add(added.card);
        return this;
    }

    @Override
    SessionMessage content() {
        return new SessionMessage().type(OutgoingMessageType.CONTACTS).contacts(new ArrayList<>(contacts));
    }

    /** One vCard-style contact card. Labels ({@code type}) are free text such as CELL, HOME or WORK. */
    public static final class Card {
        private final ContactName name;
        private final ContactCard card;

        Card(String formattedName) {
            this.name = new ContactName().formattedName(formattedName);
            this.card = new ContactCard().name(name);
        }

        /** The given and family name, besides the displayed one. */
        public Card name(@Nullable String firstName, @Nullable String lastName) {
            name.firstName(firstName).lastName(lastName);
            return this;
        }

        /** Adds a phone number with an optional label. */
        public Card phone(String phone, @Nullable String type) {
            card.addPhonesItem(new ContactPhone().phone(phone).type(type));
            return this;
        }

        /** Adds an email address with an optional label. */
        public Card email(String email, @Nullable String type) {
            card.addEmailsItem(new ContactEmail().email(email).type(type));
            return this;
        }

        /** Adds a web address with an optional label. */
        public Card url(String url, @Nullable String type) {
            card.addUrlsItem(new ContactUrl().url(url).type(type));
            return this;
        }

        /** The organisation: company, department and job title, each optional. */
        public Card org(@Nullable String company, @Nullable String department, @Nullable String title) {
            card.org(new ContactOrg().company(company).department(department).title(title));
            return this;
        }

        /** The birthday as {@code YYYY-MM-DD}. */
        public Card birthday(String birthday) {
            card.birthday(birthday);
            return this;
        }
    }
}
