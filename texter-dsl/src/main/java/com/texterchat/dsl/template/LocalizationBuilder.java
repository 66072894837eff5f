package com.texterchat.dsl.template;

import com.texterchat.model.TemplateButton;
import com.texterchat.model.TemplateButtonExample;
import com.texterchat.model.TemplateButtonType;
import com.texterchat.model.TemplateComponent;
import com.texterchat.model.TemplateComponentExample;
import com.texterchat.model.TemplateComponentType;
import com.texterchat.model.TemplateHeaderFormat;
import com.texterchat.model.TemplateLocalizationRequest;
import com.texterchat.model.TemplateSendDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The WhatsApp-facing content of a template in one language (Create or Update Localization): an optional
 * header, the body, an optional footer and up to three buttons. Components appear in the order of the calls;
 * buttons are gathered into one BUTTONS component. Start with {@link Templates#localization(String)} or
 * {@link NewTemplateBuilder#localization}.
 *
 * <pre>{@code
 * Templates.localization("en")
 *         .body("Hi {{1}}, your order {{2}} has shipped.", "John", "A-1001")
 *         .urlButton("Track", "https://example.com/track/{{1}}", "https://example.com/track/A-1001")
 *         .build();
 * }</pre>
 *
 * <p>Checked in {@link #build()} by {@link TemplateRules#validate(TemplateLocalizationRequest)}: variables
 * numbered {{1}}, {{2}}, ... without gaps and with one example each, WhatsApp's text lengths, and buttons that
 * are either up to 3 QUICK_REPLY or up to 2 call-to-action buttons, never mixed.
 */
public final class LocalizationBuilder {

    private final String language;
    private final List<TemplateComponent> components = new ArrayList<>();
    private @Nullable TemplateComponent buttons;
    private @Nullable Defaults defaults;

    LocalizationBuilder(String language) {
        this.language = language;
    }

    /** A TEXT header without variables (at most {@link TemplateRules#HEADER_TEXT_MAX} characters). */
    public LocalizationBuilder textHeader(String text) {
        return add(new TemplateComponent().type(TemplateComponentType.HEADER).format(TemplateHeaderFormat.TEXT).text(text));
    }

    /** A TEXT header with one variable, {{1}}, and its example value. */
    public LocalizationBuilder textHeader(String text, String example) {
        TemplateComponentExample sample = new TemplateComponentExample().headerText(new ArrayList<>(List.of(example)));
        return add(new TemplateComponent().type(TemplateComponentType.HEADER).format(TemplateHeaderFormat.TEXT)
                .text(text).example(sample));
    }

    /**
     * A media header (IMAGE, VIDEO or DOCUMENT) with a sample file WhatsApp's reviewers see; the actual file is
     * given when sending, or in {@link #defaults}.
     */
    public LocalizationBuilder mediaHeader(TemplateHeaderFormat format, String exampleUrl) {
        TemplateComponentExample sample = new TemplateComponentExample().headerHandle(new ArrayList<>(List.of(exampleUrl)));
        return add(new TemplateComponent().type(TemplateComponentType.HEADER).format(format).example(sample));
    }

    /** A LOCATION header. */
    public LocalizationBuilder locationHeader() {
        return add(new TemplateComponent().type(TemplateComponentType.HEADER).format(TemplateHeaderFormat.LOCATION));
    }

    /**
     * The body (at most {@link TemplateRules#BODY_TEXT_MAX} characters), with one example value per variable.
     *
     * @param text may hold {@code {{1}}}, {@code {{2}}}, ... but not start or end with one
     * @param examples the sample values of the variables, in order
     */
    public LocalizationBuilder body(String text, String... examples) {
        TemplateComponent body = new TemplateComponent().type(TemplateComponentType.BODY).text(text);
        if (examples.length > 0) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(new ArrayList<>(List.of(examples)));
            body.example(new TemplateComponentExample().bodyText(rows));
        }
        return add(body);
    }

    /** The footer (at most {@link TemplateRules#FOOTER_TEXT_MAX} characters, no variables). */
    public LocalizationBuilder footer(String text) {
        return add(new TemplateComponent().type(TemplateComponentType.FOOTER).text(text));
    }

    /** Adds a QUICK_REPLY button (up to 3, not mixed with call-to-action buttons). */
    public LocalizationBuilder quickReply(String text) {
        return button(new TemplateButton().type(TemplateButtonType.QUICK_REPLY).text(text));
    }

    /** Adds a URL button with a fixed target. */
    public LocalizationBuilder urlButton(String text, String url) {
        return button(new TemplateButton().type(TemplateButtonType.URL).text(text).url(url));
    }

    /** Adds a URL button whose target ends in the variable {{1}}, with an example of the full URL. */
    public LocalizationBuilder urlButton(String text, String url, String exampleUrl) {
        return button(new TemplateButton().type(TemplateButtonType.URL).text(text).url(url)
                .example(new TemplateButtonExample().url(exampleUrl)));
    }

    /** Adds a PHONE_NUMBER button that calls {@code phoneNumber}. */
    public LocalizationBuilder phoneButton(String text, String phoneNumber) {
        return button(new TemplateButton().type(TemplateButtonType.PHONE_NUMBER).text(text).phoneNumber(phoneNumber));
    }

    /** Adds a FLOW button that starts the WhatsApp Flow {@code flowId}, optionally on {@code navigateScreen}. */
    public LocalizationBuilder flowButton(String text, String flowId, @Nullable String navigateScreen) {
        return button(new TemplateButton().type(TemplateButtonType.FLOW).text(text).flowId(flowId)
                .navigateScreen(navigateScreen));
    }

    /** Values used when a send does not give its own; they do not affect WhatsApp's approval. */
    public LocalizationBuilder defaults(Consumer<Defaults> values) {
        Defaults d = new Defaults();
        values.accept(d);
        this.defaults = d;
        return this;
    }

    /** The language of this localization. */
    public String language() {
        return language;
    }

    /**
     * Builds the body and checks it against {@link TemplateRules}.
     *
     * @throws com.texterchat.dsl.InvalidRequestException naming the field and the rule it breaks
     */
    public TemplateLocalizationRequest build() {
        return TemplateRules.validate(toModel());
    }

    TemplateLocalizationRequest build(String path) {
        return TemplateRules.validate(toModel(), path);
    }

    private TemplateLocalizationRequest toModel() {
        TemplateLocalizationRequest request = new TemplateLocalizationRequest().language(language)
                .components(new ArrayList<>(components));
        if (defaults != null) {
            request.defaults(new TemplateSendDefaults().body(defaults.bodyValues()).header(defaults.headerMedia())
                    .buttons(defaults.buttonValues()));
        }
        return request;
    }

    private LocalizationBuilder add(TemplateComponent component) {
        components.add(component);
        return this;
    }

    private LocalizationBuilder button(TemplateButton button) {
        if (buttons == null) {
            buttons = new TemplateComponent().type(TemplateComponentType.BUTTONS).buttons(new ArrayList<>());
            components.add(buttons);
        }
        buttons.addButtonsItem(button);
        return this;
    }

    /** A localization's send defaults: body values, header media and button payloads. */
    public static final class Defaults extends TemplateValuesBuilder<Defaults> {
        Defaults() {
        }
    }
}
