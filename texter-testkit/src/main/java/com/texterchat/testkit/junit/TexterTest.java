package com.texterchat.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link com.texterchat.testkit.TexterMockServer}: one server per class (shared
 * with {@code @Nested} classes), reset before each test, and injected into test and lifecycle methods that
 * declare a {@code TexterMockServer}, a {@code Texter} (the SDK's entry object) or a {@code TexterClient} parameter.
 *
 * <pre>{@code
 * @TexterTest
 * class OrderNotifierTest {
 *     @Test
 *     void sendsTheOrderReadyTemplate(TexterMockServer texter, Texter client) {
 *         new OrderNotifier(client).orderReady("972521234567", "15033");
 *         assertThat(texter.verify().templateSentTo("972521234567").getTemplateName()).isEqualTo("order_ready");
 *     }
 * }
 * }</pre>
 *
 * <p>After each test, the test fails when the server saw a request Texter would refuse (or an answer stubbed
 * through the helpers that Texter could never send), with a message listing each violation; see
 * {@link #failOnSpecViolations()}.
 *
 * <p>Shorthand for {@code @ExtendWith(TexterMockExtension.class)}; see {@link TexterMockExtension} for the
 * {@code @RegisterExtension} form.
 *
 * <p>{@link #defaultCountry()} sets the mock project's default country, e.g. {@code @TexterTest(defaultCountry = "US")}.
 * {@code @Nested} classes share their enclosing class's server, and so its default country.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TexterMockExtension.class)
public @interface TexterTest {

    /**
     * The mock project's default country (ISO 3166-1 alpha-2, such as {@code IL}, {@code US} or {@code GB}):
     * phone numbers in national form belong to it; see
     * {@link com.texterchat.testkit.TexterMockServer.Builder#defaultCountry(String)}. Israel unless set.
     * Anything else than a country code fails the class with an {@link IllegalArgumentException}.
     */
    String defaultCountry() default com.texterchat.testkit.TexterMockServer.DEFAULT_COUNTRY;

    /**
     * Whether each test fails after it ran when the server received a request that breaks {@code openapi.json}
     * (Texter would refuse it), or a helper stubbed an answer that does not fit it. On by default; a single test
     * allows expected violations with {@code TexterMockServer.allowSpecViolations(operationId)} instead.
     */
    boolean failOnSpecViolations() default true;

    /**
     * Whether the class runs against a stateful {@link com.texterchat.testkit.simulator.TexterSimulator} (reads reflect
     * writes, simulated events deliver webhooks) instead of the stub server. Off by default. Parameters of type
     * {@code TexterSimulator} are injected in this mode; {@code TexterMockServer}, {@code Texter} and
     * {@code TexterClient} still are.
     */
    boolean simulator() default false;

    /**
     * A seed file for the simulator, as a class-path resource (e.g. {@code "seeds/shop.json"}): what the simulated
     * project holds at the start and after the reset before each test. Empty for none; only with
     * {@link #simulator()}.
     */
    String seed() default "";
}
