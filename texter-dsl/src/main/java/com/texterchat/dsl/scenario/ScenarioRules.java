package com.texterchat.dsl.scenario;

import static com.texterchat.dsl.internal.Check.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.texterchat.client.json.TexterJson;
import com.texterchat.dsl.InvalidRequestException;
import com.texterchat.dsl.internal.Check;
import com.texterchat.model.CopyScenarioRequest;
import com.texterchat.model.ImportSubscriptionRequest;
import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.ScenarioDocument;
import com.texterchat.model.ScenarioDraftOperation;
import com.texterchat.model.ScenarioLoader;
import com.texterchat.model.ScenarioLoaders;
import com.texterchat.model.ScenarioLoop;
import com.texterchat.model.SubscriptionImportStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rules of scenario documents, subscription imports and draft operations, and the checks that apply them
 * to the generated models. Sources: Texter's API reference (Import Subscription, Update Draft, the Scenario
 * object) and the shape of Texter's own scenario templates (documents with loops are version {@code v1.1}).
 */
public final class ScenarioRules {

    private ScenarioRules() {
    }

    /**
     * Checks a scenario document: version, name, at least one distinct trigger event, named loaders with
     * distinct aliases, non-empty condition groups, at least one action, and a valid URL on every
     * {@code request} action.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static ScenarioDocument validate(ScenarioDocument document) {
        return validate(document, "");
    }

    /**
     * Checks a scenario document, reporting fields relative to {@code path} (e.g. {@code data}).
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static ScenarioDocument validate(ScenarioDocument document, String path) {
        ScenarioDocument.VersionEnum version = Check.required(at(path, "version"), document.getVersion());
        Check.that(version != ScenarioDocument.VersionEnum.UNKNOWN, at(path, "version"), "must be v1 or v1.1");
        Check.notBlank(at(path, "name"), document.getName());
        List<String> triggers = Check.count(at(path, "triggerEvents"), document.getTriggerEvents(), 1,
                Integer.MAX_VALUE);
        for (int i = 0; i < triggers.size(); i++) {
            Check.notBlank(at(at(path, "triggerEvents"), i), triggers.get(i));
        }
        Check.unique(at(path, "triggerEvents"), triggers, "the event");
        loaders(document.getLoaders(), at(path, "loaders"));
        List<List<ScenarioComponent>> groups = document.getConditions();
        if (groups != null) {
            for (int g = 0; g < groups.size(); g++) {
                String group = at(at(path, "conditions"), g);
                List<ScenarioComponent> conditions = Check.count(group, groups.get(g), 1, Integer.MAX_VALUE);
                for (int c = 0; c < conditions.size(); c++) {
                    component(conditions.get(c), at(group, c));
                }
            }
        }
        List<ScenarioComponent> actions = Check.count(at(path, "actions"), document.getActions(), 1,
                Integer.MAX_VALUE);
        for (int i = 0; i < actions.size(); i++) {
            component(actions.get(i), at(at(path, "actions"), i));
        }
        List<ScenarioLoop> loops = document.getLoops();
        if (loops != null && !loops.isEmpty()) {
            Check.that(version == ScenarioDocument.VersionEnum.V1_1, at(path, "version"),
                    "must be v1.1 when the document has loops, was " + version);
            for (int i = 0; i < loops.size(); i++) {
                loop(loops.get(i), at(at(path, "loops"), i));
            }
        }
        List<String> tags = document.getTags();
        if (tags != null) {
            for (int i = 0; i < tags.size(); i++) {
                Check.notBlank(at(at(path, "tags"), i), tags.get(i));
            }
        }
        return document;
    }

    /**
     * Checks an Import Subscription body: its document, the status it is saved in, and the author.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static ImportSubscriptionRequest validate(ImportSubscriptionRequest request) {
        validate(Check.required("data", request.getData()), "data");
        Check.that(request.getAsStatus() != SubscriptionImportStatus.UNKNOWN, "asStatus",
                "must be active, inactive or draft");
        Check.notBlankIfPresent("authorUid", request.getAuthorUid());
        return request;
    }

    /**
     * Checks a Copy Scenario body: a revision number of at least 1 and a name.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule
     */
    public static CopyScenarioRequest validate(CopyScenarioRequest request) {
        Check.atLeast("fromVersion", Check.required("fromVersion", request.getFromVersion()), 1);
        Check.notBlank("newName", request.getNewName());
        Check.notBlankIfPresent("authorUid", request.getAuthorUid());
        return request;
    }

    /**
     * Checks an Update Draft body: at least one operation, each holding exactly one key.
     *
     * @throws InvalidRequestException naming the first operation that breaks a rule
     */
    public static List<ScenarioDraftOperation> validateOperations(List<ScenarioDraftOperation> operations) {
        Check.count("operations", operations, 1, Integer.MAX_VALUE);
        for (int i = 0; i < operations.size(); i++) {
            JsonNode json = TexterJson.mapper().valueToTree(operations.get(i));
            Check.that(json.size() == 1, at("operations", i), "must hold exactly one operation key, had "
                    + json.size() + (json.size() == 0 ? "" : " " + json.properties().stream().map(Map.Entry::getKey).toList()));
        }
        return operations;
    }

    private static void loaders(@Nullable ScenarioLoaders loaders, String path) {
        if (loaders == null) {
            return;
        }
        List<String> aliases = new ArrayList<>();
        loaderList(loaders.getBeforeConditions(), at(path, "beforeConditions"), aliases);
        loaderList(loaders.getAfterConditions(), at(path, "afterConditions"), aliases);
        Check.unique(path, aliases, "the alias");
    }

    private static void loaderList(@Nullable List<ScenarioLoader> loaders, String path, List<String> aliases) {
        if (loaders == null) {
            return;
        }
        for (int i = 0; i < loaders.size(); i++) {
            ScenarioLoader loader = Check.required(at(path, i), loaders.get(i));
            Check.notBlank(at(at(path, i), "name"), loader.getName());
            Check.notBlankIfPresent(at(at(path, i), "alias"), loader.getAlias());
            if (loader.getAlias() != null) {
                aliases.add(loader.getAlias());
            }
        }
    }

    private static void component(ScenarioComponent component, String path) {
        Check.notBlank(at(path, "name"), component.getName());
        action(component, path);
    }

    /** A {@code request} action must call an absolute http(s) URL. */
    static void action(ScenarioComponent component, String path) {
        if ("request".equals(component.getName())) {
            Map<String, Object> params = component.getParams();
            Object url = params == null ? null : params.get("url");
            Check.that(url instanceof String, at(path, "params.url"),
                    "is required on a request action (the URL it calls)");
            // %provider:key% placeholders are filled in when the scenario runs
            Check.that(Check.isHttpUrl(((String) url).replaceAll("%[^%]*%", "x")), at(path, "params.url"),
                    "must be an absolute http(s) URL, was '" + url + "'");
        }
    }

    private static void loop(ScenarioLoop loop, String path) {
        Check.that(loop.getLoop() != null && !loop.getLoop().isEmpty(), at(path, "loop"), "must not be empty");
        Check.notBlank(at(path, "position"), loop.getPosition());
    }

    static void index(String path, int index) {
        Check.that(index >= 0, path, "must be at least 0, was " + index);
    }
}
