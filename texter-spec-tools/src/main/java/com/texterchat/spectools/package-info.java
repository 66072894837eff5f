/**
 * Build-time tools over the spec: applying the SDK's overlay ({@link com.texterchat.spectools.SpecOverlay},
 * {@link com.texterchat.spectools.MergeSpec}) and reporting what a changed spec changes
 * ({@link com.texterchat.spectools.SpecDiffReport}). Never published; run by texter-api-generated's build.
 */
@NullMarked
package com.texterchat.spectools;

import org.jspecify.annotations.NullMarked;
