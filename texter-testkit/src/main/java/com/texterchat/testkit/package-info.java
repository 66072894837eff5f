/**
 * A Texter stand-in for consumers' unit tests.
 *
 * <p>{@link com.texterchat.testkit.TexterMockServer} is a real HTTP server that answers every operation of
 * Texter's {@code openapi.json} with the spec's examples. {@link com.texterchat.testkit.TexterStubs} changes
 * its answers in Texter's terms, {@link com.texterchat.testkit.TexterFault} injects failures, and
 * {@link com.texterchat.testkit.TexterRequests} returns what the code under test sent as the generated
 * request models. The JUnit 5 extension lives in {@code com.texterchat.testkit.junit}, webhook payloads in
 * {@code com.texterchat.testkit.webhook}.
 */
@NullMarked
package com.texterchat.testkit;

import org.jspecify.annotations.NullMarked;
