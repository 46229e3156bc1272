namespace TruthGraph.Api.Apis;

/// <summary>What the evidence corpus holds, and nearest-sentence search over it.</summary>
public static class EvidenceApi
{
    public const int MaxQueryLength = 2000;

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/evidence").WithTags("Evidence");
        group.MapGet("/stats", GetStatsAsync).WithName("GetEvidenceStats").WithSummary("Sentences and documents per source, and the corpus version");
        group.MapGet("/search", SearchAsync).WithName("SearchEvidence").RequireVerifyRateLimit().WithSummary("Nearest evidence sentences to a text, by cosine similarity");
        group.MapGet("/sentences", ListSentencesAsync).WithName("ListEvidenceSentences")
            .WithSummary("Stored sentences page by page, optionally of one source and one document");
        group.MapDelete("/sources/{source}", DeleteSourceAsync).WithName("DeleteEvidenceSource").RequireApiKey()
            .WithSummary("Remove every sentence and document of one source (refused while an ingestion into it is pending)");
        return routes;
    }

    public const int MaxPageSize = 200;

    public static async Task<Results<Ok<EvidenceSentencePage>, ValidationProblem>> ListSentencesAsync(
        EvidenceBrowser browser, CancellationToken cancellationToken, string? source = null, string? document = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["page starts at 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        if (document is not null && string.IsNullOrWhiteSpace(source))
        {
            // Document ids are unique only within their source.
            errors["source"] = ["source is required when document is given."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await browser.ListAsync(NullIfBlank(source), NullIfBlank(document), page, pageSize, cancellationToken));
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static async Task<Ok<EvidenceStats>> GetStatsAsync(PgvectorEvidenceStore store, CancellationToken cancellationToken)
    {
        var sources = await store.CountBySourceAsync(cancellationToken);
        var version = await store.GetCorpusVersionAsync(cancellationToken);
        return TypedResults.Ok(new EvidenceStats(version, sources.Sum(s => s.Sentences), sources));
    }

    public static async Task<Results<Ok<EvidenceSearchResponse>, ValidationProblem>> SearchAsync(
        PgvectorEvidenceStore store, HttpEmbeddingClient embeddings, CancellationToken cancellationToken,
        string? q = null, int k = 10, double minSimilarity = -1)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["is required"];
        }
        else if (q.Length > MaxQueryLength)
        {
            errors["q"] = [$"must be at most {MaxQueryLength} characters"];
        }
        else if (SentenceRules.HasControlCharacters(q, allowWhitespace: true))
        {
            errors["q"] = ["contains control characters"];
        }
        if (k is < 1 or > 100)
        {
            errors["k"] = ["must be between 1 and 100"];
        }
        if (minSimilarity is < -1 or > 1 || double.IsNaN(minSimilarity))
        {
            errors["minSimilarity"] = ["must be between -1 and 1"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var vector = (await embeddings.EmbedAsync([q!.Trim()], EmbeddingDefaults.ModelId, cancellationToken))[0];
        var hits = await store.SearchAsync(vector, k, minSimilarity, cancellationToken);
        var version = await store.GetCorpusVersionAsync(cancellationToken);
        return TypedResults.Ok(new EvidenceSearchResponse(q, EmbeddingDefaults.ModelId, version, hits));
    }

    public static async Task<Results<Ok<SourceRemoved>, ValidationProblem, ProblemHttpResult>> DeleteSourceAsync(
        string source, PgvectorEvidenceStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // Routing decodes every escape in a path segment except %2F, so a source named "a/b" (sent as a%2Fb) arrives
        // still escaped there.
        source = source.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        if (SentenceRules.CheckSource(source) is { } reason)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["source"] = [reason] });
        }
        var deletion = await store.DeleteSourceAsync(source, cancellationToken);
        var extensions = new Dictionary<string, object?> { ["source"] = source };
        switch (deletion.Outcome)
        {
            case SourceDeletionOutcome.NotFound:
                return TypedResults.Problem(title: "Source not found", detail: $"The corpus has no evidence from the source '{source}'.",
                    statusCode: StatusCodes.Status404NotFound, extensions: extensions);
            case SourceDeletionOutcome.IngestionPending:
                return TypedResults.Problem(title: "Ingestion pending",
                    detail: $"An ingestion into the source '{source}' is queued or running; remove the source once it has finished.",
                    statusCode: StatusCodes.Status409Conflict, extensions: extensions);
            default:
                loggers.CreateLogger(typeof(EvidenceApi)).LogInformation(
                    "Removed source {Source}: {Sentences} sentences, {Documents} documents; corpus version {Version}",
                    source, deletion.Sentences, deletion.Documents, deletion.CorpusVersion);
                return TypedResults.Ok(new SourceRemoved(source, deletion.Sentences, deletion.Documents, deletion.CorpusVersion!.Value));
        }
    }
}

public sealed record EvidenceStats(long CorpusVersion, long TotalSentences, IReadOnlyList<SourceCount> Sources);

public sealed record EvidenceSearchResponse(string Query, string Model, long CorpusVersion, IReadOnlyList<EvidenceHit> Hits);

/// <summary>What removing a source took out of the corpus, and the corpus version after it.</summary>
public sealed record SourceRemoved(string Source, long Sentences, long Documents, long CorpusVersion);
