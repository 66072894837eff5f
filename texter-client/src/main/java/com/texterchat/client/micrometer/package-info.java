/**
 * Micrometer metrics of every call and attempt ({@link com.texterchat.client.micrometer.TexterMetrics}), for
 * applications that have {@code io.micrometer:micrometer-core} on their class path (the SDK declares it optional).
 */
@NullMarked
package com.texterchat.client.micrometer;

import org.jspecify.annotations.NullMarked;
