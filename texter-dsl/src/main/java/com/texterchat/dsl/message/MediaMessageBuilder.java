package com.texterchat.dsl.message;

import com.texterchat.dsl.internal.Check;
import com.texterchat.model.OutgoingMedia;
import com.texterchat.model.OutgoingMediaType;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@code media} message: 1-10 files ({@link MessageRules#MEDIA_MAX}), each either a public URL that Texter
 * downloads or the ID of a file already stored in Texter. Start with {@link Messages#media()}.
 */
public final class MediaMessageBuilder extends MessageBuilder<MediaMessageBuilder> {

    private final List<Item> items = new ArrayList<>();

    MediaMessageBuilder() {
    }

    /** Adds an image Texter downloads from {@code url}. */
    public MediaMessageBuilder image(String url) {
        return add(OutgoingMediaType.IMAGE, item -> item.url(url));
    }

    /** Adds a video Texter downloads from {@code url}. */
    public MediaMessageBuilder video(String url) {
        return add(OutgoingMediaType.VIDEO, item -> item.url(url));
    }

    /** Adds an audio file Texter downloads from {@code url}. */
    public MediaMessageBuilder audio(String url) {
        return add(OutgoingMediaType.AUDIO, item -> item.url(url));
    }

    /** Adds a document Texter downloads from {@code url}, shown to the contact as {@code filename}. */
    public MediaMessageBuilder document(String url, String filename) {
        return add(OutgoingMediaType.DOCUMENT, item -> item.url(url).filename(filename));
    }

    /** Adds a file already stored in Texter (e.g. the {@code fileId} of a received message's media). */
    public MediaMessageBuilder storedFile(OutgoingMediaType mediaType, String fileId) {
        return add(mediaType, item -> item.fileId(fileId));
    }

    /** Adds a media item of {@code mediaType} configured by {@code item} (source, caption, file name). */
    public MediaMessageBuilder add(OutgoingMediaType mediaType, Consumer<Item> item) {
        Item added = new Item(mediaType);
        item.accept(added);
        items.add(added);
        return this;
    }

    @Override
    SessionMessage content() {
        List<OutgoingMedia> media = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            media.add(items.get(i).toModel(Check.at("media", i)));
        }
        return new SessionMessage().type(OutgoingMessageType.MEDIA).media(media);
    }

    /** One media item: exactly one of {@link #url} and {@link #fileId}, plus an optional caption and file name. */
    public static final class Item {
        private final OutgoingMediaType mediaType;
        private @Nullable String url;
        private @Nullable String fileId;
        private @Nullable String caption;
        private @Nullable String filename;

        Item(OutgoingMediaType mediaType) {
            this.mediaType = mediaType;
        }

        /** A public URL Texter downloads and stores the file from. */
        public Item url(String url) {
            this.url = url;
            return this;
        }

        /** The ID of a file already stored in Texter. */
        public Item fileId(String fileId) {
            this.fileId = fileId;
            return this;
        }

        /** Text shown with an image, video or document (at most {@link MessageRules#CAPTION_MAX}; not for audio). */
        public Item caption(String caption) {
            this.caption = caption;
            return this;
        }

        /** The file name shown for a document. */
        public Item filename(String filename) {
            this.filename = filename;
            return this;
        }

        OutgoingMedia toModel(String path) {
            return new OutgoingMedia().mediaType(mediaType).url(uri(path)).fileId(fileId).caption(caption)
                    .filename(filename);
        }

        private @Nullable URI uri(String path) {
            if (url == null) {
                return null;
            }
            try {
                return new URI(url);
            } catch (URISyntaxException e) {
                throw Check.fail(Check.at(path, "url"), "must be an absolute http(s) URL, was '" + url + "'");
            }
        }
    }
}
