package dev.hookyard.vendor.leah.events;

import dev.hookyard.vendor.support.RecordArguments;

import java.util.List;

/**
 * The wire {@code user.personalInformation}: what the user told Leah about themselves. Every text is {@code null}
 * when absent; Leah leaves {@code picture} out for users without one.
 *
 * @param email        the wire {@code email}, as Leah has it (not validated)
 * @param familyName   the wire {@code familyName}
 * @param givenName    the wire {@code givenName}
 * @param phoneNumber  the wire {@code phoneNumber}, as Leah has it (e.g. {@code "+573334445555"})
 * @param picture      the wire {@code picture}: a URL of the profile picture
 * @param customFields the wire {@code customFields}: the partner's own registration fields, in the order sent;
 *                     empty when absent. Unmodifiable
 */
public record PersonalInformation(String email, String familyName, String givenName, String phoneNumber,
                                  String picture, List<CustomField> customFields) {

    public PersonalInformation {
        customFields = RecordArguments.frozenList(customFields, "customFields");
    }
}
