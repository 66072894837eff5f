package com.texterchat.spring.boot;

import com.texterchat.client.webhook.TexterWebhookReceiver;
import com.texterchat.client.webhook.WebhookLimits;
import com.texterchat.client.webhook.WebhookSecret;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint: {@code POST texter.webhook.path} (default {@code /texter/webhook}) in a servlet web
 * application, registered when {@code texter.webhook.secret} is set (and {@code texter.webhook.enabled} is not
 * {@code false}). Each delivery is checked by a {@link TexterWebhookReceiver} with that secret and the default
 * {@link WebhookLimits}: a missing or wrong secret is answered 401, a body that is no Texter webhook 400, one over the
 * size limit 413; a verified one is published as a {@link TexterWebhookEvent} to the application's listeners and
 * answered 200. A WebMvc.fn route, the same for Spring Framework 6.2 (Boot 3.5) and 7 (Boot 4).
 */
@AutoConfiguration(after = TexterAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
@ConditionalOnProperty(prefix = "texter.webhook", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = "texter.webhook", name = "secret")
public class TexterWebhookAutoConfiguration {

    /** Made by Spring. */
    public TexterWebhookAutoConfiguration() {
    }

    /**
     * The receiver: the secret of {@code texter.webhook.secret}, every verified delivery published as a
     * {@link TexterWebhookEvent}.
     *
     * @param properties the {@code texter.*} properties
     * @param publisher where the events go
     * @return the receiver
     */
    @Bean
    @ConditionalOnMissingBean
    public TexterWebhookReceiver texterWebhookReceiver(TexterProperties properties, ApplicationEventPublisher publisher) {
        String secret = properties.getWebhook().getSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("texter.webhook.secret is blank; set it to the secret the subscriptions"
                    + " carry, or set texter.webhook.enabled=false");
        }
        return TexterWebhookReceiver.builder()
                .secret(WebhookSecret.of(secret))
                .limits(WebhookLimits.defaults())
                .onAny(event -> publisher.publishEvent(TexterWebhookEvent.of(event)))
                .build();
    }

    /**
     * The route {@code POST texter.webhook.path}.
     *
     * @param properties the {@code texter.*} properties
     * @param receiver the receiver
     * @return the route
     */
    @Bean
    public RouterFunction<ServerResponse> texterWebhookRoute(TexterProperties properties,
            TexterWebhookReceiver receiver) {
        String path = properties.getWebhook().getPath();
        if (!path.startsWith("/")) {
            throw new IllegalStateException("texter.webhook.path must start with '/', got '" + path + "'");
        }
        return RouterFunctions.route().POST(path, new WebhookHandler(receiver)).build();
    }
}
