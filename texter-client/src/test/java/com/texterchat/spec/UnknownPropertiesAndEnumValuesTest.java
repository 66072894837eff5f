package com.texterchat.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.texterchat.client.json.TexterJson;
import com.texterchat.client.webhook.KnownWebhookEvent;
import com.texterchat.client.webhook.TexterWebhooks;
import com.texterchat.client.webhook.WebhookEvent;
import com.texterchat.model.ChannelInfo;
import com.texterchat.model.ChannelName;
import com.texterchat.model.Chat;
import com.texterchat.model.ChatStatus;
import com.texterchat.model.CreateTemplateRequest;
import com.texterchat.model.MessageStatus;
import com.texterchat.model.MessageStatusChangedEventData;
import com.texterchat.model.QuickReplyList;
import com.texterchat.model.QuickReplyPosition;
import com.texterchat.model.TemplateCategory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * Nothing Texter sends is dropped by the generated models: JSON properties a model does not declare, at any level,
 * and enum values this SDK version does not know are kept and written back as received, through
 * {@link TexterJson}. The sending side, against a server, is in {@code com.texterchat.client.SendsBackWhatItReadTest}.
 */
class UnknownPropertiesAndEnumValuesTest {

    private static final ObjectMapper JSON = TexterJson.mapper();
    private static final String MODEL_PACKAGE = "com.texterchat.model";
    /** What every test adds: values of each JSON kind, nested, with nulls. */
    private static final String EXTRA = "{\"note\":\"kept\",\"big\":12345678901234,\"ratio\":1.5,\"on\":false,"
            + "\"list\":[1,\"two\",null,{\"deep\":true}],\"nothing\":null}";

    // ---- every example of the spec, with an extra property in every object that binds to a model

    @TestFactory
    Stream<DynamicTest> everyExampleKeepsAPropertyItDoesNotDeclareInEveryModelObject() throws Exception {
        return SpecExamplesRoundTripTest.examples().stream().map(example -> DynamicTest.dynamicTest(example.name(),
                () -> {
                    JavaType type = JSON.getTypeFactory().constructType(example.type());
                    JsonNode json = example.value().deepCopy();
                    int added = addExtras(json, JSON.readValue(JSON.treeAsTokens(example.value()), type));
                    assertThat(added).as("model objects in the example").isPositive();

                    Object model = JSON.readValue(JSON.treeAsTokens(json), type);
                    List<String> differences = SpecExamplesRoundTripTest.differences(json, JSON.valueToTree(model));
                    if (!differences.isEmpty()) {
                        fail("Round trip through " + type + " lost or changed:\n  "
                                + String.join("\n  ", differences));
                    }
                }));
    }

