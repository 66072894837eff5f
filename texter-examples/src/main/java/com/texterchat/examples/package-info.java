/**
 * Runnable examples of the flows Texter integrations build, and {@link com.texterchat.examples.TexterTour}, the
 * program that runs them all: against the test kit's embedded Texter by default, or against a real Texter project
 * when {@code TEXTER_PROJECT_ID} and {@code TEXTER_API_TOKEN} are set.
 *
 * <ul>
 *   <li>{@code bot}: an external bot that answers with a list menu and hands the chat back;</li>
 *   <li>{@code campaign} (Kotlin): a template defined with the DSL, submitted, then sent to a list of numbers;</li>
 *   <li>{@code crm}: CRM data, labels and assignment for the chat of a phone number;</li>
 *   <li>{@code subscription}: a webhook subscription and the typed events it delivers;</li>
 *   <li>{@code tour}: the harness that runs them and prints what happens;</li>
 *   <li>{@code webhook}: a small webhook receiver.</li>
 * </ul>
 */
@NullMarked
package com.texterchat.examples;

import org.jspecify.annotations.NullMarked;
