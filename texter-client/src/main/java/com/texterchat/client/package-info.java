/**
 * The handwritten client runtime: {@link com.texterchat.client.TexterClient} builds a ready-to-use client
 * over the interfaces generated from {@code openapi.json} (package {@code com.texterchat.api}).
 */
@NullMarked
package com.texterchat.client;

import org.jspecify.annotations.NullMarked;
