package com.texterchat.dsl.template;

import com.texterchat.model.TemplateButton;
import com.texterchat.model.TemplateButtonExample;
import com.texterchat.model.TemplateButtonType;
import com.texterchat.model.TemplateComponent;
import com.texterchat.model.TemplateComponentExample;
import com.texterchat.model.TemplateComponentType;
import com.texterchat.model.TemplateHeaderFormat;
import com.texterchat.model.TemplateLocalizationRequest;
import com.texterchat.model.TemplateNamedParameter;
import com.texterchat.model.TemplateParameterFormat;
import com.texterchat.model.TemplateSendDefaults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>Variables are positional ({@code {{1}}}, {@code {{2}}}, ... with their examples in order) or named
 * ({@code {{first_name}}}, with a map of name to example); a localization uses one style. Named variables make
 * the localization {@code parameter_format: NAMED} and put their examples in {@code body_text_named_params} /
 * {@code header_text_named_params}:
 *
 * <pre>{@code
 * Templates.localization("en")
 *         .body("Hi {{first_name}}, your order {{order_id}} has shipped.",
 *                 Map.of("first_name", "John", "order_id", "A-1001"))
 *         .build();
 * }</pre>
 *
 * <p>Checked in {@link #build()} by {@link TemplateRules#validate(TemplateLocalizationRequest)}: variables
 * numbered {{1}}, {{2}}, ... without gaps (or named) and with one example each, WhatsApp's text lengths, and
 * buttons that are either up to 3 QUICK_REPLY or up to 2 call-to-action buttons, never mixed.
 */
public final class LocalizationBuilder {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(.*?)}}");

    private final String language;
    private final List<TemplateComponent> components = new ArrayList<>();
    private @Nullable TemplateComponent buttons;
    private @Nullable Defaults defaults;
    private @Nullable TemplateSendDefaults copiedDefaults;
    private @Nullable TemplateParameterFormat copiedFormat;

    LocalizationBuilder(String language) {
        this.language = language;
    }

    /** A builder holding a copy of existing content: its components, send defaults and parameter format. */
    LocalizationBuilder(String language, List<TemplateComponent> components, @Nullable TemplateSendDefaults defaults,
            @Nullable TemplateParameterFormat parameterFormat) {
        this.language = language;
        this.components.addAll(components);
        for (TemplateComponent component : components) {
            if (component.getType() == TemplateComponentType.BUTTONS && this.buttons == null) {
                this.buttons = component;
            }
        }
        this.copiedDefaults = defaults;
        this.copiedFormat = parameterFormat;
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
     * A TEXT header with one named variable, e.g. {@code textHeader("Order {{order_id}}", Map.of("order_id",
     * "A-1001"))}; makes the localization's variables named.
     *
     * @param examples the variable's name (without braces) to its example value
     */
    public LocalizationBuilder textHeader(String text, Map<String, String> examples) {
        TemplateComponentExample sample = new TemplateComponentExample()
                .headerTextNamedParams(namedExamples(text, examples));
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

    /**
     * The body with named variables, e.g. {@code body("Hi {{first_name}}!", Map.of("first_name", "John"))}: the
     * examples go in {@code body_text_named_params}, in the order the names appear in the text, and the
     * localization becomes {@code parameter_format: NAMED}.
     *
     * @param text may hold {@code {{first_name}}}-style variables (lowercase letters, digits, {@code _}) but not
     *     start or end with one
     * @param examples each variable's name (without braces) to its example value
     */
    public LocalizationBuilder body(String text, Map<String, String> examples) {
        TemplateComponent body = new TemplateComponent().type(TemplateComponentType.BODY).text(text);
        List<TemplateNamedParameter> named = namedExamples(text, examples);
        if (!named.isEmpty()) {
            body.example(new TemplateComponentExample().bodyTextNamedParams(named));
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

    TemplateLocalizationRequest toModel() {
        TemplateLocalizationRequest request = new TemplateLocalizationRequest().language(language)
                .components(new ArrayList<>(components))
                .parameterFormat(copiedFormat != null ? copiedFormat : usesNamedVariables() ? TemplateParameterFormat.NAMED : null);
        if (defaults != null) {
            request.defaults(new TemplateSendDefaults().body(defaults.bodyValues()).header(defaults.headerMedia())
                    .buttons(defaults.buttonValues()));
        } else if (copiedDefaults != null) {
            request.defaults(copiedDefaults);
        }
        return request;
    }

    /** Whether a header or body text holds a variable that is not a number. */
    private boolean usesNamedVariables() {
        for (TemplateComponent component : components) {
            if (component.getText() != null && component.getType() != TemplateComponentType.FOOTER) {
                Matcher m = VARIABLE.matcher(component.getText());
                while (m.find()) {
                    if (!m.group(1).chars().allMatch(Character::isDigit)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The examples of the named variables: those the text uses in their order of appearance, then the rest. */
    private static List<TemplateNamedParameter> namedExamples(String text, Map<String, String> examples) {
        Map<String, String> remaining = new LinkedHashMap<>(examples);
        List<TemplateNamedParameter> named = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String example = remaining.remove(name);
            if (example != null) {
                named.add(new TemplateNamedParameter().paramName(name).example(example));
            }
        }
        remaining.forEach((name, example) -> named.add(new TemplateNamedParameter().paramName(name).example(example)));
        return named;
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
