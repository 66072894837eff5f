package com.texterchat.dsl.scenario;

/** Where a scenario loop runs. */
public enum LoopPosition {
    /** Before the conditions are evaluated. */
    BEFORE_CONDITIONS("beforeConditions"),
    /** After the conditions passed, before the actions. */
    BEFORE_ACTIONS("beforeActions");

    private final String value;

    LoopPosition(String value) {
        this.value = value;
    }

    /** The value Texter expects, e.g. {@code beforeActions}. */
    public String value() {
        return value;
    }
}
