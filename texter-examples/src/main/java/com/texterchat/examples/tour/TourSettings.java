package com.texterchat.examples.tour;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tour's settings, read from its arguments and the environment. Every value is checked here, so a mistake is
 * reported up front, naming the variable or argument, before anything is sent.
 *
 * <p>Mode: when any of {@code TEXTER_PROJECT_ID}, {@code TEXTER_API_TOKEN} or {@code TEXTER_BASE_URL} is set, the tour
 * runs against that Texter project (the client reads them itself, with
 * {@link com.texterchat.client.TexterClient.Builder#environment}); otherwise against the embedded one.
 *
 * <p>The {@code TEXTER_TOUR_*} variables say what the examples may act on in a real project; the embedded Texter
 * uses its own demo data and ignores them (except the receiver port).
 */
public final class TourSettings {

    /** The argument that lets a real-API run send messages and change data. */
    public static final String ALLOW_SENDS = "--allow-sends";

    /** The argument that picks examples by id, e.g. {@code --only bot,crm}. */
    public static final String ONLY = "--only";

    /** At most this many campaign recipients: the tour shows a campaign, it is not a bulk sender. */
    public static final int MAX_RECIPIENTS = 100;

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]*$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final List<String> CONNECTION_VARIABLES = List.of("TEXTER_PROJECT_ID", "TEXTER_API_TOKEN",
            "TEXTER_BASE_URL");

    private final Map<String, String> environment;
    private final boolean realApi;
    private final boolean allowSends;
    private final boolean help;
    private final Set<String> only;
    private final @Nullable String phone;
    private final @Nullable String accountId;
    private final List<String> recipients;
    private final @Nullable String label;
    private final @Nullable String agentEmail;
    private final @Nullable String departmentId;
    private final @Nullable String webhookUrl;
    private final int receiverPort;

    private TourSettings(Map<String, String> environment, List<String> args) {
        this.environment = Map.copyOf(environment);
        boolean allow = false;
        boolean wantsHelp = false;
        Set<String> picked = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i).strip();
            if (arg.isEmpty()) {
                continue;
            }
            if (arg.equals(ALLOW_SENDS)) {
                allow = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                wantsHelp = true;
            } else if (arg.equals(ONLY) || arg.startsWith(ONLY + "=")) {
                String value;
                if (arg.equals(ONLY)) {
                    if (i + 1 >= args.size()) {
                        throw new TourConfigException(ONLY + " needs example ids, e.g. " + ONLY + " bot,crm");
                    }
                    value = args.get(++i);
                } else {
                    value = arg.substring(ONLY.length() + 1);
                }
                for (String id : value.split(",")) {
                    if (!id.isBlank()) {
                        picked.add(id.strip().toLowerCase(Locale.ROOT));
                    }
                }
                if (picked.isEmpty()) {
                    throw new TourConfigException(ONLY + " needs example ids, e.g. " + ONLY + " bot,crm");
                }
            } else {
                throw new TourConfigException("unknown argument '" + arg + "'; the tour takes " + ALLOW_SENDS + ", "
                        + ONLY + " <ids> and --help");
            }
        }
        this.help = wantsHelp;
        this.only = Set.copyOf(picked);
        this.realApi = CONNECTION_VARIABLES.stream().anyMatch(name -> variable(name) != null);
        this.allowSends = allow || flag("TEXTER_TOUR_ALLOW_SENDS");
        this.phone = phone("TEXTER_TOUR_PHONE", variable("TEXTER_TOUR_PHONE"));
        this.accountId = phone("TEXTER_TOUR_ACCOUNT_ID", variable("TEXTER_TOUR_ACCOUNT_ID"));
        this.recipients = recipients(variable("TEXTER_TOUR_RECIPIENTS"));
        this.label = length("TEXTER_TOUR_LABEL", variable("TEXTER_TOUR_LABEL"), 100);
        String email = variable("TEXTER_TOUR_AGENT_EMAIL");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new TourConfigException("TEXTER_TOUR_AGENT_EMAIL must be an email address, got '" + email + "'");
        }
        this.agentEmail = email;
        this.departmentId = length("TEXTER_TOUR_DEPARTMENT_ID", variable("TEXTER_TOUR_DEPARTMENT_ID"), 100);
        this.webhookUrl = url("TEXTER_TOUR_WEBHOOK_URL", variable("TEXTER_TOUR_WEBHOOK_URL"));
        this.receiverPort = port("TEXTER_TOUR_RECEIVER_PORT", variable("TEXTER_TOUR_RECEIVER_PORT"));
    }

    /**
     * Reads the settings.
     *
     * @param environment the variables, e.g. {@code System.getenv()}
     * @param args the command-line arguments
     * @return the settings
     * @throws TourConfigException when an argument or a variable is wrong
     */
    public static TourSettings parse(Map<String, String> environment, List<String> args) {
        return new TourSettings(environment, args);
    }

    /**
     * What the tour accepts, for {@code --help} and configuration errors.
     *
     * @return the usage text
     */
    public static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: TexterTour [" + ALLOW_SENDS + "] [" + ONLY + " bot,campaign,crm,subscription] [--help]",
                "",
                "Without TEXTER_PROJECT_ID / TEXTER_API_TOKEN the tour runs against the simulator of texter-testkit,",
                "a stateful Texter project in the same JVM. With them (and optionally TEXTER_BASE_URL) it talks to that Texter project, read-only",
                "unless " + ALLOW_SENDS + " or TEXTER_TOUR_ALLOW_SENDS=true lets it send messages and change data.",
                "",
                "What a real-API run acts on:",
                "  TEXTER_TOUR_PHONE           a contact you own: the bot and CRM examples write only to this chat",
                "                              (without it they read the most recent chat and write nothing)",
                "  TEXTER_TOUR_ACCOUNT_ID      your WhatsApp business number (default: the contact chat's)",
                "  TEXTER_TOUR_RECIPIENTS      comma-separated numbers for the campaign (default: TEXTER_TOUR_PHONE)",
                "  TEXTER_TOUR_LABEL           the label the CRM example adds (default: VIP)",
                "  TEXTER_TOUR_AGENT_EMAIL     the agent the CRM example assigns the chat to",
                "  TEXTER_TOUR_DEPARTMENT_ID   or the department",
                "  TEXTER_TOUR_WEBHOOK_URL     a public URL forwarding to the webhook receiver, for subscriptions",
                "  TEXTER_TOUR_RECEIVER_PORT   the receiver's port on 127.0.0.1 (default: any free port)");
    }

    /** Whether the tour talks to a real Texter project rather than the embedded one. */
    public boolean realApi() {
        return realApi;
    }

    /** Whether a real-API run may send messages and change data ({@value #ALLOW_SENDS}). */
    public boolean allowSends() {
        return allowSends;
    }

    /** Whether only the usage was asked for. */
    public boolean help() {
        return help;
    }

    /** The example ids picked with {@value #ONLY}; empty for all. */
    public Set<String> only() {
        return only;
    }

    /** The variables, for the client's {@code environment(...)}. */
    public Map<String, String> environment() {
        return environment;
    }

    /** {@code TEXTER_TOUR_PHONE}, or {@code null}. */
    public @Nullable String phone() {
        return phone;
    }

    /** {@code TEXTER_TOUR_ACCOUNT_ID}, or {@code null}. */
    public @Nullable String accountId() {
        return accountId;
    }

    /** {@code TEXTER_TOUR_RECIPIENTS}; empty when not set. */
    public List<String> recipients() {
        return recipients;
    }

    /** {@code TEXTER_TOUR_LABEL}, or {@code null}. */
    public @Nullable String label() {
        return label;
    }

    /** {@code TEXTER_TOUR_AGENT_EMAIL}, or {@code null}. */
    public @Nullable String agentEmail() {
        return agentEmail;
    }

    /** {@code TEXTER_TOUR_DEPARTMENT_ID}, or {@code null}. */
    public @Nullable String departmentId() {
        return departmentId;
    }

    /** {@code TEXTER_TOUR_WEBHOOK_URL}, or {@code null}. */
    public @Nullable String webhookUrl() {
        return webhookUrl;
    }

    /** {@code TEXTER_TOUR_RECEIVER_PORT}; 0 for any free port. */
    public int receiverPort() {
        return receiverPort;
    }

    @Override
    public String toString() {
        // never the variables themselves: TEXTER_API_TOKEN is among them
        return "TourSettings[" + (realApi ? "real API" : "embedded") + ", allowSends=" + allowSends + ", only=" + only
                + "]";
    }

    private @Nullable String variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private boolean flag(String name) {
        String value = variable(name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new TourConfigException(name + " must be true or false, got '" + value + "'");
    }

    private static @Nullable String phone(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        long digits = value.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(value).matches() || digits < 7 || digits > 15) {
            throw new TourConfigException(name + " must be a phone number of 7-15 digits in international format"
                    + " (e.g. +972521234567), got '" + value + "'");
        }
        return value.replaceAll("\\D", "");
    }

    private static List<String> recipients(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        List<String> parts = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
        if (parts.size() > MAX_RECIPIENTS) {
            throw new TourConfigException("TEXTER_TOUR_RECIPIENTS must list at most " + MAX_RECIPIENTS
                    + " numbers, got " + parts.size());
        }
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String number = Objects.requireNonNull(phone("TEXTER_TOUR_RECIPIENTS[" + i + "]", parts.get(i)));
            if (numbers.contains(number)) {
                throw new TourConfigException("TEXTER_TOUR_RECIPIENTS[" + i + "] repeats +" + number
                        + ": each number gets the template once");
            }
            numbers.add(number);
        }
        return List.copyOf(numbers);
    }

    private static @Nullable String length(String name, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw new TourConfigException(name + " must be 1-" + max + " characters, was " + value.length());
        }
        return value;
    }

    private static @Nullable String url(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new TourConfigException(name + " must be an absolute http(s) URL, got '" + value + "'");
    }

    private static int port(String name, @Nullable String value) {
        if (value == null) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TourConfigException(name + " must be a port number 0-65535, got '" + value + "'");
    }
}
