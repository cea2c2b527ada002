package nl.monitor.testsupport;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of the platform's PDF documents (the reporting-service's tests, the end-to-end 2017 report): veraPDF's
 * PDF/UA-1 validation with no failed rule, Dutch as the document language, and the text layer to compare numbers in.
 * A module using it declares {@code org.verapdf:validation-model} and {@code org.apache.pdfbox:pdfbox} itself.
 */
public final class AccessiblePdf {

    private AccessiblePdf() {
    }

    /**
     * The PDF's text, whitespace runs as one space and {@link #unbroken}, once veraPDF's PDF/UA-1 validation failed no
     * rule on it and its language is Dutch.
     */
    public static String text(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
            assertThat(failed).as("failed PDF/UA-1 rules").isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("nl");
            return unbroken(new PDFTextStripper().getText(document).replaceAll("\\s+", " "));
        }
    }

    /**
     * A text with the line breaks after a hyphen taken out ("hoog- risicosituaties" as a cell wrapped it), applied
     * alike to what is sought ("opvoed- en" stays found).
     */
    public static String unbroken(String text) {
        return text.replace("- ", "-");
    }
}
