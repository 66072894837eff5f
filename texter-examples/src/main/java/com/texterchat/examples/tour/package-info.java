/** The harness of the tour: settings from the environment and arguments, the embedded or real Texter, step-by-step output, and the sample webhooks it delivers. Examples receive everything through {@link com.texterchat.examples.tour.TourContext}, so their code is the same in both modes. */
@NullMarked
package com.texterchat.examples.tour;

import org.jspecify.annotations.NullMarked;
