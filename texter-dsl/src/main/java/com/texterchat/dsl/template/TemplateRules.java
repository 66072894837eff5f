package com.texterchat.dsl.template;

import static com.texterchat.dsl.internal.Check.at;

import com.texterchat.dsl.InvalidRequestException;
import com.texterchat.dsl.internal.Check;
import com.texterchat.dsl.message.MessageRules;
import com.texterchat.model.CreateTemplateRequest;
import com.texterchat.model.ReplyChatStatus;
import com.texterchat.model.SendTemplateRequest;
import com.texterchat.model.TemplateButton;
import com.texterchat.model.TemplateButtonParameter;
import com.texterchat.model.TemplateButtonType;
import com.texterchat.model.TemplateCategory;
import com.texterchat.model.TemplateComponent;
import com.texterchat.model.TemplateComponentExample;
import com.texterchat.model.TemplateComponentType;
import com.texterchat.model.TemplateHeaderFormat;
import com.texterchat.model.TemplateHeaderMedia;
import com.texterchat.model.TemplateLocalizationRequest;
import com.texterchat.model.TemplateNamedParameter;
import com.texterchat.model.TemplateParameterFormat;
import com.texterchat.model.TemplateReplyAction;
import com.texterchat.model.TemplateSendDefaults;
import com.texterchat.model.UpdateTemplateRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rules of Texter's template requests and the checks that apply them to the generated models, whether a
 * builder of {@link Templates} made them or not.
 *
 * <p>Each constant says where its rule comes from: <em>Texter</em> means Texter's API reference (Send Template
 * Message, Create New Template, Create or Update Localization); <em>WhatsApp</em> means WhatsApp's own rules
 * for message templates (Cloud API template components), enforced where Texter's reference is silent because
 * WhatsApp refuses such a template when it is submitted.
 *
 * <p><b>Variables.</b> A localization writes its variables either positionally ({@code {{1}}}, {{2}}, ...; the
 * examples go in {@code body_text} / {@code header_text}) or by name ({@code {{first_name}}}; the examples go in
 * {@code body_text_named_params} / {@code header_text_named_params}, one {@code {param_name, example}} per name,
 * and the localization carries {@code parameter_format: NAMED}). WhatsApp: the two styles are never mixed in one
 * localization, and a named variable is lowercase letters, digits and {@code _} ({@link #NAMED_VARIABLE}). A URL
 * button's variable is always {@code {{1}}}, whatever the body uses (WhatsApp). Texter's reference documents only
 * positional variables; named ones are seen in real template exports (Texter's own import tool carries
 * {@code parameter_format}).
 *
 * <p><b>AUTHENTICATION templates.</b> Texter's Create New Template page lists only MARKETING and UTILITY, but its
 * own template import tool accepts AUTHENTICATION, and real exports carry it, so it is accepted. WhatsApp's rules
 * for one-time-password templates (its "Authentication templates" and "Copy code authentication templates"
 * guides) are checked by {@link #validate(TemplateLocalizationRequest, TemplateCategory, String)} whenever the
 * category is known (a {@link NewTemplate}): no header (URLs and media are not supported), a body with exactly one
 * variable (the code), no URL and no emoji in the body, and at most one button, of type URL, which is how
 * WhatsApp stores the copy-code or one-tap OTP button it creates (the request's {@code OTP} type is returned as
 * {@code URL}). WhatsApp fills in the preset text ("... is your verification code."), the optional security
 * sentence and the expiry footer itself; the spec has no fields for {@code add_security_recommendation} or
 * {@code code_expiration_minutes}.
 */
public final class TemplateRules {

    /** Name of a template to send (path parameters use the same): letters, digits, {@code _} and {@code -}. Texter. */
    public static final Pattern TEMPLATE_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    /** Name given to a new template: letters, digits and {@code _} only. Texter. */
    public static final Pattern NEW_TEMPLATE_NAME = Pattern.compile("^[a-zA-Z0-9_]+$");
    /** Length of a new template's name: at most 512 characters. WhatsApp. */
    public static final int NEW_TEMPLATE_NAME_MAX = 512;
    /** Localization language: a lowercase IETF tag WhatsApp supports, e.g. {@code he}, {@code en}, {@code en_US}. Texter. */
    public static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(_[A-Za-z]{2,4})?$");
    /**
     * Recipient ({@code to}): Texter accepts local and international formats (0521234567, 972521234567,
     * +972 52-123-4567) and normalizes them. Texter. The 5-15 digit count is E.164's upper bound and the
     * spec's lower bound.
     */
    public static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ().-]*$");
    /** Digits of a recipient phone number: at least 5. */
    public static final int PHONE_DIGITS_MIN = 5;
    /** Digits of a recipient phone number: at most 15 (E.164). */
    public static final int PHONE_DIGITS_MAX = 15;
    /** Body variable values must not hold line breaks, tabs or 5 or more consecutive spaces. Texter. */
    public static final Pattern BODY_VALUE_FORBIDDEN = Pattern.compile("[\\n\\r\\t]| {5,}");
    /** Components of a localization: 1 to 4, at most one each of HEADER, BODY, FOOTER, BUTTONS. Texter. */
    public static final int COMPONENTS_MAX = 4;
    /** Text of a TEXT header: 1-60 characters, at most one variable ({@code {{1}}}). WhatsApp. */
    public static final int HEADER_TEXT_MAX = 60;
    /** Text of the BODY: 1-1024 characters. WhatsApp. */
    public static final int BODY_TEXT_MAX = 1024;
    /** Text of the FOOTER: 1-60 characters, no variables. WhatsApp. */
    public static final int FOOTER_TEXT_MAX = 60;
    /** Buttons of a BUTTONS component: 1 to 3. Texter. */
    public static final int BUTTONS_MAX = 3;
    /** QUICK_REPLY buttons: up to 3, never mixed with call-to-action buttons. Texter. */
    public static final int QUICK_REPLY_BUTTONS_MAX = 3;
    /** Call-to-action buttons (URL, PHONE_NUMBER, FLOW): up to 2, never mixed with QUICK_REPLY. Texter. */
    public static final int CALL_TO_ACTION_BUTTONS_MAX = 2;
    /** Label of a template button: 1-25 characters. WhatsApp. */
    public static final int BUTTON_TEXT_MAX = 25;
    /** Target of a URL button: at most 2000 characters. WhatsApp. */
    public static final int BUTTON_URL_MAX = 2000;
    /** Number of a PHONE_NUMBER button: at most 20 characters. WhatsApp. */
    public static final int BUTTON_PHONE_MAX = 20;

    /** A named variable's name, as in {@code {{first_name}}}: lowercase letters, digits and {@code _}, not only digits. WhatsApp. */
    public static final Pattern NAMED_VARIABLE = Pattern.compile("^(?![0-9]+$)[a-z0-9_]+$");
    /** Variables in the body of an AUTHENTICATION template: exactly one, the code. WhatsApp. */
    public static final int AUTHENTICATION_BODY_VARIABLES = 1;
    /** Buttons of an AUTHENTICATION template: at most one, the OTP button (stored by WhatsApp as type URL). WhatsApp. */
    public static final int AUTHENTICATION_BUTTONS_MAX = 1;
    /** What counts as a URL in the body of an AUTHENTICATION template (WhatsApp allows none). */
    public static final Pattern AUTHENTICATION_URL = Pattern.compile("(?i)(https?://|www\\.)");
    /**
     * What counts as an emoji in the body of an AUTHENTICATION template (WhatsApp allows none): a character of
     * Unicode's "Symbol, other" category, which holds every emoji pictograph, or the emoji variation selector
     * U+FE0F.
     */
    public static final Pattern AUTHENTICATION_EMOJI = Pattern.compile("[\\p{So}\\x{FE0F}]");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern VARIABLE_NUMBER = Pattern.compile("[1-9][0-9]*");

    private TemplateRules() {
    }

    /**
     * Checks a Send Template Message body, including its session-message fallback.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static SendTemplateRequest validate(SendTemplateRequest request) {
        Check.matches("templateName", request.getTemplateName(), TEMPLATE_NAME, "letters, digits, '_' and '-'");
        phone("to", request.getTo());
        Check.notBlankIfPresent("from", request.getFrom());
        if (request.getLanguage() != null) {
            Check.matches("language", request.getLanguage(), LANGUAGE, "a lowercase language tag such as en or en_US");
        }
        bodyValues("body", request.getBody());
        if (request.getHeader() != null) {
            header("header", request.getHeader());
        }
        buttonValues("buttons", request.getButtons());
        if (request.getReplyAction() != null) {
            replyAction("replyAction", request.getReplyAction());
        }
        if (request.getSessionMessage() != null) {
            MessageRules.validate(request.getSessionMessage(), "sessionMessage");
        }
        return request;
    }

    /**
     * Checks a Create New Template body.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static CreateTemplateRequest validate(CreateTemplateRequest request) {
        Check.notBlank("title", request.getTitle());
        known("category", Check.required("category", request.getCategory()));
        known("chatStatus", Check.required("chatStatus", request.getChatStatus()));
        known("usage", Check.required("usage", request.getUsage()));
        if (request.getName() != null) {
            Check.matches("name", request.getName(), NEW_TEMPLATE_NAME, "letters, digits and '_'");
            Check.maxLength("name", request.getName(), NEW_TEMPLATE_NAME_MAX);
        }
        routing("", request.getChatStatus(), request.getSetBotNode(), request.getResponsibleAgent(),
                request.getResponsibleDepartment());
        notBlankItems("departments", request.getDepartments());
        return request;
    }

    /**
     * Checks a whole template definition: the Create New Template body, every localization (with the rules of
     * the template's category, see {@link #validate(TemplateLocalizationRequest, TemplateCategory, String)}) and
     * that no language repeats. Zero localizations pass: a template may be created now and localized later.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule; fields of a localization are
     *     prefixed with {@code localizations[<language>]}
     */
    public static NewTemplate validate(NewTemplate template) {
        validate(template.request());
        TemplateCategory category = template.request().getCategory();
        List<String> languages = new ArrayList<>();
        for (TemplateLocalizationRequest localization : template.localizations()) {
            validate(localization, category, "localizations[" + localization.getLanguage() + "]");
            languages.add(localization.getLanguage());
        }
        Check.unique("localizations", languages, "the language");
        return template;
    }

    /**
     * Checks an Update Existing Template body: at least one field, and the same rules as on creation.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static UpdateTemplateRequest validate(UpdateTemplateRequest request) {
        Check.that(request.getTitle() != null || request.getChatStatus() != null || request.getUsage() != null
                        || request.getIsDefault() != null || request.getDepartments() != null
                        || request.getSetBotNode() != null || request.getResponsibleAgent() != null
                        || request.getResponsibleDepartment() != null || request.getReplyText() != null,
                "", "must change at least one field");
        Check.notBlankIfPresent("title", request.getTitle());
        if (request.getChatStatus() != null) {
            known("chatStatus", request.getChatStatus());
        }
        if (request.getUsage() != null) {
            known("usage", request.getUsage());
        }
        routing("", request.getChatStatus(), request.getSetBotNode(), request.getResponsibleAgent(),
                request.getResponsibleDepartment());
        notBlankItems("departments", request.getDepartments());
        return request;
    }

    /**
     * Checks a Create or Update Localization body: the language, the components and their variables and
     * examples, the buttons, and the send defaults.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static TemplateLocalizationRequest validate(TemplateLocalizationRequest request) {
        return validate(request, "");
    }

    /**
     * Checks a localization, reporting fields relative to {@code path} (e.g. {@code localizations[en]}).
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static TemplateLocalizationRequest validate(TemplateLocalizationRequest request, String path) {
        return validate(request, null, path);
    }

    /**
     * Checks a localization of a template of {@code category}: the rules of {@link
     * #validate(TemplateLocalizationRequest, String)} and, for AUTHENTICATION, WhatsApp's rules for one-time-password
     * templates (see the class comment).
     *
     * @param category the template's category; {@code null} when unknown, which checks only the common rules
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static TemplateLocalizationRequest validate(TemplateLocalizationRequest request,
            @Nullable TemplateCategory category, String path) {
        Check.matches(at(path, "language"), request.getLanguage(), LANGUAGE,
                "a lowercase language tag such as en or en_US");
        if (request.getParameterFormat() != null) {
            known(at(path, "parameter_format"), request.getParameterFormat());
        }
        String componentsPath = at(path, "components");
        List<TemplateComponent> components = Check.count(componentsPath, request.getComponents(), 1, COMPONENTS_MAX);
        Map<TemplateComponentType, Integer> seen = new EnumMap<>(TemplateComponentType.class);
        int bodyVariables = 0;
        Style style = Style.NONE;
        String stylePath = "";
        for (int i = 0; i < components.size(); i++) {
            String componentPath = at(componentsPath, i);
            TemplateComponent component = components.get(i);
            TemplateComponentType type = Check.required(at(componentPath, "type"), component.getType());
            Integer first = seen.putIfAbsent(type, i);
            Check.that(first == null, componentPath, "is a second " + type + " component (components[" + first
                    + "] is one); a localization has at most one each of HEADER, BODY, FOOTER, BUTTONS");
            Vars vars = null;
            switch (type) {
                case HEADER:
                    vars = header(component, componentPath);
                    break;
                case BODY:
                    vars = body(component, componentPath);
                    bodyVariables = vars.names().size();
                    if (category == TemplateCategory.AUTHENTICATION) {
                        authenticationBody(component, vars, componentPath);
                    }
                    break;
                case FOOTER:
                    footer(component, componentPath);
                    break;
                case BUTTONS:
                    buttons(component, componentPath);
                    if (category == TemplateCategory.AUTHENTICATION) {
                        authenticationButtons(component, componentPath);
                    }
                    break;
                default:
                    throw Check.fail(at(componentPath, "type"),
                            "must be one of HEADER, BODY, FOOTER, BUTTONS, was " + type);
            }
            Check.that(category != TemplateCategory.AUTHENTICATION || type != TemplateComponentType.HEADER,
                    componentPath, "is a HEADER, which an AUTHENTICATION template cannot have (WhatsApp supports no"
                            + " media or URLs there)");
            if (vars != null && vars.style() != Style.NONE) {
                Check.that(style == Style.NONE || style == vars.style(), at(componentPath, "text"),
                        "uses " + vars.style().label + " variables but " + stylePath + " uses " + style.label
                                + " ones; a localization uses one style (WhatsApp)");
                style = vars.style();
                stylePath = at(componentPath, "text");
            }
        }
        String formatPath = at(path, "parameter_format");
        if (style == Style.NAMED) {
            Check.that(request.getParameterFormat() == TemplateParameterFormat.NAMED, formatPath,
                    "must be NAMED when the variables are named (WhatsApp reads them as positional otherwise), was "
                            + request.getParameterFormat());
        } else {
            Check.that(request.getParameterFormat() != TemplateParameterFormat.NAMED, formatPath,
                    "must not be NAMED when the localization has no named variables");
        }
        Check.that(seen.containsKey(TemplateComponentType.BODY), componentsPath,
                "must include a BODY component (WhatsApp requires one)");
        if (request.getDefaults() != null) {
            defaults(request.getDefaults(), bodyVariables, at(path, "defaults"));
        }
        return request;
    }

    /** Checks body variable values: present, not empty, no line breaks, tabs or 5+ consecutive spaces. */
    static void bodyValues(String path, @Nullable List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = Check.required(at(path, i), values.get(i));
            Check.that(!value.isEmpty(), at(path, i), "must not be empty (WhatsApp refuses empty variables)");
            Check.that(!BODY_VALUE_FORBIDDEN.matcher(value).find(), at(path, i),
                    "must not contain line breaks, tabs or 5 or more consecutive spaces");
        }
    }

    private static void phone(String path, @Nullable String phone) {
        Check.matches(path, phone, PHONE, "a phone number: digits, an optional leading '+', spaces, '-', '.', '(' or ')'");
        long digits = phone.chars().filter(Character::isDigit).count();
        Check.that(digits >= PHONE_DIGITS_MIN && digits <= PHONE_DIGITS_MAX, path,
                "must have " + PHONE_DIGITS_MIN + "-" + PHONE_DIGITS_MAX + " digits, had " + digits);
    }

    private static void header(String path, TemplateHeaderMedia header) {
        TemplateHeaderMedia.TypeEnum type = Check.required(at(path, "type"), header.getType());
        Check.that(type != TemplateHeaderMedia.TypeEnum.UNKNOWN, at(path, "type"), "must be image, video or document");
        Check.httpUrl(at(path, "url"), header.getUrl());
        Check.that(header.getFilename() == null || type == TemplateHeaderMedia.TypeEnum.DOCUMENT,
                at(path, "filename"), "is only allowed on a document header, was on " + type);
    }

    private static void buttonValues(String path, @Nullable List<TemplateButtonParameter> buttons) {
        if (buttons == null) {
            return;
        }
        for (int i = 0; i < buttons.size(); i++) {
            TemplateButtonParameter button = Check.required(at(path, i), buttons.get(i));
            Check.that(button.getPayload() != null || (button.getAdditionalProperties() != null
                    && !button.getAdditionalProperties().isEmpty()), at(path, i), "must have a payload");
        }
    }

    private static void replyAction(String path, TemplateReplyAction action) {
        if (action.getChatStatus() != null) {
            known(at(path, "chatStatus"), action.getChatStatus());
        }
        routing(path, action.getChatStatus(), action.getSetBotNode(), action.getResponsibleAgent(),
                action.getResponsibleDepartment());
        Check.atLeast(at(path, "expirationTime"), action.getExpirationTime(), 0);
    }

    /** A bot node only runs when replies go to the bot; a chat goes to an agent or a department, not both. */
    private static void routing(String path, @Nullable ReplyChatStatus chatStatus, @Nullable String setBotNode,
            @Nullable String agent, @Nullable String department) {
        Check.that(agent == null || department == null, at(path, "responsibleAgent"),
                "cannot be combined with responsibleDepartment; give one of them");
        Check.that(setBotNode == null || chatStatus == null || chatStatus == ReplyChatStatus.BOT,
                at(path, "setBotNode"),
                "needs chatStatus BOT (0), was " + (chatStatus == null ? null : chatStatus.getValue() + " (" + chatStatus.name() + ")"));
        Check.notBlankIfPresent(at(path, "setBotNode"), setBotNode);
        Check.notBlankIfPresent(at(path, "responsibleAgent"), agent);
        Check.notBlankIfPresent(at(path, "responsibleDepartment"), department);
    }

    private static void known(String path, Enum<?> value) {
        Check.that(!value.name().equals("UNKNOWN"), path, "must be a value Texter documents, was UNKNOWN");
    }

    private static void notBlankItems(String path, @Nullable List<String> items) {
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                Check.notBlank(at(path, i), items.get(i));
            }
        }
    }

    private static Vars header(TemplateComponent header, String path) {
        TemplateHeaderFormat format = Check.required(at(path, "format"), header.getFormat());
        noButtons(header, path);
        TemplateComponentExample example = header.getExample();
        switch (format) {
            case TEXT: {
                String text = Check.length(at(path, "text"), header.getText(), 1, HEADER_TEXT_MAX);
                Vars vars = variables(at(path, "text"), text);
                int variables = vars.names().size();
                Check.that(variables <= 1, at(path, "text"), "must have at most 1 variable ({{1}}), had " + variables);
                Check.that(example == null || example.getBodyText() == null && example.getHeaderHandle() == null
                                && example.getBodyTextNamedParams() == null,
                        at(path, "example"), "of a TEXT header may only hold header_text or header_text_named_params");
                List<String> samples = example == null ? null : example.getHeaderText();
                List<TemplateNamedParameter> named = example == null ? null : example.getHeaderTextNamedParams();
                String positionalPath = at(at(path, "example"), "header_text");
                String namedPath = at(at(path, "example"), "header_text_named_params");
                if (vars.style() == Style.NAMED) {
                    Check.that(samples == null, positionalPath, "must be absent when the variable is named; use header_text_named_params");
                    namedExamples(namedPath, named, vars.names());
                } else {
                    Check.that(named == null, namedPath, "must be absent unless the variable is named");
                    examples(positionalPath, samples, variables);
                }
                return vars;
            }
            case IMAGE:
            case VIDEO:
            case DOCUMENT: {
                Check.that(header.getText() == null, at(path, "text"), "is not allowed on a " + format + " header");
                String handles = at(at(path, "example"), "header_handle");
                List<String> urls = Check.count(handles, example == null ? null : example.getHeaderHandle(), 1, 1);
                Check.httpUrl(at(handles, 0), urls.get(0));
                return Vars.EMPTY;
            }
            case LOCATION:
                Check.that(header.getText() == null && example == null, path,
                        "of format LOCATION takes no text or example");
                return Vars.EMPTY;
            default:
                throw Check.fail(at(path, "format"), "must be one of TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, was " + format);
        }
    }

    private static Vars body(TemplateComponent body, String path) {
        Check.that(body.getFormat() == null, at(path, "format"), "is only allowed on a HEADER");
        noButtons(body, path);
        String text = Check.length(at(path, "text"), body.getText(), 1, BODY_TEXT_MAX);
        Vars vars = variables(at(path, "text"), text);
        int variables = vars.names().size();
        String trimmed = text.strip();
        Check.that(variables == 0 || !(trimmed.startsWith("{{") || trimmed.endsWith("}}")), at(path, "text"),
                "must not start or end with a variable (WhatsApp refuses such templates)");
        TemplateComponentExample example = body.getExample();
        Check.that(example == null || example.getHeaderText() == null && example.getHeaderHandle() == null
                        && example.getHeaderTextNamedParams() == null,
                at(path, "example"), "of a BODY may only hold body_text or body_text_named_params");
        String samplesPath = at(at(path, "example"), "body_text");
        String namedPath = at(at(path, "example"), "body_text_named_params");
        List<List<String>> samples = example == null ? null : example.getBodyText();
        List<TemplateNamedParameter> named = example == null ? null : example.getBodyTextNamedParams();
        if (variables == 0) {
            Check.that(samples == null, samplesPath, "must be absent when the text has no variables");
            Check.that(named == null, namedPath, "must be absent when the text has no variables");
        } else if (vars.style() == Style.NAMED) {
            Check.that(samples == null, samplesPath, "must be absent when the variables are named; use body_text_named_params");
            namedExamples(namedPath, named, vars.names());
        } else {
            Check.that(named == null, namedPath, "must be absent when the variables are positional; use body_text");
            List<List<String>> rows = Check.count(samplesPath, samples, 1, 1);
            examples(at(samplesPath, 0), rows.get(0), variables);
        }
        return vars;
    }

    /** WhatsApp's rules for the body of a one-time-password template (see the class comment). */
    private static void authenticationBody(TemplateComponent body, Vars vars, String path) {
        String text = body.getText();
        Check.that(vars.names().size() == AUTHENTICATION_BODY_VARIABLES, at(path, "text"),
                "of an AUTHENTICATION template must have exactly 1 variable (the code), had " + vars.names().size());
        Matcher url = AUTHENTICATION_URL.matcher(text);
        if (url.find()) {
            throw Check.fail(at(path, "text"), "of an AUTHENTICATION template must not contain a URL (WhatsApp), found '"
                    + url.group() + "'");
        }
        Matcher emoji = AUTHENTICATION_EMOJI.matcher(text);
        if (emoji.find()) {
            throw Check.fail(at(path, "text"), "of an AUTHENTICATION template must not contain emojis (WhatsApp), found '"
                    + emoji.group() + "'");
        }
    }

    /** WhatsApp's rules for the buttons of a one-time-password template: one OTP button, stored as URL. */
    private static void authenticationButtons(TemplateComponent component, String path) {
        List<TemplateButton> buttons = component.getButtons();
        String buttonsPath = at(path, "buttons");
        Check.that(buttons.size() <= AUTHENTICATION_BUTTONS_MAX, buttonsPath,
                "of an AUTHENTICATION template must have at most 1 button (the OTP button), was " + buttons.size());
        TemplateButtonType type = buttons.get(0).getType();
        Check.that(type == TemplateButtonType.URL, at(at(buttonsPath, 0), "type"),
                "of an AUTHENTICATION template must be URL (how WhatsApp stores its OTP button), was " + type);
    }

    private static void footer(TemplateComponent footer, String path) {
        Check.that(footer.getFormat() == null && footer.getExample() == null, path, "takes only a text");
        noButtons(footer, path);
        String text = Check.length(at(path, "text"), footer.getText(), 1, FOOTER_TEXT_MAX);
        Check.that(variables(at(path, "text"), text).names().isEmpty(), at(path, "text"),
                "must not contain variables (WhatsApp)");
    }

    private static void buttons(TemplateComponent component, String path) {
        Check.that(component.getFormat() == null && component.getText() == null && component.getExample() == null,
                path, "takes only buttons");
        String buttonsPath = at(path, "buttons");
        List<TemplateButton> buttons = Check.count(buttonsPath, component.getButtons(), 1, BUTTONS_MAX);
        int quickReplies = 0;
        for (int i = 0; i < buttons.size(); i++) {
            String buttonPath = at(buttonsPath, i);
            TemplateButton button = buttons.get(i);
            TemplateButtonType type = Check.required(at(buttonPath, "type"), button.getType());
            Check.length(at(buttonPath, "text"), button.getText(), 1, BUTTON_TEXT_MAX);
            switch (type) {
                case QUICK_REPLY:
                    quickReplies++;
                    Check.that(button.getUrl() == null && button.getPhoneNumber() == null && button.getFlowId() == null
                            && button.getExample() == null, buttonPath, "of type QUICK_REPLY takes only a text");
                    break;
                case URL:
                    urlButton(button, buttonPath);
                    break;
                case PHONE_NUMBER:
                    Check.length(at(buttonPath, "phone_number"), button.getPhoneNumber(), 1, BUTTON_PHONE_MAX);
                    break;
                case FLOW:
                    Check.notBlank(at(buttonPath, "flow_id"), button.getFlowId());
                    break;
                default:
                    throw Check.fail(at(buttonPath, "type"), "must be one of QUICK_REPLY, URL, PHONE_NUMBER, FLOW, was " + type);
            }
        }
        int callsToAction = buttons.size() - quickReplies;
        Check.that(quickReplies == 0 || callsToAction == 0, buttonsPath,
                "must not mix QUICK_REPLY with URL, PHONE_NUMBER or FLOW buttons (WhatsApp does not allow it)");
        Check.that(callsToAction <= CALL_TO_ACTION_BUTTONS_MAX, buttonsPath,
                "must have at most " + CALL_TO_ACTION_BUTTONS_MAX + " URL, PHONE_NUMBER or FLOW buttons, was " + callsToAction);
    }

    private static void urlButton(TemplateButton button, String path) {
        String url = Check.length(at(path, "url"), button.getUrl(), 1, BUTTON_URL_MAX);
        Vars vars = variables(at(path, "url"), url);
        int variables = vars.names().size();
        Check.that(vars.style() != Style.NAMED, at(path, "url"),
                "may only hold the positional variable {{1}}, even when the body uses named ones (WhatsApp)");
        Check.that(variables == 0 || variables == 1 && url.endsWith("{{1}}"), at(path, "url"),
                "may only hold one variable, {{1}}, at its end");
        Check.httpUrl(at(path, "url"), url.replace("{{1}}", "x"));
        String example = button.getExample() == null ? null : button.getExample().getUrl();
        if (variables == 1) {
            Check.httpUrl(at(at(path, "example"), "url"), example);
        } else {
            Check.that(example == null, at(at(path, "example"), "url"), "must be absent when the URL has no variable");
        }
    }

    private static void defaults(TemplateSendDefaults defaults, int bodyVariables, String path) {
        List<String> body = defaults.getBody();
        if (body != null) {
            Check.that(body.size() == bodyVariables, at(path, "body"),
                    "must have " + bodyVariables + (bodyVariables == 1 ? " item" : " items")
                            + " (one per body variable), was " + body.size());
            bodyValues(at(path, "body"), body);
        }
        if (defaults.getHeader() != null) {
            header(at(path, "header"), defaults.getHeader());
        }
        buttonValues(at(path, "buttons"), defaults.getButtons());
    }

    private static void noButtons(TemplateComponent component, String path) {
        Check.that(component.getButtons() == null, at(path, "buttons"), "are only allowed in a BUTTONS component");
    }

    /**
     * The distinct variables of a text: positional {@code {{n}}} ones numbered from 1 without gaps, or named
     * ones in the order they first appear; never both.
     */
    private static Vars variables(String path, String text) {
        TreeSet<Integer> numbers = new TreeSet<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String inner = m.group(1);
            if (VARIABLE_NUMBER.matcher(inner).matches()) {
                numbers.add(Integer.parseInt(inner));
            } else {
                Check.that(NAMED_VARIABLE.matcher(inner).matches(), path, "has a malformed variable '" + m.group()
                        + "'; use {{1}}, {{2}}, ... or lowercase names of letters, digits and '_' such as {{first_name}}");
                names.add(inner);
            }
        }
        if (!numbers.isEmpty() && !names.isEmpty()) {
            throw Check.fail(path, "must not mix positional ({{" + numbers.first() + "}}) and named ({{"
                    + names.iterator().next() + "}}) variables (WhatsApp)");
        }
        if (!names.isEmpty()) {
            return new Vars(Style.NAMED, List.copyOf(names));
        }
        Check.that(numbers.isEmpty() || numbers.last() == numbers.size(), path,
                "must number its variables from {{1}} without gaps, found "
                        + numbers.stream().map(n -> "{{" + n + "}}").collect(Collectors.joining(", ")));
        return numbers.isEmpty() ? Vars.EMPTY
                : new Vars(Style.POSITIONAL, numbers.stream().map(String::valueOf).toList());
    }

    /** One {@code {param_name, example}} per named variable, each name exactly once, none extra. */
    private static void namedExamples(String path, @Nullable List<TemplateNamedParameter> samples, List<String> names) {
        Check.that(samples != null && !samples.isEmpty(), path, "must have 1 example per named variable ("
                + names.stream().map(n -> "{{" + n + "}}").collect(Collectors.joining(", ")) + "), was 0");
        Set<String> given = new LinkedHashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            TemplateNamedParameter sample = Check.required(at(path, i), samples.get(i));
            String name = Check.required(at(at(path, i), "param_name"), sample.getParamName());
            Check.that(names.contains(name), at(at(path, i), "param_name"),
                    "is '" + name + "', which the text does not use; it uses " + names);
            Check.that(given.add(name), at(at(path, i), "param_name"), "repeats '" + name + "'");
            Check.notBlank(at(at(path, i), "example"), sample.getExample());
        }
        List<String> missing = names.stream().filter(n -> !given.contains(n)).toList();
        Check.that(missing.isEmpty(), path, "has no example for " + missing);
    }

    /** How a text writes its variables. */
    private enum Style {
        NONE("no"), POSITIONAL("positional"), NAMED("named");

        final String label;

        Style(String label) {
            this.label = label;
        }
    }

    /** The distinct variables of a text: numbers as strings for positional ones, names for named ones. */
    private record Vars(Style style, List<String> names) {
        static final Vars EMPTY = new Vars(Style.NONE, List.of());
    }

    private static void examples(String path, @Nullable List<String> samples, int variables) {
        if (variables == 0) {
            Check.that(samples == null, path, "must be absent when there are no variables");
            return;
        }
        Check.that(samples != null && samples.size() == variables, path,
                "must have " + variables + (variables == 1 ? " example" : " examples") + " (one per variable), was "
                        + (samples == null ? 0 : samples.size()));
        for (int i = 0; i < samples.size(); i++) {
            Check.notBlank(at(path, i), samples.get(i));
        }
    }
}
