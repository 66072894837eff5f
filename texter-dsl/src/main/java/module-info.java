/**
 * {@link com.texterchat.Texter}, the SDK's one entry object, and the validated request builders: Java builders in
 * {@code com.texterchat.dsl.*}, Kotlin builders in {@code com.texterchat.dsl.kotlin}, the Kotlin suspend API in
 * {@code com.texterchat.dsl.kotlin.coroutines}. Package
 * {@code com.texterchat.dsl.internal} is not exported.
 */
module com.texterchat.dsl {
    // TexterClient, the generated API groups and models, and the client's errors and paging are part of Texter's API.
    requires transitive com.texterchat.client;
    // Only the Kotlin builders use the Kotlin standard library; Kotlin callers have it, Java callers need not.
    requires static kotlin.stdlib;
    // Only the suspend API (com.texterchat.dsl.kotlin.coroutines) uses kotlinx-coroutines, an optional dependency.
    requires static kotlinx.coroutines.core;
    requires static transitive org.jspecify;

    exports com.texterchat;
    exports com.texterchat.dsl;
    exports com.texterchat.dsl.kotlin;
    exports com.texterchat.dsl.kotlin.coroutines;
    exports com.texterchat.dsl.message;
    exports com.texterchat.dsl.quickreply;
    exports com.texterchat.dsl.scenario;
    exports com.texterchat.dsl.template;
}
