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
        history.MapGet("/{id}", GetAsync).WithName("GetVerification").WithSummary("One stored verification");
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
        VerificationRepository repository, CancellationToken cancellationToken, int page = 1, int pageSize = 20, string? verdict = null)
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
        Verdict? filter = null;
        if (!string.IsNullOrEmpty(verdict))
        {
            if (VerdictNames.TryParse(verdict, out var parsed))
            {
                filter = parsed;
            }
            else
            {
                errors["verdict"] = ["verdict must be SUPPORTED, REFUTED, DISPUTED or NOT_ENOUGH_INFO."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await repository.ListAsync(page, pageSize, filter, cancellationToken));
    }

    public static async Task<Results<Ok<VerificationResult>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string id, VerificationRepository repository, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var verificationId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["must be a verification id (a GUID)."] });
        }
        return await repository.FindAsync(verificationId, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.Problem(title: "Verification not found", detail: $"No verification has the id {verificationId}.",
                statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["id"] = verificationId });
    }
}
