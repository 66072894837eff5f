package com.texterchat.client.webhook.servlet;

import com.texterchat.client.webhook.TexterWebhookReceiver;
import com.texterchat.client.webhook.WebhookReceipt;
import com.texterchat.client.webhook.WebhookSecret;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook endpoint on the Jakarta Servlet API (6.0 or later): it hands each POST to a
 * {@link TexterWebhookReceiver} and answers with the receipt's status and its reason as plain text.
 *
 * <pre>{@code
 * TexterWebhookReceiver receiver = TexterWebhookReceiver.builder().secret(secret)
 *         .on(NewIncomingMessageEventData.class, event -> bot.answer(event.data()))
 *         .build();
 * servletContext.addServlet("texter-webhook", new TexterWebhookServlet(receiver)).addMapping("/texter/webhook");
 * }</pre>
 *
 * <p>What it answers:
 * <ul>
 *   <li>405 (with {@code Allow: POST}) to every method but POST;</li>
 *   <li>401 when the header {@value WebhookSecret#HEADER} or the query parameter
 *       {@value WebhookSecret#QUERY_PARAMETER} does not carry the secret, before reading any of the body;</li>
 *   <li>413 when the body is larger than the receiver's {@code WebhookLimits.maxBytes()}, found by reading at
 *       most one byte more than the limit (never more goes into memory);</li>
 *   <li>400, 500 or 200 as the receiver decides (a body that is not a delivery, a listener that threw, done).</li>
 * </ul>
 * Before a 401 or 413 it reads and drops the rest of a body of at most 1 MiB (its declared length), so that the
 * sender reads the answer rather than a connection reset.
 * A listener's exception is logged (SLF4J, warning, with the event name) and answered with 500; a refused request
 * is logged at debug level. The logs never show the secret. Listeners run on the container's request thread.
 */
@SuppressWarnings("exports") // the Servlet API: the container running this servlet has it
public final class TexterWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The largest refused body read to its end (and dropped) so that its sender gets the answer: 1 MiB. */
    static final long DISCARD_LIMIT = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TexterWebhookServlet.class);

    /** Servlets are Serializable by inheritance; a receiver (holding listeners) is not, and is never serialized. */
    private final transient TexterWebhookReceiver receiver;

    /**
     * A servlet handing every POST to {@code receiver}.
     *
     * @param receiver decides about each request; shared by all request threads
     */
    public TexterWebhookServlet(TexterWebhookReceiver receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    /**
     * Handles every method: POST goes to the receiver, anything else is answered with 405 (so TRACE never echoes a
     * request, secret header included).
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "only POST is accepted");
            return;
        }
        // The receiver checks the secret before it reads any of the body, then reads at most the limit + 1 byte.
        WebhookReceipt receipt = receiver.receive(request.getInputStream(), request::getHeader,
                request.getQueryString());
        if (receipt.status() == WebhookReceipt.LISTENER_FAILED) {
            LOG.warn("A webhook listener failed on {}", receipt.event().map(e -> e.eventName()).orElse("an event"),
                    receipt.failure().orElse(null));
        } else if (!receipt.accepted()) {
            LOG.debug("Refused a webhook request to {}: {} ({})", request.getRequestURI(), receipt.reason(),
                    receipt.failure().map(Throwable::getMessage).orElse("-"));
        }
        if (receipt.status() == WebhookReceipt.UNAUTHORIZED || receipt.status() == WebhookReceipt.PAYLOAD_TOO_LARGE) {
            discardTheRest(request);
        }
        answer(response, receipt.status(), receipt.reason());
    }

    /**
     * Reads and drops what is left of a refused body whose declared length is at most {@value #DISCARD_LIMIT}
     * bytes, so that its sender finishes sending and reads the answer. Some containers (Jetty 12) close a
     * connection whose request body was not read, and a client still sending then sees a reset instead of the 401
     * or 413. Nothing of it is kept; a larger or undeclared body is left to the container.
     */
    private static void discardTheRest(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared < 0 || declared > DISCARD_LIMIT) {
            return;
        }
        InputStream body = request.getInputStream();
        byte[] buffer = new byte[8192];
        long left = declared;
        while (left > 0) {
            int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            left -= read;
        }
    }

    private static void answer(HttpServletResponse response, int status, String reason) throws IOException {
        byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public String toString() {
        return "TexterWebhookServlet[" + receiver + "]";
    }
}
