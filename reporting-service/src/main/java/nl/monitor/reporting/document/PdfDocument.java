package nl.monitor.reporting.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Renders a report document's XHTML body as a Dutch, tagged PDF/UA-1 (openhtmltopdf on PDFBox): the document language
 * {@code nl}, its title shown as the document title, the fonts embedded (DejaVu Sans), "Pagina n van m" in the footer,
 * and every link described. The one renderer of the yearly report, the factsheet and what comes after them.
 */
public final class PdfDocument {

    public static final String MEDIA_TYPE = "application/pdf";
    private static final String FONT = "DejaVu Sans";
    private static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm 22mm 18mm;
                    @bottom-center { content: "Pagina " counter(page) " van " counter(pages);
                                     font-family: 'DejaVu Sans'; font-size: 8pt; } }
            body { font-family: 'DejaVu Sans'; font-size: 9.5pt; line-height: 1.35; }
            h1 { font-size: 17pt; page-break-before: always; margin-top: 0; }
            h1.title { page-break-before: avoid; font-size: 22pt; margin-top: 60mm; }
            h1.sheet { page-break-before: avoid; font-size: 18pt; margin-top: 0; }
            h2 { font-size: 12.5pt; margin-top: 14pt; }
            table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt 0; -fs-table-paginate: paginate;
                    font-size: 8.5pt; }
            caption { text-align: left; font-weight: bold; padding-bottom: 3pt; }
            th, td { border: 0.5pt solid #888; padding: 2pt 3pt; text-align: right; vertical-align: top; }
            th[scope="row"], thead th:first-child { text-align: left; font-weight: normal; }
            thead th { background: #e8eef4; font-weight: bold; }
            tr { page-break-inside: avoid; }
            table.dense { font-size: 7.5pt; line-height: 1.15; }
            table.dense th, table.dense td { padding: 0.6pt 3pt; }
            .figure img { width: 160mm; }
            .caption { font-style: italic; }
            .toc td, .toc th { border: none; }
            a.page::after { content: target-counter(attr(href), page); }
            """;

    private PdfDocument() {
    }

    public static byte[] render(String title, String body) {
        String xhtml = """
                <!DOCTYPE html>
                <html lang="nl"><head><meta charset="UTF-8"/><title>%s</title>
                <meta name="subject" content="%s"/><meta name="author" content="Monitor-platform"/>
                <style>%s</style></head><body>%s</body></html>
                """.formatted(Html.text(title), Html.text(title), STYLE, body);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return describeLinks(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering \"" + title + "\" failed", e);
        }
    }

    /**
     * PDF/UA-1 (7.18.5) wants every link annotation to describe itself in its Contents, which openhtmltopdf leaves
     * out: a table of contents' links get "Naar pagina n", the page they lead to.
     */
    private static byte[] describeLinks(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getContents() == null) {
                        int target = link.getDestination() instanceof PDPageDestination destination
                                ? destination.retrievePageNumber() : -1;
                        link.setContents(target < 0 ? "Naar het hoofdstuk" : "Naar pagina " + (target + 1));
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static InputStream font(String file) {
        return PdfDocument.class.getResourceAsStream("/fonts/" + file);
    }
}
