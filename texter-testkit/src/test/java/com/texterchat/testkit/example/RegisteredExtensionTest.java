package com.texterchat.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.testkit.junit.TexterMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code @RegisterExtension} form of texter-testkit/README.md: the server reached through a static field. */
class RegisteredExtensionTest {

    // readme:start testkit-register-extension
    @RegisterExtension
    static final TexterMockExtension TEXTER = new TexterMockExtension();   // TEXTER.server(), TEXTER.texter()
    // readme:end

    @Test
    void theFieldHandsOutTheServerAndTheEntryObjectPointedAtIt() {
        new OrderNotifier(TEXTER.texter()).orderReady("972521234567", "Roy", "15033");

        assertThat(TEXTER.server().verify().templateSentTo("972521234567").getTemplateName()).isEqualTo("order_ready");
        assertThat(TEXTER.texter().client().baseUrl()).hasToString(TEXTER.server().apiBaseUrl());
    }
}
