/** Per-call benchmarks: an SDK call against the same call written by hand, both against one in-process server. */
@NullMarked
package com.texterchat.benchmarks.client;

import org.jspecify.annotations.NullMarked;
