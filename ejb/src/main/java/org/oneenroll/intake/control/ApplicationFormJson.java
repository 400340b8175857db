package org.oneenroll.intake.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.oneenroll.intake.entity.ApplicationForm;

/**
 * A draft's form in its stored form (JSON, then sealed): every text field by name, the consent flag and the
 * choices. Unknown names are ignored and missing ones stay empty, so a draft saved by an older release opens.
 */
public final class ApplicationFormJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private record Field(Function<ApplicationForm, String> get, BiConsumer<ApplicationForm, String> set) {}

    private static final Map<String, Field> TEXT = new LinkedHashMap<>();

    static {
        TEXT.put("stage", new Field(ApplicationForm::getStage, ApplicationForm::setStage));
        TEXT.put("type", new Field(ApplicationForm::getType, ApplicationForm::setType));
        TEXT.put("childName", new Field(ApplicationForm::getChildName, ApplicationForm::setChildName));
        TEXT.put("childId", new Field(ApplicationForm::getChildId, ApplicationForm::setChildId));
        TEXT.put("townCode", new Field(ApplicationForm::getTownCode, ApplicationForm::setTownCode));
        TEXT.put("community", new Field(ApplicationForm::getCommunity, ApplicationForm::setCommunity));
        TEXT.put("compound", new Field(ApplicationForm::getCompound, ApplicationForm::setCompound));
        TEXT.put("building", new Field(ApplicationForm::getBuilding, ApplicationForm::setBuilding));
        TEXT.put("detail", new Field(ApplicationForm::getDetail, ApplicationForm::setDetail));
        TEXT.put("claim", new Field(ApplicationForm::getClaim, ApplicationForm::setClaim));
        TEXT.put("guardianName", new Field(ApplicationForm::getGuardianName, ApplicationForm::setGuardianName));
        TEXT.put("guardianId", new Field(ApplicationForm::getGuardianId, ApplicationForm::setGuardianId));
        TEXT.put(
                "guardianRelation",
                new Field(ApplicationForm::getGuardianRelation, ApplicationForm::setGuardianRelation));
        TEXT.put("guardianPhone", new Field(ApplicationForm::getGuardianPhone, ApplicationForm::setGuardianPhone));
        TEXT.put(
                "certificateNumber",
                new Field(ApplicationForm::getCertificateNumber, ApplicationForm::setCertificateNumber));
        TEXT.put(
                "permitIssueDate", new Field(ApplicationForm::getPermitIssueDate, ApplicationForm::setPermitIssueDate));
        TEXT.put(
                "permitValidUntil",
                new Field(ApplicationForm::getPermitValidUntil, ApplicationForm::setPermitValidUntil));
        TEXT.put(
                "permitAuthority", new Field(ApplicationForm::getPermitAuthority, ApplicationForm::setPermitAuthority));
        TEXT.put("permitAddress", new Field(ApplicationForm::getPermitAddress, ApplicationForm::setPermitAddress));
        TEXT.put("contactName", new Field(ApplicationForm::getContactName, ApplicationForm::setContactName));
        TEXT.put("contactId", new Field(ApplicationForm::getContactId, ApplicationForm::setContactId));
        TEXT.put(
                "contactRelation", new Field(ApplicationForm::getContactRelation, ApplicationForm::setContactRelation));
        TEXT.put("contactPhone", new Field(ApplicationForm::getContactPhone, ApplicationForm::setContactPhone));
    }

    private ApplicationFormJson() {}

    public static String write(ApplicationForm form) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        TEXT.forEach((name, field) -> {
            String value = field.get().apply(form);
            if (value != null) {
                o.add(name, value);
            }
        });
        o.add("consent", form.isConsent());
        JsonArrayBuilder choices = JSON.createArrayBuilder();
        form.getChoices().forEach(choices::add);
        o.add("choices", choices);
        return o.build().toString();
    }

    public static ApplicationForm read(String json) {
        JsonObject o;
        try (var reader = JSON.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        ApplicationForm form = new ApplicationForm();
        TEXT.forEach((name, field) -> {
            JsonValue v = o.get(name);
            if (v instanceof JsonString s) {
                field.set().accept(form, s.getString());
            }
        });
        form.setConsent(o.getBoolean("consent", false));
        List<String> choices = new ArrayList<>();
        if (o.get("choices") instanceof jakarta.json.JsonArray a) {
            a.getValuesAs(JsonString.class).forEach(s -> choices.add(s.getString()));
        }
        form.setChoices(choices);
        return form;
    }

    /** A copy, so a screen's edits never reach a stored draft before it is saved. */
    public static ApplicationForm copy(ApplicationForm form) {
        return read(write(form));
    }
}
