package com.texterchat.examples.tour;

import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.Texter;
import com.texterchat.examples.chats.CustomerChats;
import com.texterchat.model.Chat;
import com.texterchat.testkit.ReceivedRequest;
import com.texterchat.testkit.simulator.TexterSimulator;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Runs examples one after the other and prints each step, against the embedded Texter (the test kit's simulator) or,
 * when the environment names a Texter project, against that project. Everything that differs between the two is decided here; the examples get
 * a {@link TourContext} and run the same code either way.
 *
 * <pre>{@code
 * TourResult result = Tour.builder()
 *         .environment(System.getenv()).arguments(List.of(args)).examples(examples)
 *         .build().run();
 * System.exit(result.exitCode());
 * }</pre>
 */
public final class Tour {

    /** How long a receiver waits for a webhook the tour delivers. */
    static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);

    private static final String WRITES_OFF = "writes are off (read-only run); pass " + TourSettings.ALLOW_SENDS
            + " or set TEXTER_TOUR_ALLOW_SENDS=true to allow them";

    private final Map<String, String> environment;
    private final List<String> arguments;
    private final TourOutput out;
    private final RetryPolicy.Sleeper sleeper;
    private final Clock clock;
    private final @Nullable TexterSimulator embeddedSimulator;
    private final List<Example> examples;

    private Tour(Builder builder) {
        this.environment = Map.copyOf(builder.environment);
        this.arguments = List.copyOf(builder.arguments);
        this.out = new TourOutput(builder.output);
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.embeddedSimulator = builder.embeddedSimulator;
        this.examples = List.copyOf(builder.examples);
    }

    /**
     * A builder; by default no variables, no arguments, output to {@code System.out}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the tour.
     *
     * @return the outcome; its exit code is 0 when all examples completed
     */
    @SuppressWarnings("try") // RetryNotices is a scope, not read in the try block: retry warnings show while it is open
    public TourResult run() {
        TourSettings settings;
        List<Example> selected;
        try {
            settings = TourSettings.parse(environment, arguments);
            selected = select(settings.only());
        } catch (TourConfigException e) {
            out.line("Error: " + e.getMessage());
            out.blank();
            out.line(TourSettings.usage());
            return new TourResult(2, List.of());
        }
        if (settings.help()) {
            out.line(TourSettings.usage());
            return new TourResult(0, List.of());
        }
        RetryPolicy retries = RetryPolicy.defaults().toBuilder().sleeper(sleeper).build();
        RetryNotices notices = RetryNotices.showOn(out);
        try {
            return settings.realApi() ? runAgainstProject(settings, retries, selected)
                    : runEmbedded(settings, retries, selected);
        } finally {
            notices.close();
        }
    }

    private TourResult runEmbedded(TourSettings settings, RetryPolicy retries, List<Example> selected) {
        TexterSimulator simulator = embeddedSimulator != null ? embeddedSimulator : EmbeddedTexter.start();
        try {
            EmbeddedTexter embedded = EmbeddedTexter.on(simulator);
            Texter texter = Texter.of(simulator.server().clientBuilder().retryPolicy(retries).build());
            out.line("Texter SDK tour: " + selected.size() + " example(s) against the simulator of texter-testkit"
                    + " (a stateful Texter project in this JVM) at " + simulator.apiBaseUrl());
            out.line("  Writes are on: the simulated project is a throwaway. Its clock starts at "
                    + simulator.clock().now() + " and moves only when the tour moves it. Set TEXTER_PROJECT_ID and"
                    + " TEXTER_API_TOKEN to run the same code against your project.");
            List<TourResult.ExampleRun> runs = runExamples(selected, texter, EmbeddedTexter.targets(), null,
                    new SimulatedEvents(simulator), settings.receiverPort(), embedded, embedded.clock());
            List<ReceivedRequest> received = simulator.verify().all();
            long reads = received.stream().filter(r -> r.method().equals("GET")).count();
            out.blank();
            out.line("The simulator answered " + received.size() + " requests: " + reads + " reads (GET) and "
                    + (received.size() - reads) + " writes (" + received.stream().map(ReceivedRequest::method)
                    .filter(m -> !m.equals("GET")).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .collect(Collectors.joining(", ")) + "); its subscriptions delivered "
                    + simulator.deliveries().size() + " webhook(s) to the examples' receivers.");
            return summary(selected, runs);
        } finally {
            if (embeddedSimulator == null) {
                simulator.close();
            }
        }
    }

    private TourResult runAgainstProject(TourSettings settings, RetryPolicy retries, List<Example> selected) {
        TexterClient client;
        try {
            client = TexterClient.builder().environment(settings.environment()).retryPolicy(retries).build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            out.line("Error: " + e.getMessage() + ". Set TEXTER_PROJECT_ID and TEXTER_API_TOKEN (and optionally"
                    + " TEXTER_BASE_URL) to run against your project, or none of them for the embedded Texter.");
            return new TourResult(2, List.of());
        }
        out.line("Texter SDK tour: " + selected.size() + " example(s) against your Texter project at "
                + client.baseUrl() + " (token from TEXTER_API_TOKEN, never printed)");
        out.line(settings.allowSends()
                ? "  Writes are ON (" + TourSettings.ALLOW_SENDS + "): the examples send messages and change data,"
                        + " only for the contacts you named."
                : "  Read-only: write steps are skipped. Pass " + TourSettings.ALLOW_SENDS
                        + " (or TEXTER_TOUR_ALLOW_SENDS=true) to allow them.");
        Texter texter = Texter.of(client);
        TourTargets targets;
        try {
            targets = projectTargets(settings, texter);
        } catch (RuntimeException e) {
            out.line("Error: could not read the project: " + Failures.describe(e));
            return new TourResult(1, List.of());
        }
        List<TourResult.ExampleRun> runs = runExamples(selected, texter, targets,
                settings.allowSends() ? null : WRITES_OFF,
                SampleWebhooks.writtenWhenTheContactLastWrote(clock, WEBHOOK_TIMEOUT), settings.receiverPort(), null,
                clock);
        return summary(selected, runs);
    }

    /** The contact, account and recipients of a real-API run: what the user named, or what can be read safely. */
    private TourTargets projectTargets(TourSettings settings, Texter texter) {
        String phone = settings.phone();
        String blocked = null;
        Chat chat = null;
        if (phone != null) {
            chat = CustomerChats.findByPhone(texter, phone).orElse(null);
            out.line("  Contact: +" + phone + " (TEXTER_TOUR_PHONE)" + (chat == null ? ", who has no chat yet" : ""));
        } else {
            chat = CustomerChats.mostRecent(texter).orElse(null);
            if (chat != null && chat.getChannelInfo() != null && chat.getChannelInfo().getId() != null) {
                phone = CustomerChats.digits(chat.getChannelInfo().getId());
                blocked = "this chat was picked for reading only; set TEXTER_TOUR_PHONE to a contact you own to let"
                        + " the examples write to it";
                out.line("  Contact: none given (TEXTER_TOUR_PHONE); the examples read the most recent chat, +"
                        + phone + ", and write nothing to it");
            } else {
                out.line("  Contact: none given (TEXTER_TOUR_PHONE), and the project has no chats");
            }
        }
        String accountId = settings.accountId();
        if (accountId == null && chat != null && chat.getChannelInfo() != null) {
            accountId = chat.getChannelInfo().getAccountId();
        }
        out.line("  Business number: " + (accountId == null ? "unknown (TEXTER_TOUR_ACCOUNT_ID)" : accountId
                + (settings.accountId() != null ? " (TEXTER_TOUR_ACCOUNT_ID)" : " (from the contact's chat)")));
        List<String> recipients = !settings.recipients().isEmpty() ? settings.recipients()
                : settings.phone() != null ? List.of(settings.phone()) : List.of();
        return new TourTargets(phone, blocked, accountId, recipients,
                Optional.ofNullable(settings.label()).orElse(EmbeddedTexter.LABEL), settings.agentEmail(),
                settings.departmentId(), settings.webhookUrl(), false);
    }

    private List<TourResult.ExampleRun> runExamples(List<Example> selected, Texter texter, TourTargets targets,
            @Nullable String writesOff, TexterEvents events, int receiverPort, @Nullable EmbeddedTexter embedded,
            Clock now) {
        List<TourResult.ExampleRun> runs = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            Example example = selected.get(i);
            out.blank();
            out.line("[" + (i + 1) + "/" + selected.size() + "] " + example.info().title() + " ("
                    + example.info().language() + "): " + example.info().summary());
            long start = System.nanoTime();
            Steps steps = new Steps(out, writesOff);
            boolean passed = true;
            try {
                if (embedded != null) {
                    String prepared = example.prepareEmbedded(embedded);
                    if (!prepared.isBlank()) {
                        out.line("  (simulator: " + prepared + ")");
                    }
                }
                example.run(new TourContext(texter, steps, targets, events, receiverPort, WEBHOOK_TIMEOUT, now));
            } catch (StepFailedException e) {
                passed = false;
            } catch (RuntimeException e) {
                passed = false;
                out.line("  FAILED outside a step: " + Failures.describe(e));
            }
            runs.add(new TourResult.ExampleRun(example.info().id(), example.info().title(), passed, steps.done(),
                    steps.skipped(), Duration.ofNanos(System.nanoTime() - start)));
        }
        return runs;
    }

    private TourResult summary(List<Example> selected, List<TourResult.ExampleRun> runs) {
        out.blank();
        out.line("Summary");
        int width = selected.stream().mapToInt(e -> (e.info().title() + e.info().language()).length() + 3).max()
                .orElse(0);
        for (int i = 0; i < runs.size(); i++) {
            TourResult.ExampleRun run = runs.get(i);
            Example example = selected.get(i);
            String name = example.info().title() + " (" + example.info().language() + ")";
            out.line(String.format(Locale.ROOT, "  %-8s %-" + width + "s %2d steps done, %d skipped, %s",
                    run.passed() ? "ok" : "FAILED", name, run.stepsDone(), run.stepsSkipped(), seconds(run.took())));
        }
        long failed = runs.stream().filter(r -> !r.passed()).count();
        out.line(failed == 0 ? "All " + runs.size() + " example(s) completed."
                : failed + " of " + runs.size() + " example(s) failed.");
        return new TourResult(failed == 0 ? 0 : 1, runs);
    }

    private List<Example> select(Set<String> only) {
        if (only.isEmpty()) {
            return examples;
        }
        Set<String> known = examples.stream().map(e -> e.info().id()).collect(Collectors.toCollection(TreeSet::new));
        for (String id : only) {
            if (!known.contains(id)) {
                throw new TourConfigException(TourSettings.ONLY + ": unknown example '" + id + "'; the examples are "
                        + String.join(", ", known));
            }
        }
        return examples.stream().filter(e -> only.contains(e.info().id())).toList();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Configures a {@link Tour}. */
    public static final class Builder {
        private Map<String, String> environment = Map.of();
        private List<String> arguments = List.of();
        private PrintStream output = System.out;
        private RetryPolicy.Sleeper sleeper = RetryPolicy.defaults().sleeper();
        private Clock clock = Clock.systemUTC();
        private @Nullable TexterSimulator embeddedSimulator;
        private List<Example> examples = List.of();

        private Builder() {
        }

        /**
         * The variables: {@code TEXTER_PROJECT_ID}, {@code TEXTER_API_TOKEN}, {@code TEXTER_BASE_URL} and the
         * {@code TEXTER_TOUR_*} ones; usually {@code System.getenv()}.
         *
         * @param environment the variables by name
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * The command-line arguments ({@code --allow-sends}, {@code --only ...}, {@code --help}).
         *
         * @param arguments the arguments
         * @return this builder
         */
        public Builder arguments(List<String> arguments) {
            this.arguments = Objects.requireNonNull(arguments, "arguments");
            return this;
        }

        /**
         * Where the tour prints.
         *
         * @param output the stream
         * @return this builder
         */
        public Builder output(PrintStream output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /**
         * How the client waits before a retry (default: the thread sleeps); tests pass one that only records.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(RetryPolicy.Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The current time of a run against a real project (default: the system clock); on the simulator the tour
         * uses the simulator's clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A running simulator of the demo project ({@link EmbeddedTexter#project()}) to use as the embedded Texter
         * instead of starting one (left running afterwards), e.g. so that a test can read back what the examples did.
         *
         * @param simulator the simulator
         * @return this builder
         */
        public Builder embeddedSimulator(TexterSimulator simulator) {
            this.embeddedSimulator = Objects.requireNonNull(simulator, "simulator");
            return this;
        }

        /**
         * The examples to run, in order.
         *
         * @param examples the examples
         * @return this builder
         */
        public Builder examples(List<? extends Example> examples) {
            this.examples = List.copyOf(examples);
            return this;
        }

        /**
         * Builds the tour.
         *
         * @return the tour
         */
        public Tour build() {
            return new Tour(this);
        }
    }
}
