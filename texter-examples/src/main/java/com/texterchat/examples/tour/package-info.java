/**
 * The harness of the tour: settings from the environment and arguments, the embedded Texter (the test kit's
 * simulator) or the real one, step-by-step output, and Texter's side of the events ({@code TexterEvents}: simulated
 * on the simulator, samples posted to the receivers against a real project). Each example class has a stop here ({@code ExternalBotTour},
 * {@code TemplateCampaignTour}, {@code CrmSyncTour}, {@code WebhookSubscriptionTour}) that calls it step by step
 * and prints each call with its result; the stops receive everything through
 * {@link com.texterchat.examples.tour.TourContext}, so the examples' code is the same in both modes.
 */
@NullMarked
package com.texterchat.examples.tour;

import org.jspecify.annotations.NullMarked;
