namespace TruthGraph.Api.Apis;

public static class VerificationApi
{
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/verify", VerifyAsync).WithTags("Verification").WithName("Verify").RequireVerifyRateLimit()
            .WithSummary("Verify one claim against the evidence corpus");
        routes.MapPost("/api/verify/batch", VerifyBatchAsync).WithTags("Verification").WithName("VerifyBatch").RequireVerifyRateLimit()
            .WithSummary("Verify up to 256 claims in one call");

        var history = routes.MapGroup("/api/verifications").WithTags("Verification history");
        history.MapGet("/", ListAsync).WithName("ListVerifications").WithSummary("Past verifications, newest first");
        history.MapGet("/export", ExportAsync).WithName("ExportVerifications")
            .WithSummary("Stored verifications as CSV or JSON (same filters as the list, newest first, at most 10,000)");
        history.MapGet("/labels", ExportLabelsAsync).WithName("ExportVerdictLabels")
            .WithSummary("Every \"this verdict is wrong\" label with its verification, as JSON lines");
        history.MapGet("/{id}", GetAsync).WithName("GetVerification").WithSummary("One stored verification");
        history.MapPost("/{id}/feedback", AddFeedbackAsync).WithName("AddVerdictFeedback").RequireVerifyRateLimit()
            .WithSummary("Say which verdict a stored verification should have had");
        return routes;
    }

    public static async Task<Results<Ok<VerificationResult>, ValidationProblem>> VerifyAsync(
        VerifyRequest request, VerificationService verifier, IOptions<VerificationOptions> options, CancellationToken cancellationToken)
    {
        var errors = VerifyRequestValidator.Validate(request, options.Value);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var results = await verifier.VerifyAsync([request.Claim!.Trim()], request.TopK, request.MinSimilarity, cancellationToken,
            nliModel: request.NliModel);
        return TypedResults.Ok(results[0]);
    }

    public static async Task<Results<Ok<IReadOnlyList<VerificationResult>>, ValidationProblem>> VerifyBatchAsync(
        VerifyBatchRequest request, VerificationService verifier, IOptions<VerificationOptions> options, CancellationToken cancellationToken)
    {
        var errors = VerifyRequestValidator.Validate(request, options.Value);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var claims = request.Claims!.Select(c => c!.Trim()).ToList();
        return TypedResults.Ok(await verifier.VerifyAsync(claims, request.TopK, request.MinSimilarity, cancellationToken,
            nliModel: request.NliModel));
    }

    public static async Task<Results<Ok<VerificationPage>, ValidationProblem>> ListAsync(
        VerificationRepository repository, CancellationToken cancellationToken, int page = 1, int pageSize = 20, string? verdict = null,
        string? q = null, string? from = null, string? to = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["page starts at 1."];
        }
        if (pageSize < 1 || pageSize > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        var query = VerificationQuery.Parse(verdict, q, from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await repository.ListAsync(page, pageSize, query, cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        VerificationRepository repository, TimeProvider time, CancellationToken cancellationToken, string format = "csv",
        string? verdict = null, string? q = null, string? from = null, string? to = null, int limit = VerificationExport.MaxRows)
    {
        var errors = new Dictionary<string, string[]>();
        if (format is not ("csv" or "json"))
        {
            errors["format"] = ["format must be csv or json."];
        }
        if (limit < 1 || limit > VerificationExport.MaxRows)
        {
            errors["limit"] = [$"limit must be between 1 and {VerificationExport.MaxRows:N0}."];
        }
        var query = VerificationQuery.Parse(verdict, q, from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var rows = new List<ExportedVerification>();
        await foreach (var (result, label) in repository.ExportAsync(query, limit, cancellationToken))
        {
            rows.Add(new ExportedVerification(result, label));
        }
        var name = $"truthgraph-verifications-{time.GetUtcNow():yyyyMMdd-HHmmss}.{format}";
        return format == "csv"
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(VerificationExport.ToCsv(rows)), "text/csv; charset=utf-8", name)
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(VerificationExport.ToJson(rows)), "application/json", name);
    }

    public static async Task<FileContentHttpResult> ExportLabelsAsync(VerificationFeedbackRepository feedback, CancellationToken cancellationToken)
    {
        var lines = new System.Text.StringBuilder();
        await foreach (var labelled in feedback.ExportAsync(cancellationToken))
        {
            lines.AppendLine(JsonSerializer.Serialize(labelled, LabelJsonOptions));
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(lines.ToString()), "application/x-ndjson", "truthgraph-verdict-labels.jsonl");
    }

    private static readonly JsonSerializerOptions LabelJsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Created<VerdictFeedback>, ProblemHttpResult, ValidationProblem>> AddFeedbackAsync(
        string id, VerdictFeedbackRequest request, VerificationFeedbackRepository feedback, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(id, out var verificationId))
        {
            errors["id"] = ["must be a verification id (a GUID)."];
        }
        Verdict expected = default;
        if (string.IsNullOrWhiteSpace(request.ExpectedVerdict))
        {
            errors["expectedVerdict"] = ["expectedVerdict is required: SUPPORTED, REFUTED, DISPUTED or NOT_ENOUGH_INFO."];
        }
        else if (!VerdictNames.TryParse(request.ExpectedVerdict, out expected))
        {
            errors["expectedVerdict"] = ["expectedVerdict must be SUPPORTED, REFUTED, DISPUTED or NOT_ENOUGH_INFO."];
        }
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment is { Length: > VerificationFeedbackRepository.MaxCommentLength })
        {
            errors["comment"] = [$"comment may have at most {VerificationFeedbackRepository.MaxCommentLength:N0} characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await feedback.AddAsync(verificationId, expected, comment, cancellationToken) is { } stored
            ? TypedResults.Created($"/api/verifications/{verificationId}", stored)
            : VerificationNotFound(verificationId);
    }

    private static ProblemHttpResult VerificationNotFound(Guid id) =>
        TypedResults.Problem(title: "Verification not found", detail: $"No verification has the id {id}.",
            statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["id"] = id });

    public static async Task<Results<Ok<VerificationResult>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string id, VerificationRepository repository, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var verificationId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["must be a verification id (a GUID)."] });
        }
        return await repository.FindAsync(verificationId, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : VerificationNotFound(verificationId);
    }
}
