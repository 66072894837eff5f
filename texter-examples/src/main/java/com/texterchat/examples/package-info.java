/**
 * Examples of the flows Texter integrations build, each a small class to copy into an application (plain calls on
 * the entry object {@link com.texterchat.Texter}, results returned, nothing printed), and
 * {@link com.texterchat.examples.TexterTour}, the program that runs them all step by step: against the test kit's
 * simulator (a stateful Texter project in the same JVM) by default, or against a real Texter project when {@code TEXTER_PROJECT_ID} and
 * {@code TEXTER_API_TOKEN} are set.
 *
 * <ul>
 *   <li>{@code bot}: {@code SupportBot}, an external bot that answers with a list menu and hands the chat back;</li>
 *   <li>{@code campaign} (Kotlin): {@code TemplateCampaign}, a template defined with the DSL, submitted, then sent to
 *       a list of numbers;</li>
 *   <li>{@code crm}: {@code CrmSync}, CRM data, label and assignment for the chat of a phone number;</li>
 *   <li>{@code subscription}: {@code WebhookSubscriber}, webhook subscriptions and the typed events they deliver;</li>
 *   <li>{@code chats}: {@code CustomerChats}, finding the chat of a phone number;</li>
 *   <li>{@code webhook}: {@code WebhookReceiver}, a small webhook endpoint;</li>
 *   <li>{@code tour}: the harness that runs them and prints what happens.</li>
 * </ul>
 */
@NullMarked
package com.texterchat.examples;

import org.jspecify.annotations.NullMarked;
