package com.texterchat.spring.boot;

import com.texterchat.client.webhook.TexterWebhookReceiver;
import com.texterchat.client.webhook.WebhookReceipt;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Hands a delivery's body stream, headers and raw query to the receiver (which checks the secret before reading,
 * and reads at most one byte over the size limit) and answers with the receipt's status and, for a refusal, its
 * reason as plain text. The body is never read through Spring's message converters, so parsing stays the SDK's
 * (Jackson 2) on Boot 4 as on Boot 3. A listener's failure (500) is logged at WARN with its exception; refusals at
 * DEBUG, with the reason only (never the body or the secret).
 */
final class WebhookHandler implements HandlerFunction<ServerResponse> {

    private static final Log LOG = LogFactory.getLog(WebhookHandler.class);

    private final TexterWebhookReceiver receiver;

    WebhookHandler(TexterWebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public ServerResponse handle(ServerRequest request) throws IOException {
        HttpServletRequest servlet = request.servletRequest();
        WebhookReceipt receipt = receiver.receive(servlet.getInputStream(), name -> request.headers().firstHeader(name),
                servlet.getQueryString());
        if (receipt.accepted()) {
            return ServerResponse.status(receipt.status()).build();
        }
        if (receipt.status() == WebhookReceipt.LISTENER_FAILED) {
            LOG.warn("Texter webhook " + receipt.event().map(e -> e.eventName()).orElse("?")
                    + ": a listener failed, answered 500", receipt.failure().orElse(null));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("Texter webhook refused: " + receipt.status() + " " + receipt.reason());
        }
        return ServerResponse.status(receipt.status()).contentType(MediaType.TEXT_PLAIN).body(receipt.reason());
    }

    @Override
    public String toString() {
        return "WebhookHandler[" + receiver + "]";
    }
}
