package nl.monitor.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build fails on a backward-incompatible change of a service's API: each committed document (api/*.yaml, the
 * live one, as the services' OpenApiDocumentTest ensures) against the released one (api/baseline/*.yaml), by
 * openapi-diff, unless its major version was raised (api/README.md: versioning and deprecation).
 */
class ApiCompatibilityTest {

    private static final Path API = Path.of(System.getProperty("api.dir", "."));

    @ParameterizedTest
    @ValueSource(strings = {"survey-service", "scoring-service", "reporting-service", "notification-service"})
    void a_document_makes_no_backward_incompatible_change_against_its_baseline_unless_its_major_version_is_raised(
            String service) throws IOException {
        String baseline = Files.readString(API.resolve("baseline/" + service + ".yaml"));
        String current = Files.readString(API.resolve(service + ".yaml"));

        Optional<String> breaking = Compatibility.breakingChange(service, baseline, current);

        assertThat(breaking).as("api/%s.yaml against api/baseline/%s.yaml", service, service).isEmpty();
    }

    @Test
    void renaming_a_response_field_breaks_clients_and_fails_the_check_until_the_major_version_is_raised()
            throws IOException {
        String baseline = Files.readString(API.resolve("baseline/survey-service.yaml"));
        assertThat(baseline).contains("    SubmissionView:").contains("        municipality:");
        String renamed = renameProperty(baseline, "SubmissionView", "municipality", "municipalityCode");

        Optional<String> breaking = Compatibility.breakingChange("survey-service", baseline, renamed);

        assertThat(breaking).get().asString()
                .contains("backward-incompatible")
                .contains("GET /api/submissions/{id} 200 application/json: municipality")
                .contains("api/baseline/survey-service.yaml");
        assertThat(Compatibility.breakingChange("survey-service", baseline,
                renamed.replaceFirst("(?m)^  version: \"?1\\.", "  version: \"2.")))
                .as("the same change in version 2").isEmpty();
    }

    @Test
    void changing_a_response_field_s_type_fails_the_check() throws IOException {
        String baseline = Files.readString(API.resolve("baseline/survey-service.yaml"));
        String field = "\n    SubmissionView:\n      type: object\n      properties:\n        id:\n"
                + "          $ref: \"#/components/schemas/UUID\"\n        municipality:\n          type: string\n";
        assertThat(baseline).contains(field);
        String changed = baseline.replace(field, field.replace("type: string", "type: integer"));

        assertThat(Compatibility.breakingChange("survey-service", baseline, changed)).get().asString()
                .contains("backward-incompatible").contains("/api/submissions/{id}");
    }

    @Test
    void adding_an_optional_response_field_is_compatible() throws IOException {
        String baseline = Files.readString(API.resolve("baseline/survey-service.yaml"));
        String added = baseline.replaceFirst("(?m)^    SubmissionView:\n((?:      .*\n)*?)      properties:\n",
                "    SubmissionView:\n$1      properties:\n        remark:\n          type: string\n");
        assertThat(added).isNotEqualTo(baseline);

        assertThat(Compatibility.breakingChange("survey-service", baseline, added)).isEmpty();
    }

    @Test
    void a_major_version_may_not_go_down() throws IOException {
        String baseline = Files.readString(API.resolve("baseline/scoring-service.yaml"));
        String two = baseline.replaceFirst("(?m)^  version: \"?1\\.", "  version: \"2.");

        assertThat(Compatibility.breakingChange("scoring-service", two, baseline)).get().asString()
                .contains("major version went down");
    }

    /** The YAML with {@code property} of the schema {@code schema} renamed. */
    private static String renameProperty(String yaml, String schema, String property, String to) {
        int at = yaml.indexOf("\n    " + schema + ":\n");
        Matcher nextSchema = Pattern.compile("\n    \\S").matcher(yaml);
        int end = nextSchema.find(at + 1) ? nextSchema.start() : yaml.length();
        String key = "\n        " + property + ":\n";
        int found = yaml.indexOf(key, at);
        assertThat(at).as("schema %s", schema).isNotNegative();
        assertThat(found).as("property %s of %s", property, schema).isBetween(at, end);
        return yaml.substring(0, found) + "\n        " + to + ":\n" + yaml.substring(found + key.length());
    }
}
