package com.texterchat.checks.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.testkit.TexterMockServer;
import com.texterchat.testkit.webhook.WebhookPayload;
import com.texterchat.testkit.webhook.WebhookPayloads;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that uses the SDK as a named module: its module-info requires {@code com.texterchat.dsl} only, it is
 * compiled with javac on the module path (the SDK's modules and their dependencies, taken from this test's class
 * path) and run in a child JVM with {@code java --module-path ... -m}. It makes one real call through
 * {@code Texter} against the test kit's server (running here, in the parent) and parses a webhook.
 */
class ModulePathConsumerTest {

    /**
     * What goes on the module path: the SDK's library modules below the test kit and their run-time dependencies,
     * by artifact (as a jar, or a module's target/classes directory). The test kit is not among them: it needs
     * wiremock-standalone, which cannot be put on the module path (see texter-testkit's pom).
     */
    private static final List<String> MODULE_PATH_ARTIFACTS = List.of("texter-api-generated", "texter-client",
            "texter-dsl", "feign-core", "jackson-annotations", "jackson-core", "jackson-databind",
            "jackson-datatype-jsr310", "jackson-databind-nullable", "jakarta.annotation-api", "slf4j-api", "jspecify");

    private static final long RUN_TIMEOUT_SECONDS = 60;

    private static TexterMockServer texter;

    @TempDir
    Path work;

    @BeforeAll
    static void startTexter() {
        texter = TexterMockServer.start();
    }

    @AfterAll
    static void stopTexter() {
        texter.close();
    }

    @Test
    void a_modular_application_calls_texter_and_reads_a_webhook_on_the_module_path() throws Exception {
        String chatId = texter.stubs().chatExists("+972 52 123 4567").getId();
        WebhookPayload<?> webhook = WebhookPayloads.chatResolved().chatId(chatId).build();
        Path webhookFile = Files.writeString(work.resolve("webhook.json"), webhook.json());

        Path classes = compile("""
                module texter.consumer {
                    requires com.texterchat.dsl;
                }
                """, """
                package consumer;

                import com.texterchat.Texter;
                import com.texterchat.api.ChatsApi;
                import com.texterchat.client.TexterClient;
                import com.texterchat.client.webhook.TexterWebhooks;
                import com.texterchat.client.webhook.WebhookEvent;
                import com.texterchat.model.Chat;
                import com.texterchat.model.ChatResolvedEventData;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public final class Main {
                    public static void main(String[] args) throws Exception {
                        Texter texter = Texter.of(TexterClient.builder().baseUrl(args[0]).token("module-path-token").build());
                        Chat chat = texter.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search(args[1]))
                                .getData().get(0);
                        System.out.println("chat " + chat.getId() + " module " + Texter.class.getModule().getName());

                        WebhookEvent event = TexterWebhooks.parse(Files.readString(Path.of(args[2])));
                        ChatResolvedEventData data = event.dataAs(ChatResolvedEventData.class).orElseThrow();
                        System.out.println("webhook " + event.eventName() + " chat " + data.getChat().getId());
                    }
                }
                """);

        List<String> output = run(classes, "texter.consumer/consumer.Main", texter.apiBaseUrl(), "972521234567",
                webhookFile.toString());

        assertThat(output).contains("chat " + chatId + " module com.texterchat.dsl",
                "webhook " + webhook.eventName() + " chat " + chatId);
        assertThat(texter.verify().count("searchChats")).isEqualTo(1);
    }

    @Test
    void the_internal_packages_are_not_exported() throws IOException {
        for (String internalType : List.of("com.texterchat.client.internal.Lazy", "com.texterchat.dsl.internal.Check")) {
            List<String> errors = compileErrors("""
                    module texter.consumer {
                        requires com.texterchat.dsl;
                    }
                    """, """
                    package consumer;

                    public final class Main {
                        public static void main(String[] args) {
                            System.out.println(%s.class);
                        }
                    }
                    """.formatted(internalType));

            String packageName = internalType.substring(0, internalType.lastIndexOf('.'));
            assertThat(errors).as(internalType)
                    .anyMatch(error -> error.contains("package " + packageName + " is not visible"));
        }
    }

