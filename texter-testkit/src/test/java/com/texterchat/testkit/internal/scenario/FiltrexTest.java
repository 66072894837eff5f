package com.texterchat.testkit.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filtrex expressions as Texter's documents write them, evaluated through JEXL. */
class FiltrexTest {

    private static final JsonNode MESSAGE = json("""
            {"direction": "incoming", "type": "text", "text": "I want to speak to a human", "status": 2,
             "score": 1.5, "agent": {"uid": "u-1", "displayName": "Tyler"}, "none": null, "empty": "",
             "labels": ["VIP", "escalated"], "nothing": [], "externalBot": true, "off": false, "zero": 0,
             "crmData": {}, "weird name": "w", "special": {"isEchoMessage": false}}
            """);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // the official documents
        "direction == \"incoming\"                                    | true",
        "direction == \"outgoing\"                                    | false",
        "type == \"media\"                                            | false",
        "text == \"help\" or text == \"I want to speak to a human\"     | true",
        "text == \"help\" or text == \"buy\"                            | false",
        "exists(agent.uid)                                          | true",
        "not exists(agent.uid)                                      | false",
        "exists(externalBot) and externalBot                        | true",
        "exists(off) and off                                        | false",
        "inArray(labels, \"escalated\")                               | true",
        "inArray(labels, \"vip\")                                     | false",
        // the marketplace's other expressions
        "status in (1,2)                                            | true",
        "status in (1, 3)                                           | false",
        "status not in (1, 3)                                       | true",
        "empty(crmData.opportunityid)                               | true",
        "not empty(agent.uid)                                       | true",
        "exists(special.isEchoMessage) and special.isEchoMessage    | false",
        // a missing property is no error: it does not exist
        "exists(chat.agent.uid)                                     | false",
        "not exists(nope)                                           | true",
        "exists(none)                                               | false",
        "nope == \"x\"                                                | false",
        "inArray(nope, \"x\")                                         | false",
        // operators and literals
        "(text == \"urgent\" and text == \"error\") or status == 2      | true",
        "status != 2                                                | false",
        "status >= 2 and status <= 2 and status > 1 and status < 3  | true",
        "score * 2 == 3                                             | true",
        "status + 1 == 3 and status - 1 == 1 and status / 2 == 1    | true",
        "status % 2 == 0 and status mod 2 == 0                      | true",
        "-status == -2                                              | true",
        "status == 2.0                                              | true",
        "status == \"2\"                                              | false",
        "externalBot == true and off == false                       | true",
        "status == 2 ? externalBot : off                            | true",
        "'weird name' == \"w\"                                        | true",
        "max(1, status, 3) == 3 and min(status, 5) == 2 and abs(-2) == status | true",
        "floor(score) == 1 and ceil(score) == 2 and round(score) == 2 and sqrt(4) == 2 | true",
        // JavaScript truthiness of the result
        "empty                                                      | false",
        "zero                                                       | false",
        "nothing                                                    | true",
        "text                                                       | true",
        "agent.displayName                                          | true",
    })
    void evaluates(String expression, boolean expected) {
        assertThat(Filtrex.test(expression.strip(), MESSAGE)).as(Filtrex.translate(expression.strip())).isEqualTo(
                expected);
    }

    @Test
    void aValueThatIsNotAnObjectHasNoProperties() {
        assertThat(Filtrex.test("exists(agent.uid)", json("\"[object Object]\""))).isFalse();
        assertThat(Filtrex.test("not exists(agent.uid)", json("42"))).isTrue();
    }

    @Test
    void aFailureWhileEvaluatingIsAFalseConditionNotAnError() {
        assertThat(Filtrex.test("sqrt(text) == 1", MESSAGE)).isFalse();
    }

    @Test
    void stringsKeepTheirEscapesAndCannotReachJexl() {
        JsonNode value = json("{\"text\": \"say \\\"hi\\\" \\\\ ${x} `y`\"}");
        assertThat(Filtrex.test("text == \"say \\\"hi\\\" \\\\ ${x} `y`\"", value)).isTrue();
    }

    @Test
    void filtrexTheSimulatorDoesNotEvaluateIsToldApartFromMalformedFiltrex() {
        assertThatThrownBy(() -> Filtrex.parse("status ^ 2 == 4")).isInstanceOf(UnsupportedByEngine.class)
                .hasMessage("filtrex expression \"status ^ 2 == 4\" cannot be evaluated by the simulator: the power"
                        + " operator ^ is not supported by the simulator");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "status = 2                    | unexpected \"=\" at position 7 (equality is ==)",
        "status == 2 && externalBot    | (filtrex writes and, or, not)",
        "!externalBot                  | (filtrex writes and, or, not)",
        "text.getClass() == \"x\"        | unknown function text.getClass()",
        "system(\"ls\")                  | unknown function system()",
        "(status == 2                  | unbalanced (",
        "status == 2)                  | unbalanced )",
        "text == \"open                 | unterminated string at position 8",
        "'open == 1                    | unterminated quoted name",
        "2x == 1                       | a number runs into a name",
        "status in 1                   | \"in\" needs a list in parentheses",
        "status ==                     | malformed filtrex expression \"status ==\" (",
        "status == 2 3                 | malformed filtrex expression",
        "#                             | unexpected \"#\"",
    })
    void refusesWhatIsNotFiltrexNamingTheProblem(String expression, String problem) {
        assertThatThrownBy(() -> Filtrex.parse(expression.strip())).isNotInstanceOf(UnsupportedByEngine.class);
        assertThatThrownBy(() -> Filtrex.parse(expression.strip()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed filtrex expression \"" + expression.strip().replace("\"", "\\\"")
                        + "\"")
                .hasMessageContaining(problem.strip());
    }

    @Test
    void anEmptyExpressionIsRefused() {
        assertThatThrownBy(() -> Filtrex.parse("  ")).hasMessageContaining("it is empty");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
