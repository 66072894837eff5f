/** Test kit benchmarks: the mock server's start to its first answer, and its reset between tests. */
@NullMarked
package com.texterchat.benchmarks.testkit;

import org.jspecify.annotations.NullMarked;
