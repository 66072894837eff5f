package com.texterchat.dsl.template;

import com.texterchat.model.TemplateButtonParameter;
import com.texterchat.model.TemplateHeaderMedia;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The values that fill a template when it is sent: body variables, header media and button payloads. Shared by
 * {@link SendTemplateBuilder} (values of one send) and {@link LocalizationBuilder.Defaults} (a localization's
 * defaults).
 *
 * @param <B> the concrete builder, returned by the fluent setters
 */
public abstract class TemplateValuesBuilder<B extends TemplateValuesBuilder<B>> {

    private @Nullable List<String> body;
    private @Nullable TemplateHeaderMedia header;
    private @Nullable List<TemplateButtonParameter> buttons;

    TemplateValuesBuilder() {
    }

    /**
     * The values of the body variables {{1}}, {{2}}, ... in order: not empty, and without line breaks, tabs or
     * 5 or more consecutive spaces.
     */
    public B body(String... values) {
        return body(List.of(values));
    }

    /** The values of the body variables {{1}}, {{2}}, ... in order. */
    public B body(List<String> values) {
        this.body = new ArrayList<>(values);
        return self();
    }

    /** An image header, replacing the template's default. */
    public B imageHeader(String url) {
        return header(TemplateHeaderMedia.TypeEnum.IMAGE, url, null);
    }

    /** A video header, replacing the template's default. */
    public B videoHeader(String url) {
        return header(TemplateHeaderMedia.TypeEnum.VIDEO, url, null);
    }

    /** A document header shown as {@code filename}, replacing the template's default. */
    public B documentHeader(String url, @Nullable String filename) {
        return header(TemplateHeaderMedia.TypeEnum.DOCUMENT, url, filename);
    }

    private B header(TemplateHeaderMedia.TypeEnum type, String url, @Nullable String filename) {
        this.header = new TemplateHeaderMedia().type(type).url(url).filename(filename);
        return self();
    }

    /**
     * The payloads of the template's buttons, in button order: the value of a URL button's variable
     * (URL-encode non-English values), a quick reply's payload, or Flow data.
     */
    public B buttonPayloads(String... payloads) {
        List<TemplateButtonParameter> list = new ArrayList<>();
        for (String payload : payloads) {
            list.add(new TemplateButtonParameter().payload(payload));
        }
        this.buttons = list;
        return self();
    }

    @Nullable List<String> bodyValues() {
        return body == null ? null : new ArrayList<>(body);
    }

    @Nullable TemplateHeaderMedia headerMedia() {
        return header == null ? null
                : new TemplateHeaderMedia().type(header.getType()).url(header.getUrl()).filename(header.getFilename());
    }

    @Nullable List<TemplateButtonParameter> buttonValues() {
        return buttons == null ? null : new ArrayList<>(buttons);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
