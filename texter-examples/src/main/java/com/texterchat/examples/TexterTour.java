package com.texterchat.examples;

import com.texterchat.examples.tour.CrmSyncTour;
import com.texterchat.examples.tour.Example;
import com.texterchat.examples.tour.ExternalBotTour;
import com.texterchat.examples.tour.TemplateCampaignTour;
import com.texterchat.examples.tour.Tour;
import com.texterchat.examples.tour.TourSettings;
import com.texterchat.examples.tour.WebhookSubscriptionTour;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tour: runs every example and prints each step and its result. By default against the test kit's simulator (a
 * stateful Texter project started in-process: real ids, templates reviewed on its clock, webhooks delivered by the
 * subscriptions the examples import); with {@code TEXTER_PROJECT_ID} and {@code TEXTER_API_TOKEN} set (and optionally
 * {@code TEXTER_BASE_URL}), against that Texter project, read-only unless {@code --allow-sends} (or
 * {@code TEXTER_TOUR_ALLOW_SENDS=true}) allows writes. {@code --only bot,crm} picks examples; {@code --help} lists the
 * {@code TEXTER_TOUR_*} variables.
 *
 * <p>Exit status: 0 when every example completed, 1 when one failed, 2 for wrong arguments or variables.
 */
public final class TexterTour {

    private TexterTour() {
    }

    /**
     * The examples, in the order the tour runs them.
     *
     * @return new instances of the four examples
     */
    public static List<Example> examples() {
        return List.of(new ExternalBotTour(), new TemplateCampaignTour(), new CrmSyncTour(),
                new WebhookSubscriptionTour());
    }

    /**
     * Runs the tour with the process's environment and exits with its status.
     *
     * @param args {@code --allow-sends}, {@code --only <ids>}, {@code --help}
     */
    public static void main(String[] args) {
        // The tour logs through java.util.logging: one line per warning, nothing below WARNING.
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%4$s] %3$s: %5$s%6$s%n");
        Logger.getLogger("").setLevel(Level.WARNING);
        int status = Tour.builder()
                .environment(System.getenv())
                .arguments(List.of(args))
                .output(System.out)
                .examples(examples())
                .build()
                .run()
                .exitCode();
        System.exit(status);
    }

    /**
     * The arguments that run one example: {@code --only id} followed by {@code args}.
     *
     * @param id the example's id
     * @param args further arguments
     * @return the arguments for {@link #main}
     */
    public static String[] only(String id, String[] args) {
        List<String> all = new ArrayList<>(List.of(TourSettings.ONLY, id));
        all.addAll(Arrays.asList(args));
        return all.toArray(String[]::new);
    }
}
