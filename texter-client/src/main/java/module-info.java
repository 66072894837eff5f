/**
 * The Texter client runtime: {@link com.texterchat.client.TexterClient} (construction, transport on java.net.http,
 * typed errors, retries, logging with redaction), paging and webhook parsing, over the generated API of module
 * {@code com.texterchat.api}. Package {@code com.texterchat.client.internal} is not exported.
 */
@SuppressWarnings("requires-automatic") // micrometer.core has no descriptor
module com.texterchat.client {
    // The generated interfaces and models are what TexterClient hands out; Jackson's ObjectMapper and JsonNode
    // appear in TexterJson, the errors and the webhook events.
    requires transitive com.texterchat.api;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;
    // HttpClient appears in the builder (httpClient(...)), so callers read the module too.
    requires transitive java.net.http;
    // Nullness annotations of the API, needed by callers' compilers (Kotlin reads them), not at run time.
    requires static transitive org.jspecify;
    // Optional: only the Micrometer listener (package com.texterchat.client.micrometer) uses it; an application
    // using that listener has Micrometer itself (not transitive: modules above would then need it to compile).
    requires static micrometer.core;
    // Optional: only the webhook servlet (package com.texterchat.client.webhook.servlet) uses it; a servlet
    // container provides it.
    requires static jakarta.servlet;

    exports com.texterchat.client;
    exports com.texterchat.client.error;
    exports com.texterchat.client.json;
    exports com.texterchat.client.micrometer;
    exports com.texterchat.client.paging;
    exports com.texterchat.client.webhook;
    exports com.texterchat.client.webhook.servlet;
}