    /**
     * Adds {@code "sdkExtra"} (and an explicit null, {@code "sdkNull"}) to every object of {@code json} that binds
     * to a generated model, found by walking {@code model}, the same JSON already read. Free-form maps are left
     * alone: they keep every key anyway, and a typed one would refuse the value.
     *
     * @return how many objects got the extras
     */
    private static int addExtras(JsonNode json, @Nullable Object model) throws IOException {
        Object value = model instanceof JsonNullable<?> nullable ? nullable.orElse(null) : model;
        int added = 0;
        if (value instanceof Collection<?> items && json.isArray()) {
            int i = 0;
            for (Object item : items) {
                added += addExtras(json.get(i++), item);
            }
        } else if (value instanceof Map<?, ?> map && json.isObject()) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                added += addExtras(json.get(String.valueOf(entry.getKey())), entry.getValue());
            }
        } else if (isModel(value) && json instanceof ObjectNode object) {
            Map<String, AnnotatedMember> getters = jsonGetters(value.getClass());
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                AnnotatedMember getter = getters.get(name);
                if (getter != null) {
                    added += addExtras(object.get(name), getter.getValue(value));
                }
            }
            object.set("sdkExtra", JSON.readTree(EXTRA));
            object.putNull("sdkNull");
            added++;
        }
        return added;
    }

    private static JsonNode tree(@Nullable Object value) {
        return JSON.valueToTree(value);
    }

    private static boolean isModel(@Nullable Object value) {
        return value != null && !value.getClass().isEnum()
                && value.getClass().getPackageName().equals(MODEL_PACKAGE);
    }

    /** The JSON properties of a model class and the accessor Jackson writes each from. */
    private static Map<String, AnnotatedMember> jsonGetters(Class<?> type) {
        BeanDescription description = JSON.getSerializationConfig().introspect(JSON.constructType(type));
        Map<String, AnnotatedMember> getters = new java.util.HashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.getAccessor() != null) {
                getters.put(property.getName(), property.getAccessor());
            }
        }
        return getters;
    }

    // ---- every enum property of every model

    @TestFactory
    Stream<DynamicTest> everyEnumPropertyOfEveryModelKeepsAnUnknownValue() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (Class<?> model : modelClasses()) {
            for (Field field : model.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (field.getType().isEnum()) {
                    tests.add(DynamicTest.dynamicTest(model.getSimpleName() + "." + field.getName(),
                            () -> assertKeepsUnknownValue(model, field)));
                } else if (mentionsEnum(field.getGenericType())) {
                    uncovered.add(model.getSimpleName() + "." + field.getName() + ": " + field.getGenericType());
                }
            }
        }
        // An enum inside a list, map or JsonNullable would drop unknown values: pojo.mustache handles plain ones.
        assertThat(uncovered).as("enum properties pojo.mustache does not cover").isEmpty();
        assertThat(tests).as("enum properties found").hasSizeGreaterThan(40);
        return tests.stream();
    }

    private static void assertKeepsUnknownValue(Class<?> model, Field field) throws Exception {
        Object[] constants = field.getType().getEnumConstants();
        // the generator's unknown-default case is the last constant: UNKNOWN, or UNKNOWN2 beside a real UNKNOWN
        Enum<?> unknownConstant = (Enum<?>) constants[constants.length - 1];
        assertThat(unknownConstant.name()).startsWith("UNKNOWN");
        assertThat(unknownConstant.toString()).isIn("unknown_default_open_api", "11184809");
        String property = capitalized(field.getName());
        Method typedGetter = model.getMethod("get" + property);
        Method typedSetter = model.getMethod("set" + property, field.getType());
        Method valueGetter = model.getMethod("get" + property + "Value");
        Class<?> wireType = valueGetter.getReturnType();
        Object unknown = wireType == String.class ? "a_value_from_a_later_version" : Integer.valueOf(987_654);
        String name = jsonName(model, valueGetter);

        // read and written back as received
        ObjectNode json = JSON.createObjectNode();
        json.set(name, JSON.valueToTree(unknown));
        Object read = JSON.treeToValue(json, model);
        String what = model.getSimpleName() + "." + field.getName();
        assertThat(typedGetter.invoke(read)).as(what).isSameAs(unknownConstant);
        assertThat(valueGetter.invoke(read)).as(what).isEqualTo(unknown);
        // (required properties are written even when null; that adds nothing)
        assertThat(SpecExamplesRoundTripTest.differences(json, tree(read))).as(what).isEmpty();

        // setting UNKNOWN again keeps it; a known constant replaces it
        typedSetter.invoke(read, unknownConstant);
        assertThat(SpecExamplesRoundTripTest.differences(json, tree(read))).as(what).isEmpty();
        Enum<?> known = (Enum<?>) constants[0];
        typedSetter.invoke(read, known);
        JsonNode written = JSON.valueToTree(read);
        assertThat(written.get(name)).isEqualTo(JSON.valueToTree(known));
        assertThat((Object) JSON.treeToValue(written, model)).isEqualTo(read);

        // UNKNOWN set by hand, with nothing received: no placeholder goes to Texter
        Object fresh = model.getConstructor().newInstance();
        typedSetter.invoke(fresh, unknownConstant);
        JsonNode placeholder = JSON.valueToTree(fresh);
        assertThat(placeholder.path(name).isMissingNode() || placeholder.path(name).isNull())
                .as("%s of %s written as %s", name, model.getSimpleName(), placeholder).isTrue();
    }

    private static String jsonName(Class<?> model, Method accessor) {
        return jsonGetters(model).entrySet().stream()
                .filter(e -> e.getValue().getMember().equals(accessor)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError(accessor + " is not the JSON accessor of its property"));
    }

    private static boolean mentionsEnum(Type type) {
        if (type instanceof Class<?> c) {
            return c.isEnum();
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                if (mentionsEnum(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Every generated model class (not the enums), from the directory or jar the model package is in. */
    private static List<Class<?>> modelClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(Chat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        String folder = MODEL_PACKAGE.replace('.', '/') + "/";
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(folder))) {
                files.map(f -> f.getFileName().toString()).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
                        .map(n -> n.substring(folder.length())).forEach(names::add);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String file : names) {
            if (file.endsWith(".class") && !file.contains("$")) {
                Class<?> type = Class.forName(MODEL_PACKAGE + "." + file.substring(0, file.length() - 6));
                if (!type.isEnum() && !type.isInterface()) {
                    classes.add(type);
                }
            }
        }
        assertThat(classes).as("generated models").hasSizeGreaterThan(100);
        return classes;
    }

    // ---- each kind of model, by hand: exact JSON equality

    @Test
    void aPlainObjectKeepsAnUnknownEnumValueAndExtraProperties() throws Exception {
        String json = "{\"name\":\"telegram\",\"id\":\"972521234567\",\"sdkExtra\":" + EXTRA + ",\"sdkNull\":null}";

        ChannelInfo channel = JSON.readValue(json, ChannelInfo.class);

        assertThat(channel.getName()).isEqualTo(ChannelName.UNKNOWN);
        assertThat(channel.getNameValue()).isEqualTo("telegram");
        assertThat(channel.getAdditionalProperties()).containsOnlyKeys("sdkExtra", "sdkNull");
        assertThat(channel.getAdditionalProperty("sdkExtra")).isInstanceOf(Map.class);
        assertThat(channel.getAdditionalProperty("sdkNull")).isNull();
        assertThat(JSON.writeValueAsString(channel)).isEqualTo(json);
    }

    @Test
    void aModelWithNestedModelsKeepsWhatItDoesNotKnowAtEveryLevel() throws Exception {
        JsonNode json = JSON.readTree("{\"_id\":\"c1\",\"status\":42,\"externalBot\":true,"
                + "\"channelInfo\":{\"name\":\"telegram\",\"id\":\"1\",\"sdkExtra\":" + EXTRA + "},"
                + "\"lastMessage\":{\"type\":\"reaction\",\"text\":\"+1\",\"emoji\":\"thumbs\"},"
                + "\"botState\":{\"id\":\"b1\",\"flowVersion\":{\"identifier\":\"bot\",\"version\":3,\"sdkExtra\":1},"
                + "\"futureKey\":[1,2]},\"featureFromTheFuture\":{\"enabled\":true}}");

        Chat chat = JSON.treeToValue(json, Chat.class);

        assertThat(chat.getStatus()).isEqualTo(ChatStatus.UNKNOWN);
        assertThat(chat.getStatusValue()).isEqualTo(42);
        assertThat(chat.getChannelInfo().getNameValue()).isEqualTo("telegram");
        assertThat(chat.getBotState().getFlowVersion().getAdditionalProperty("sdkExtra")).isEqualTo(1);
        assertThat(tree(chat)).isEqualTo(json);
        assertThat(JSON.treeToValue(JSON.valueToTree(chat), Chat.class)).isEqualTo(chat);
    }

    @Test
    void aListResponseKeepsWhatItDoesNotKnowInEveryItem() throws Exception {
        JsonNode json = JSON.readTree("{\"total\":2,\"nextPage\":\"p2\",\"quickReplies\":["
                + "{\"_id\":\"q1\",\"display\":{\"position\":\"pinned\",\"title\":\"Hi\",\"color\":\"red\"},"
                + "\"send\":{\"contents\":[{\"type\":\"sticker\",\"text\":\"x\",\"sdkExtra\":" + EXTRA + "}],"
                + "\"target\":[{\"name\":\"telegram\",\"sdkExtra\":2}]},\"archived\":false},"
                + "{\"_id\":\"q2\",\"display\":{\"position\":\"top\"}}]}");

        QuickReplyList list = JSON.treeToValue(json, QuickReplyList.class);

        assertThat(list.getAdditionalProperty("nextPage")).isEqualTo("p2");
        assertThat(list.getQuickReplies().get(0).getDisplay().getPosition()).isEqualTo(QuickReplyPosition.UNKNOWN);
        assertThat(list.getQuickReplies().get(1).getDisplay().getPosition()).isNotEqualTo(QuickReplyPosition.UNKNOWN);
        assertThat(tree(list)).isEqualTo(json);
    }

    @Test
    void aRequestModelSendsUnknownValuesAndExtraPropertiesAsGiven() throws Exception {
        JsonNode json = JSON.readTree("{\"title\":\"Welcome\",\"category\":\"FUTURE_CATEGORY\",\"chatStatus\":1,"
                + "\"usage\":\"future_usage\",\"name\":\"welcome\",\"allowCategoryChange\":true}");

        CreateTemplateRequest request = JSON.treeToValue(json, CreateTemplateRequest.class);

        assertThat(request.getCategory()).isEqualTo(TemplateCategory.UNKNOWN);
        assertThat(tree(request)).isEqualTo(json);

        CreateTemplateRequest built = new CreateTemplateRequest().title("Welcome").categoryValue("FUTURE_CATEGORY")
                .chatStatusValue(1).usageValue("future_usage").name("welcome")
                .putAdditionalProperty("allowCategoryChange", true);
        assertThat(tree(built)).isEqualTo(json);
        assertThat(built).isEqualTo(request).hasSameHashCodeAs(request);
    }

    @Test
    void webhookEventDataKeepsWhatItDoesNotKnowAndAgreesWithItsJson() {
        String data = "{\"chat\":{\"_id\":\"c1\",\"status\":7,\"channelInfo\":{\"name\":\"telegram\",\"id\":\"1\"},"
                + "\"sdkExtra\":" + EXTRA + "},\"messageStatus\":12,\"timestamp\":1761574716050,"
                + "\"pricing\":{\"billable\":true,\"category\":\"service\"}}";

        WebhookEvent event = TexterWebhooks.parse("{\"eventName\":\"messageStatusChanged\",\"eventData\":" + data + "}");

        assertThat(event).isInstanceOf(KnownWebhookEvent.class);
        MessageStatusChangedEventData typed = (MessageStatusChangedEventData) ((KnownWebhookEvent<?>) event).data();
        assertThat(typed.getMessageStatus()).isEqualTo(MessageStatus.UNKNOWN);
        assertThat(typed.getMessageStatusValue()).isEqualTo(12);
        assertThat(typed.getAdditionalProperty("pricing")).isEqualTo(Map.of("billable", true, "category", "service"));
        assertThat(tree(typed)).isEqualTo(event.eventDataJson());
        assertThat(Objects.requireNonNull(typed.getChat()).getStatusValue()).isEqualTo(7);
    }
}
