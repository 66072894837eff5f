package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.client.testsupport.TestServer;
import com.texterchat.api.ChannelsApi;
import com.texterchat.api.ChatsApi;
import com.texterchat.api.EventSubscriptionsApi;
import com.texterchat.api.FilesApi;
import com.texterchat.api.LabelsApi;
import com.texterchat.api.MessagesApi;
import com.texterchat.api.QuickRepliesApi;
import com.texterchat.api.ScenariosApi;
import com.texterchat.api.TemplateSubscriptionsApi;
import com.texterchat.api.TemplatesApi;
import feign.RequestLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operationIds and scopes the runtime reads from the spec agree with the generated interfaces. */
class OperationCatalogTest {

    private static OperationCatalog catalog;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(TestServer.openApiJson())) {
            catalog = OperationCatalog.read(in);
        }
    }

    @Test
    void everyGeneratedApiMethodNamesAnOperationOfTheSpecAndViceVersa() {
        Set<String> fromInterfaces = Stream.of(ChatsApi.class, MessagesApi.class, TemplatesApi.class,
                        TemplateSubscriptionsApi.class, LabelsApi.class, FilesApi.class, ChannelsApi.class,
                        QuickRepliesApi.class, EventSubscriptionsApi.class, ScenariosApi.class)
                .flatMap(api -> Arrays.stream(api.getMethods()))
                .filter(m -> m.isAnnotationPresent(RequestLine.class))
                .map(Operation::operationId)
                .collect(Collectors.toSet());

        assertThat(catalog.operationIds()).isNotEmpty().containsExactlyInAnyOrderElementsOf(fromInterfaces);
    }

    @Test
    void bodiesAreRequiredExactlyWhereTheSpecSaysRequiredTrue() {
        assertThat(catalog.requiresBody("createLabel")).contains(true);
        assertThat(catalog.requiresBody("updateScenarioDraft")).contains(true);
        assertThat(catalog.requiresBody("resolveChat")).contains(false);
        assertThat(catalog.requiresBody("generatePublicMediaUrl")).contains(false);
        assertThat(catalog.requiresBody("getChat")).isEmpty();
        assertThat(catalog.requiresBody("submitTemplateLocalization")).isEmpty();
        assertThat(catalog.requiresBody("noSuchOperation")).isEmpty();
        assertThat(catalog.operationIds().stream().filter(id -> catalog.requiresBody(id).equals(
                java.util.Optional.of(false)))).containsExactlyInAnyOrder("resolveChat", "generatePublicMediaUrl",
                "createScenarioDraft", "createScenarioRevision", "activateSubscription", "inactivateSubscription",
                "deleteScenarioRevision");
    }

    @Test
    void scopesComeFromXTexterScopes() {
        assertThat(catalog.scopes("sendTemplateMessage")).contains(List.of("Send template messages"));
        assertThat(catalog.scopes("generatePublicMediaUrl")).contains(List.of("View all chats", "View all files"));
        assertThat(catalog.scopes("listLabels")).contains(List.of());
        assertThat(catalog.scopes("noSuchOperation")).isEmpty();
    }

    @Test
    void theSpecIsFoundOnTheClasspath() {
        TestServer.withSpecOnClasspath(() -> assertThat(OperationCatalog.fromClasspath().operationIds())
                .isEqualTo(catalog.operationIds()));
    }
}
