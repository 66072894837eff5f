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
import com.texterchat.model.TemplateReplyAction;
import com.texterchat.model.TemplateSendDefaults;
import com.texterchat.model.UpdateTemplateRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
        TemplateCategory category = Check.required("category", request.getCategory());
        Check.that(category == TemplateCategory.MARKETING || category == TemplateCategory.UTILITY, "category",
                "must be MARKETING or UTILITY (the categories Create New Template accepts), was " + category);
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
        Check.matches(at(path, "language"), request.getLanguage(), LANGUAGE,
                "a lowercase language tag such as en or en_US");
        String componentsPath = at(path, "components");
        List<TemplateComponent> components = Check.count(componentsPath, request.getComponents(), 1, COMPONENTS_MAX);
        Map<TemplateComponentType, Integer> seen = new EnumMap<>(TemplateComponentType.class);
        int bodyVariables = 0;
        for (int i = 0; i < components.size(); i++) {
            String componentPath = at(componentsPath, i);
            TemplateComponent component = components.get(i);
            TemplateComponentType type = Check.required(at(componentPath, "type"), component.getType());
            Integer first = seen.putIfAbsent(type, i);
            Check.that(first == null, componentPath, "is a second " + type + " component (components[" + first
                    + "] is one); a localization has at most one each of HEADER, BODY, FOOTER, BUTTONS");
            switch (type) {
                case HEADER:
                    header(component, componentPath);
                    break;
                case BODY:
                    bodyVariables = body(component, componentPath);
                    break;
                case FOOTER:
                    footer(component, componentPath);
                    break;
                case BUTTONS:
                    buttons(component, componentPath);
                    break;
                default:
                    throw Check.fail(at(componentPath, "type"),
                            "must be one of HEADER, BODY, FOOTER, BUTTONS, was " + type);
            }
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

    private static void header(TemplateComponent header, String path) {
        TemplateHeaderFormat format = Check.required(at(path, "format"), header.getFormat());
        noButtons(header, path);
        TemplateComponentExample example = header.getExample();
        switch (format) {
            case TEXT: {
                String text = Check.length(at(path, "text"), header.getText(), 1, HEADER_TEXT_MAX);
                int variables = variables(at(path, "text"), text);
                Check.that(variables <= 1, at(path, "text"), "must have at most 1 variable ({{1}}), had " + variables);
                List<String> samples = example == null ? null : example.getHeaderText();
                examples(at(at(path, "example"), "header_text"), samples, variables);
                Check.that(example == null || example.getBodyText() == null && example.getHeaderHandle() == null,
                        at(path, "example"), "of a TEXT header may only hold header_text");
                break;
            }
            case IMAGE:
            case VIDEO:
            case DOCUMENT: {
                Check.that(header.getText() == null, at(path, "text"), "is not allowed on a " + format + " header");
                String handles = at(at(path, "example"), "header_handle");
                List<String> urls = Check.count(handles, example == null ? null : example.getHeaderHandle(), 1, 1);
                Check.httpUrl(at(handles, 0), urls.get(0));
                break;
            }
            case LOCATION:
                Check.that(header.getText() == null && example == null, path,
                        "of format LOCATION takes no text or example");
                break;
            default:
                throw Check.fail(at(path, "format"), "must be one of TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, was " + format);
        }
    }

    private static int body(TemplateComponent body, String path) {
        Check.that(body.getFormat() == null, at(path, "format"), "is only allowed on a HEADER");
        noButtons(body, path);
        String text = Check.length(at(path, "text"), body.getText(), 1, BODY_TEXT_MAX);
        int variables = variables(at(path, "text"), text);
        String trimmed = text.strip();
        Check.that(variables == 0 || !(trimmed.startsWith("{{") || trimmed.endsWith("}}")), at(path, "text"),
                "must not start or end with a variable (WhatsApp refuses such templates)");
        TemplateComponentExample example = body.getExample();
        Check.that(example == null || example.getHeaderText() == null && example.getHeaderHandle() == null,
                at(path, "example"), "of a BODY may only hold body_text");
        String samplesPath = at(at(path, "example"), "body_text");
        List<List<String>> samples = example == null ? null : example.getBodyText();
        if (variables == 0) {
            Check.that(samples == null, samplesPath, "must be absent when the text has no variables");
        } else {
            List<List<String>> rows = Check.count(samplesPath, samples, 1, 1);
            examples(at(samplesPath, 0), rows.get(0), variables);
        }
        return variables;
    }

    private static void footer(TemplateComponent footer, String path) {
        Check.that(footer.getFormat() == null && footer.getExample() == null, path, "takes only a text");
        noButtons(footer, path);
        String text = Check.length(at(path, "text"), footer.getText(), 1, FOOTER_TEXT_MAX);
        Check.that(variables(at(path, "text"), text) == 0, at(path, "text"), "must not contain variables (WhatsApp)");
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
        int variables = variables(at(path, "url"), url);
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

    /** Number of distinct {@code {{n}}} variables; they must be numbered from 1 without gaps. */
    private static int variables(String path, String text) {
        TreeSet<Integer> numbers = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String inner = m.group(1);
            Check.that(VARIABLE_NUMBER.matcher(inner).matches(), path,
                    "has a malformed variable '" + m.group() + "'; use {{1}}, {{2}}, ...");
            numbers.add(Integer.parseInt(inner));
        }
        Check.that(numbers.isEmpty() || numbers.last() == numbers.size(), path,
                "must number its variables from {{1}} without gaps, found "
                        + numbers.stream().map(n -> "{{" + n + "}}").collect(Collectors.joining(", ")));
        return numbers.size();
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
