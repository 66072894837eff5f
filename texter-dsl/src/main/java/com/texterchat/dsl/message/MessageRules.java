package com.texterchat.dsl.message;

import static com.texterchat.dsl.internal.Check.at;

import com.texterchat.dsl.InvalidRequestException;
import com.texterchat.dsl.internal.Check;
import com.texterchat.model.ContactCard;
import com.texterchat.model.ContactName;
import com.texterchat.model.ListMenu;
import com.texterchat.model.ListRow;
import com.texterchat.model.ListSection;
import com.texterchat.model.Location;
import com.texterchat.model.OutgoingMedia;
import com.texterchat.model.OutgoingMediaType;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.ReplyButton;
import com.texterchat.model.SessionMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The limits of a session message and the check that applies them to any {@link SessionMessage}, whether a
 * builder of {@link Messages} made it or not.
 *
 * <p>Each constant says where its limit comes from: <em>Texter</em> means Texter's API reference for Send a
 * Message to Chat; <em>WhatsApp</em> means WhatsApp's own limit for the message part (Cloud API reference for
 * text, media and interactive messages), enforced where Texter's reference is silent because WhatsApp refuses
 * the message anyway.
 */
public final class MessageRules {

    /** Text of a {@code text} message: at least 1 character. Texter. */
    public static final int TEXT_MIN = 1;
    /** Text of a {@code text} message: at most 4096 characters. Texter (which cites WhatsApp's limit). */
    public static final int TEXT_MAX = 4096;
    /** Body text of a {@code buttons} or {@code list} message: at most 1024 characters. WhatsApp (interactive body). */
    public static final int INTERACTIVE_TEXT_MAX = 1024;
    /** Media items of a {@code media} message: 1 to 10. Texter. */
    public static final int MEDIA_MAX = 10;
    /** Caption of an image, video or document: at most 1024 characters; audio takes none. WhatsApp. */
    public static final int CAPTION_MAX = 1024;
    /** Reply buttons of a {@code buttons} message: 1 to 3. Texter (which cites WhatsApp's limit). */
    public static final int BUTTONS_MAX = 3;
    /** Title of a reply button: 1 to 20 characters, unique within the message. WhatsApp. */
    public static final int BUTTON_TITLE_MAX = 20;
    /** Payload (WhatsApp's button ID) of a reply button: at most 256 characters. WhatsApp. */
    public static final int BUTTON_PAYLOAD_MAX = 256;
    /** Label of the button that opens a list: 1 to 20 characters. WhatsApp. */
    public static final int LIST_BUTTON_MAX = 20;
    /** Sections of a list: 1 to 10; a title is required once there is more than one. WhatsApp. */
    public static final int LIST_SECTIONS_MAX = 10;
    /** Rows of a list, counted across all sections: 1 to 10. Texter (which cites WhatsApp's limit). */
    public static final int LIST_ROWS_MAX = 10;
    /** Title of a list section: at most 24 characters. WhatsApp. */
    public static final int SECTION_TITLE_MAX = 24;
    /** Title of a list row: 1 to 24 characters. WhatsApp. */
    public static final int ROW_TITLE_MAX = 24;
    /** Description (second line) of a list row: at most 72 characters. WhatsApp. */
    public static final int ROW_DESCRIPTION_MAX = 72;
    /** Payload (WhatsApp's row ID) of a list row: at most 200 characters. WhatsApp. */
    public static final int ROW_PAYLOAD_MAX = 200;

    private MessageRules() {
    }

    /**
     * Checks {@code message} against every rule of its type.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static SessionMessage validate(SessionMessage message) {
        return validate(message, "");
    }

    /**
     * Checks {@code message}, reporting fields relative to {@code path} (e.g. {@code send.contents[0]}), so
     * the message inside a quick reply or a template fallback names its full path.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static SessionMessage validate(SessionMessage message, String path) {
        OutgoingMessageType type = Check.required(at(path, "type"), message.getType());
        Check.notBlankIfPresent(at(path, "context"), message.getContext());
        Check.notBlankIfPresent(at(path, "tmpSendId"), message.getTmpSendId());
        switch (type) {
            case TEXT:
                onlyContent(message, path, "text");
                Check.length(at(path, "text"), message.getText(), TEXT_MIN, TEXT_MAX);
                break;
            case MEDIA:
                onlyContent(message, path, "media");
                media(message.getMedia(), at(path, "media"));
                break;
            case BUTTONS:
                onlyContent(message, path, "text", "buttons");
                Check.length(at(path, "text"), message.getText(), TEXT_MIN, INTERACTIVE_TEXT_MAX);
                buttons(message.getButtons(), at(path, "buttons"));
                break;
            case LIST:
                onlyContent(message, path, "text", "list");
                Check.length(at(path, "text"), message.getText(), TEXT_MIN, INTERACTIVE_TEXT_MAX);
                list(message.getList(), at(path, "list"));
                break;
            case CONTACTS:
                onlyContent(message, path, "contacts");
                contacts(message.getContacts(), at(path, "contacts"));
                break;
            case LOCATION:
                onlyContent(message, path, "location");
                location(message.getLocation(), at(path, "location"));
                break;
            default:
                throw Check.fail(at(path, "type"),
                        "must be one of text, media, buttons, list, contacts, location, was " + type);
        }
        return message;
    }

    /** Content fields that do not belong to the type would be ignored by Texter: refuse them instead. */
    private static void onlyContent(SessionMessage m, String path, String... allowed) {
        List<String> present = new ArrayList<>();
        if (m.getText() != null) {
            present.add("text");
        }
        if (m.getMedia() != null) {
            present.add("media");
        }
        if (m.getButtons() != null) {
            present.add("buttons");
        }
        if (m.getList() != null) {
            present.add("list");
        }
        if (m.getContacts() != null) {
            present.add("contacts");
        }
        if (m.getLocation() != null) {
            present.add("location");
        }
        present.removeAll(List.of(allowed));
        if (!present.isEmpty()) {
            String field = present.get(0);
            throw Check.fail(at(path, field), "is not allowed in a " + m.getType() + " message (it carries only "
                    + String.join(" and ", allowed) + ")");
        }
    }

