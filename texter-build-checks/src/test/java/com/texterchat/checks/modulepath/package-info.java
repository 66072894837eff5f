/**
 * The module-path consumer: a small application with its own module-info, compiled and run on the module path
 * against the SDK's jars.
 */
@NullMarked
package com.texterchat.checks.modulepath;

import org.jspecify.annotations.NullMarked;