    @Test
    void each_module_exports_exactly_its_api_packages() {
        ModuleFinder finder = ModuleFinder.of(Stream.of(modulePath().split(Pattern.quote(File.pathSeparator)))
                .map(Path::of).toArray(Path[]::new));

        assertThat(exports(finder, "com.texterchat.api")).containsExactlyInAnyOrder("com.texterchat.api",
                "com.texterchat.model");
        assertThat(exports(finder, "com.texterchat.client")).containsExactlyInAnyOrder("com.texterchat.client",
                "com.texterchat.client.error", "com.texterchat.client.json", "com.texterchat.client.paging",
                "com.texterchat.client.webhook", "com.texterchat.client.webhook.servlet",
                "com.texterchat.client.micrometer");
        assertThat(exports(finder, "com.texterchat.dsl")).containsExactlyInAnyOrder("com.texterchat",
                "com.texterchat.dsl", "com.texterchat.dsl.kotlin", "com.texterchat.dsl.kotlin.coroutines",
                "com.texterchat.dsl.message",
                "com.texterchat.dsl.quickreply", "com.texterchat.dsl.scenario", "com.texterchat.dsl.template");
        assertThat(finder.find("com.texterchat.client").orElseThrow().descriptor().packages())
                .contains("com.texterchat.client.internal");
        assertThat(finder.find("com.texterchat.dsl").orElseThrow().descriptor().packages())
                .contains("com.texterchat.dsl.internal");
    }

    private static List<String> exports(ModuleFinder finder, String module) {
        ModuleDescriptor descriptor = finder.find(module).orElseThrow(() -> new AssertionError("no module " + module))
                .descriptor();
        assertThat(descriptor.isAutomatic()).as("%s is automatic", module).isFalse();
        return descriptor.exports().stream()
                .peek(export -> assertThat(export.isQualified()).as("qualified export %s", export).isFalse())
                .map(ModuleDescriptor.Exports::source).toList();
    }

    @Test
    void the_exported_packages_are_visible() throws IOException {
        // the same consumer as above, with exported types of each SDK module: compiles (so the test above fails
        // only because of the internal package). Java types only: the Kotlin builders' classes need kotlin-stdlib.
        Path classes = compile("""
                module texter.consumer {
                    requires com.texterchat.dsl;
                }
                """, """
                package consumer;

                public final class Main {
                    public static void main(String[] args) {
                        System.out.println(com.texterchat.client.paging.Paged.class);
                        System.out.println(com.texterchat.dsl.template.Templates.class);
                        System.out.println(com.texterchat.model.Chat.class);
                    }
                }
                """);
        assertThat(classes.resolve("consumer/Main.class")).exists();
    }

    private Path compile(String moduleInfo, String main) throws IOException {
        List<String> errors = compileErrors(moduleInfo, main);
        assertThat(errors).as("javac diagnostics").isEmpty();
        return work.resolve("classes");
    }

    /** Compiles the consumer with -Xlint:all; its errors and warnings. */
    private List<String> compileErrors(String moduleInfo, String main) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src"));
        Path moduleInfoFile = Files.writeString(sources.resolve("module-info.java"), moduleInfo);
        Path mainFile = Files.writeString(Files.createDirectories(sources.resolve("consumer")).resolve("Main.java"),
                main);
        Path classes = Files.createDirectories(work.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-Xlint:all", "--module-path", modulePath(),
                    "-d", classes.toString());
            StringWriter out = new StringWriter();
            javac.getTask(out, files, diagnostics, options, null,
                    files.getJavaFileObjects(moduleInfoFile, mainFile)).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }

    private static List<String> run(Path classes, String mainModuleAndClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", classes + File.pathSeparator + modulePath(),
                "-m", mainModuleAndClass));
        command.addAll(Arrays.asList(args));
        Path log = Files.createTempFile("texter-module-path-consumer", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the consumer did not finish within " + RUN_TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(log));
            }
            List<String> output = Files.readAllLines(log);
            assertThat(process.exitValue()).as("exit code of the consumer; its output:\n%s", String.join("\n", output))
                    .isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The {@link #MODULE_PATH_ARTIFACTS} entries of this test's class path, each found exactly once. */
    static String modulePath() {
        List<Path> classPath = Stream.of(System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator)))
                .map(Path::of).toList();
        List<Path> modulePath = new ArrayList<>();
        for (String artifact : MODULE_PATH_ARTIFACTS) {
            List<Path> found = classPath.stream().filter(entry -> isArtifact(entry, artifact)).toList();
            assertThat(found).as("class path entries of %s in %s", artifact, classPath).hasSize(1);
            modulePath.addAll(found);
        }
        return modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isArtifact(Path entry, String artifact) {
        String name = entry.getFileName().toString();
        if (name.endsWith(".jar")) {
            return name.matches(Pattern.quote(artifact) + "-\\d.*\\.jar");
        }
        // a module of this build, unpackaged: <module>/target/classes
        return name.equals("classes") && entry.getParent() != null && entry.getParent().getParent() != null
                && entry.getParent().getParent().getFileName().toString().equals(artifact);
    }
}
