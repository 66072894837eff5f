package com.texterchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.texterchat.api.ChatsApi;
import com.texterchat.model.ChatStatusName;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated {@code *QueryParams}: typed values in, the same values out, value equality. */
class QueryParamsTest {

    @Test
    void gettersReturnWhatTheSettersSetAndNullWhatIsNotSet() {
        ChatsApi.SearchChatsQueryParams query = new ChatsApi.SearchChatsQueryParams().search("Cohen").limit(20)
                .statuses(Set.of(ChatStatusName.PENDING)).channelAccountId("972586640430");

        assertThat(query.getSearch()).isEqualTo("Cohen");
        assertThat(query.getLimit()).isEqualTo(20);
        assertThat(query.getStatuses()).containsExactly(ChatStatusName.PENDING);
        assertThat(query.getChannelAccountId()).isEqualTo("972586640430");
        assertThat(query.getSkip()).isNull();
        assertThat(query.getLabels()).isNull();
    }

    @Test
    void queriesWithTheSameValuesAreEqualAndShowOnlyTheSetValuesByTheirQueryNames() {
        ChatsApi.SearchChatsQueryParams one = new ChatsApi.SearchChatsQueryParams().search("Cohen").channelName("whatsapp");
        ChatsApi.SearchChatsQueryParams same = new ChatsApi.SearchChatsQueryParams().channelName("whatsapp").search("Cohen");
        ChatsApi.SearchChatsQueryParams other = new ChatsApi.SearchChatsQueryParams().search("Cohen").skip(0);

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other).isNotEqualTo(null)
                .isNotEqualTo("search=Cohen");
        assertThat(one).hasToString("SearchChatsQueryParams{search=Cohen, channel[name]=whatsapp}");
        assertThat(new ChatsApi.SearchChatsQueryParams()).hasToString("SearchChatsQueryParams{}")
                .isEqualTo(new ChatsApi.SearchChatsQueryParams());
    }
}
