package org.mutuality.directory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;

/** The fields of the person form. */
public class PersonForm {

    @NotBlank(message = "{person.legalName.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String legalName = "";

    @Size(max = 200, message = "{field.tooLong}")
    private @Nullable String preferredName;

    @Size(max = 60, message = "{field.tooLong}")
    private @Nullable String pronouns;

    @Size(max = 254, message = "{field.tooLong}")
    private @Nullable String email;

    @Size(max = 40, message = "{field.tooLong}")
    private @Nullable String phone;

    private int version;

    static PersonForm of(Person person) {
        PersonForm form = new PersonForm();
        form.legalName = person.details().legalName();
        form.preferredName = person.details().preferredName();
        form.pronouns = person.details().pronouns();
        form.email = person.details().email();
        form.phone = person.details().phone();
        form.version = person.version();
        return form;
    }

    PersonDetails toDetails() {
        return new PersonDetails(legalName, preferredName, pronouns, email, phone);
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public @Nullable String getPreferredName() {
        return preferredName;
    }

    public void setPreferredName(@Nullable String preferredName) {
        this.preferredName = preferredName;
    }

    public @Nullable String getPronouns() {
        return pronouns;
    }

    public void setPronouns(@Nullable String pronouns) {
        this.pronouns = pronouns;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