    private static void media(@Nullable List<OutgoingMedia> media, String path) {
        List<OutgoingMedia> items = Check.count(path, media, 1, MEDIA_MAX);
        for (int i = 0; i < items.size(); i++) {
            String item = at(path, i);
            OutgoingMedia medium = items.get(i);
            OutgoingMediaType type = Check.required(at(item, "mediaType"), medium.getMediaType());
            Check.that(type != OutgoingMediaType.UNKNOWN, at(item, "mediaType"),
                    "must be one of image, video, document, audio");
            URI url = medium.getUrl();
            String fileId = medium.getFileId();
            Check.that(url != null ^ fileId != null, item,
                    "must have exactly one of url and fileId, had " + (url == null ? "neither" : "both"));
            if (url != null) {
                Check.httpUrl(at(item, "url"), url.toString());
            } else {
                Check.notBlank(at(item, "fileId"), fileId);
            }
            Check.maxLength(at(item, "caption"), medium.getCaption(), CAPTION_MAX);
            Check.that(medium.getCaption() == null || type != OutgoingMediaType.AUDIO, at(item, "caption"),
                    "is not allowed on audio (WhatsApp shows no caption for audio)");
            Check.notBlankIfPresent(at(item, "filename"), medium.getFilename());
        }
    }

    private static void buttons(@Nullable List<ReplyButton> given, String path) {
        List<ReplyButton> buttons = Check.count(path, given, 1, BUTTONS_MAX);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            ReplyButton button = buttons.get(i);
            titles.add(Check.length(at(at(path, i), "title"), button.getTitle(), 1, BUTTON_TITLE_MAX));
            Check.maxLength(at(at(path, i), "payload"), button.getPayload(), BUTTON_PAYLOAD_MAX);
        }
        Check.unique(path, titles, "the title");
    }

    private static void list(@Nullable ListMenu given, String path) {
        ListMenu list = Check.required(path, given);
        Check.length(at(path, "button"), list.getButton(), 1, LIST_BUTTON_MAX);
        String sectionsPath = at(path, "sections");
        List<ListSection> sections = Check.count(sectionsPath, list.getSections(), 1, LIST_SECTIONS_MAX);
        int rows = 0;
        for (int s = 0; s < sections.size(); s++) {
            String section = at(sectionsPath, s);
            ListSection listSection = sections.get(s);
            Check.maxLength(at(section, "title"), listSection.getTitle(), SECTION_TITLE_MAX);
            if (sections.size() > 1) {
                Check.notBlank(at(section, "title"), listSection.getTitle());
            }
            List<ListRow> sectionRows = Check.count(at(section, "rows"), listSection.getRows(), 1, LIST_ROWS_MAX);
            for (int r = 0; r < sectionRows.size(); r++) {
                String row = at(at(section, "rows"), r);
                ListRow listRow = sectionRows.get(r);
                Check.length(at(row, "title"), listRow.getTitle(), 1, ROW_TITLE_MAX);
                Check.maxLength(at(row, "description"), listRow.getDescription(), ROW_DESCRIPTION_MAX);
                Check.maxLength(at(row, "payload"), listRow.getPayload(), ROW_PAYLOAD_MAX);
            }
            rows += sectionRows.size();
        }
        Check.that(rows <= LIST_ROWS_MAX, sectionsPath,
                "must have at most " + LIST_ROWS_MAX + " rows across all sections, was " + rows);
    }

    private static void contacts(@Nullable List<ContactCard> given, String path) {
        List<ContactCard> contacts = Check.count(path, given, 1, Integer.MAX_VALUE);
        for (int i = 0; i < contacts.size(); i++) {
            String name = at(at(path, i), "name");
            ContactName contactName = Check.required(name, contacts.get(i).getName());
            Check.notBlank(at(name, "formatted_name"), contactName.getFormattedName());
        }
    }

    private static void location(@Nullable Location given, String path) {
        Location location = Check.required(path, given);
        Check.between(at(path, "latitude"), location.getLatitude(), -90, 90);
        Check.between(at(path, "longitude"), location.getLongitude(), -180, 180);
        if (location.getUrl() != null) {
            Check.httpUrl(at(path, "url"), location.getUrl());
        }
    }
}
