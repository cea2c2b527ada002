package nl.monitor.survey.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.domain.indicator.IndicatorFigure;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.rest.BodyLimit;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import nl.monitor.survey.indicator.FigureRecording;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Path("/api")
@Authenticated
@Tag(name = "Indicators", description = "The indicator definitions, and recording their figures per area and period")
@SecurityRequirement(name = "bearer")
public class IndicatorResource {

    /** The largest table an import takes, CSV or workbook, in bytes: 16 MiB. */
    static final long IMPORT_LIMIT = 16 * 1024 * 1024;

    private final FigureRecording recording;
    private final Caller caller;

    public IndicatorResource(FigureRecording recording, Caller caller) {
        this.recording = recording;
        this.caller = caller;
    }

    @GET
    @Path("/indicators")
    @Operation(operationId = "getIndicatorSet", summary = "The indicator definitions figures are recorded against",
            description = "The themes with their targets, the dimensions figures are broken down by, and per "
                    + "indicator its unit, levels, breakdowns, direction of better and source.")
    public IndicatorSet definitions() {
        return recording.definitions();
    }

    @POST
    @Path("/indicator-figures")
    @RolesAllowed({Caller.RESPONDENT, Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "recordIndicatorFigure", summary = "Record one figure of an indicator",
            description = "For one indicator, period (YYYY or YYYY-Qn), area (a municipality code of the period's "
                    + "division, a Veilig Thuis region, or NL) and breakdown. Stored as the next version of that "
                    + "figure (a correction); a value equal to the current one stores nothing and answers 200. "
                    + "Respondents record their municipality's figures, coordinators their region's and its "
                    + "municipalities', administrators any and the national ones.")
    @APIResponse(responseCode = "201", description = "Stored as a new version; published as indicator-recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorRecorded.class)))
    @APIResponse(responseCode = "200", description = "Equal to the current version; nothing stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorRecorded.class)))
    @APIResponse(responseCode = "422", description = "Every problem with the figure, by field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller may not record figures of that area",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(IndicatorFigure figure, @Context UriInfo uri) {
        if (figure == null) {
            throw InvalidInputException.of("body", "required", "a figure is required");
        }
        FigureRecording.Recorded recorded = recording.record(figure, caller);
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(recorded.figure()).build();
    }

    @POST
    @Path("/indicator-figures/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, FigureRecording.XLSX})
    @BodyLimit(bytes = IMPORT_LIMIT)
    @RolesAllowed({Caller.RESPONDENT, Caller.COORDINATOR, Caller.ADMIN})
    @Operation(operationId = "importIndicatorFigures",
            summary = "Import a table of figures (CSV or Excel), all or none",
            description = "One figure per row, columns indicator;periode;niveau;gebied;waarde (or indicator, period, "
                    + "level, area, value) and one per breakdown dimension headed by its id (abuse-type, sector, "
                    + "reporter, ...; an empty cell is the total). CSV (text/csv): the Dutch dialect (';', decimal "
                    + "comma, optional byte-order mark) is recognised by the header's ';', else RFC 4180 with a "
                    + "decimal point. Excel (" + FigureRecording.XLSX + ", .xlsx): the first sheet, its first row "
                    + "with a value the header; values as numbers or as text with a decimal comma, periods as text "
                    + "(2024-Q3) or a number (2024); a formula or error value is refused at its cell (paste values); "
                    + "a workbook unpacking to more than 16 MiB in a part or 64 MiB in all answers 413. Niveau: "
                    + "gemeente, regio or landelijk. Each figure is recorded as POST /api/indicator-figures would; "
                    + "when any cell is bad, every bad cell is named (field: its spreadsheet reference, e.g. C4, the "
                    + "line of the CSV or the row of the sheet) and nothing is stored. At most 10,000 rows and 16 MiB.")
    @RequestBody(required = true, description = "The table: CSV text, or an Excel workbook's bytes", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = FigureRecording.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "Every figure recorded: how many were new versions, how many "
            + "equal to the current one")
    @APIResponse(responseCode = "422", description = "Every bad cell, by its reference; nothing stored; or a body "
            + "that is not a table of the media type sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A row of an area the caller may not record; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A workbook that unpacks to more than the import takes (this "
            + "problem document), or a body over 16 MiB (the server's ceiling: answered without a body, the "
            + "connection closed); nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FigureRecording.Imported importFigures(byte[] body, @Context HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.valueOf(FigureRecording.XLSX))) {
            return recording.importWorkbook(body, caller);
        }
        Charset charset;
        try {
            String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
            charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("Content-Type", "invalid-format", "unknown charset: " + e.getMessage());
        }
        return recording.importTable(body == null ? "" : new String(body, charset), caller);
    }

    /** A workbook that unpacks to more than the import takes: 413, as a body over the limit is answered. */
    @ServerExceptionMapper
    public Response workbookTooLarge(FigureRecording.WorkbookTooLargeException e, UriInfo uri) {
        Problem problem = Problem.of("payload-too-large", "Request body too large", 413, e.getMessage(),
                List.of(new Problem.FieldError("body", "too-large", e.getMessage()))).at(uri.getPath());
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @GET
    @Path("/indicator-figures")
    @Operation(operationId = "listIndicatorFigures", summary = "The current figures the caller may record",
            description = "A respondent's municipality's, a coordinator's region's and its municipalities', "
                    + "everything for analysts and administrators; the current version of each.")
    public List<IndicatorRecorded> figures(@Parameter(description = "only this indicator") @QueryParam("indicator")
                                           String indicator,
                                           @Parameter(description = "only this period, YYYY or YYYY-Qn")
                                           @QueryParam("period") String period) {
        return recording.current(caller, indicator, period);
    }
}
