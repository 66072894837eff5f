package com.texterchat.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.model.SessionMessage;
import com.texterchat.testkit.TexterMockServer;
import java.util.List;
import kotlin.KotlinVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the DSL user compiled by this module's Kotlin, on that Kotlin's standard library, against the test kit. */
class OrderNotificationsTest {

    private TexterMockServer texter;

    @BeforeEach
    void start() {
        texter = TexterMockServer.start();
    }

    @AfterEach
    void stop() {
        texter.close();
    }

    @Test
    void runsOnTheStandardLibraryAndJacksonOfTheOlderApplication() {
        String kotlin = System.getProperty("texter.consumer.kotlin.version");
        String jackson = System.getProperty("texter.consumer.jackson.version");
        assertThat(kotlin).isNotBlank();
        assertThat(jackson).isNotBlank();

        assertThat(KotlinVersion.CURRENT.toString()).isEqualTo(kotlin);
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).isEqualTo(jackson);
    }

    @Test
    void sendsATextAndATemplateThroughTheKotlinDsl() {
        OrderNotifications notifications = new OrderNotifications(texter.texter());

        assertThat(notifications.orderReady("chat-1", "15033", "wamid.earlier")).isTrue();
        assertThat(notifications.orderReadyTemplate("972521234567", "Roy", "15033")).isTrue();

        SessionMessage sent = texter.verify().messageSentToChat("chat-1");
        assertThat(sent.getText()).isEqualTo("Order 15033 is ready for pick-up.");
        assertThat(sent.getContext()).isEqualTo("wamid.earlier");
        assertThat(texter.verify().templateSentTo("972521234567").getTemplateName()).isEqualTo("order_ready");
    }

    @Test
    void buildsMessagesWithoutSending() {
        List<SessionMessage> drafts = OrderNotifications.drafts("15033");

        assertThat(drafts).hasSize(2);
        assertThat(drafts.get(0).getText()).isEqualTo("Order 15033 is ready.");
        assertThat(texter.verify().all()).isEmpty();
    }
}
