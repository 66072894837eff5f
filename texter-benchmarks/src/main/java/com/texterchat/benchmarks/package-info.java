/**
 * JMH benchmarks of the Texter SDK and its test kit, each measured against a baseline in the same run.
 *
 * <ul>
 *   <li>{@code client}: one API call through {@code TexterClient} against the same call written by hand with
 *       {@code java.net.http.HttpClient} and Jackson, both against one in-process server with canned answers;</li>
 *   <li>{@code webhook}: {@code TexterWebhooks.parse} against Jackson's {@code readTree} of the same bytes;</li>
 *   <li>{@code testkit}: the mock server's start to its first stubbed answer, directly and through the JUnit
 *       extension, and its reset between tests;</li>
 *   <li>{@code report}: turns JMH's JSON results into the README's table.</li>
 * </ul>
 *
 * <p>Run with {@code java -jar texter-benchmarks/target/benchmarks.jar} after building with {@code -Pbenchmarks};
 * see the README's Benchmarks section.
 */
@NullMarked
package com.texterchat.benchmarks;

import org.jspecify.annotations.NullMarked;
