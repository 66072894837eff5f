package com.texterchat.testkit.internal.scenario;

/**
 * A part of a scenario document that Texter may well run but the simulator's engine does not (a condition kind, a
 * transformer or a filtrex function it lacks, a scenario without actions): such a document is imported, and the
 * reason listed when an event would run it, where a document Texter itself would refuse is answered 400 at import.
 */
public final class UnsupportedByEngine extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The part and why the engine cannot run it. */
    public UnsupportedByEngine(String message) {
        super(message);
    }
}
