/** Turns JMH's JSON results into the README's benchmark tables. */
@NullMarked
package com.texterchat.benchmarks.report;

import org.jspecify.annotations.NullMarked;
