/**
 * Test support of the Spring Boot starter: with {@code texter.test.simulator=true}, a {@code @SpringBootTest} talks
 * to the test kit's {@link com.texterchat.testkit.simulator.TexterSimulator} and receives its webhooks.
 */
@NullMarked
package com.texterchat.spring.boot.test;

import org.jspecify.annotations.NullMarked;
