package com.texterchat.benchmarks.testkit;

import com.texterchat.client.TexterClient;
import com.texterchat.api.ChatsApi;
import com.texterchat.model.ChatSearchResult;
import com.texterchat.testkit.junit.TexterTest;
import org.junit.jupiter.api.Test;

/**
 * The smallest useful test class with the test kit: the JUnit extension starts the mock server and injects a
 * client, and the one test gets the first stubbed answer. {@link TestkitStartBenchmark} runs it through the JUnit
 * Platform launcher, as a build does.
 */
@TexterTest
public class SearchChatsTestClass {

    /** The phone number searched for. */
    static final String PHONE = "972521234567";

    @Test
    void findsTheChatOfThePhone(TexterClient client) {
        ChatSearchResult found = client.chats().searchChats(new ChatsApi.SearchChatsQueryParams().search(PHONE));
        if (found.getData() == null || found.getData().isEmpty()) {
            throw new AssertionError("the mock server answered Search Chats without chats: " + found);
        }
    }

    /** A test class without the kit, run before measuring so that JUnit's own classes are already loaded. */
    public static class WithoutTheKit {
        @Test
        void runs() {
            // JUnit's engine and launcher do their work; nothing else to do
        }
    }
}
