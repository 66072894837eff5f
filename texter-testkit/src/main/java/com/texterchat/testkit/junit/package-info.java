/**
 * JUnit 5 integration: {@link com.texterchat.testkit.junit.TexterTest @TexterTest} and
 * {@link com.texterchat.testkit.junit.TexterMockExtension}, which start a
 * {@link com.texterchat.testkit.TexterMockServer} per test class, reset it before each test and inject it
 * (and a client pointed at it) into test methods.
 */
@NullMarked
package com.texterchat.testkit.junit;

import org.jspecify.annotations.NullMarked;
