package com.texterchat.dsl.support;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests of rules that reject bad input: the subclass lists its cases in a static {@code brokenRules()}, each made
 * with {@link #rule}; every case must fail with the named field and limit, and send nothing.
 */
public abstract class RuleTests extends TexterServer {

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsRejectedBeforeAnyRequest(String rule, ThrowingCallable call, String field, String limit) {
        assertRejected(call, field, limit);
    }

    /** A case: {@code call} breaks the rule {@code name}, reported on {@code field} with a message containing {@code limit}. */
    protected static Arguments rule(String name, ThrowingCallable call, String field, String limit) {
        return arguments(name, call, field, limit);
    }
}
