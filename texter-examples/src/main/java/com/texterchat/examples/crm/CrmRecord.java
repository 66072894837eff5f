package com.texterchat.examples.crm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A contact as the CRM knows it: what the CRM sync example merges into the Texter chat.
 *
 * @param leadId the CRM's ID of the contact
 * @param firstName first name
 * @param lastName last name
 * @param plan the subscription plan, e.g. {@code premium}
 * @param tags the CRM's tags
 */
public record CrmRecord(long leadId, String firstName, String lastName, String plan, List<String> tags) {

    /** Copies the tags. */
    public CrmRecord {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(plan, "plan");
        tags = List.copyOf(tags);
    }

    /**
     * A stand-in CRM lookup: a deterministic record for any phone number, so the example needs no CRM.
     *
     * @param phoneDigits the contact's number, digits only
     * @return the record
     */
    public static CrmRecord lookUp(String phoneDigits) {
        long leadId = 600_000 + Math.floorMod(phoneDigits.hashCode(), 100_000);
        return new CrmRecord(leadId, "John", "Doe", "premium", List.of("vip", "newsletter"));
    }

    /**
     * The record as Texter {@code crmData}: nested objects merge key by key with the {@code deepMerge} strategy, so
     * what other integrations stored next to them stays.
     *
     * @return the CRM data
     */
    public Map<String, Object> asCrmData() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("first_name", firstName);
        customer.put("last_name", lastName);
        customer.put("lead_id", leadId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customer", customer);
        data.put("plan", plan);
        data.put("tags", tags);
        return data;
    }

    /**
     * The link agents follow from the chat to the record.
     *
     * @return e.g. {@code https://crm.example.com/leads/641225}
     */
    public String deepLink() {
        return "https://crm.example.com/leads/" + leadId;
    }
}
