using Microsoft.AspNetCore.Http.Features;

namespace TruthGraph.Api.Apis;

/// <summary>
/// Upload evidence as JSON lines, CSV, plain text or CLIMATE-FEVER JSON lines; it is ingested by a background job whose
/// progress (counts, rate, ETA, rejected lines) can be polled.
/// </summary>
public static class IngestionApi
{
    private const int MaxProblemLines = 50;

    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ingestions").WithTags("Ingestion");
        group.MapPost("/", CreateAsync).WithName("CreateIngestion").DisableAntiforgery().RequireApiKey()
            .WithSummary("Queue an upload (raw body, or multipart field 'file') for ingestion; format=jsonl|csv|text|climate-fever (needs the API key)");
        group.MapGet("/{id}", GetAsync).WithName("GetIngestion").WithSummary("Progress of one ingestion job");
        group.MapGet("/", ListAsync).WithName("ListIngestions").WithSummary("Recent ingestion jobs, newest first");
        return routes;
    }

    public static async Task<Results<Accepted<IngestionJobView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, IngestionSubmitter submitter, IngestionJobRepository jobs, HttpEmbeddingClient embeddings,
        IOptions<IngestionOptions> options, CancellationToken cancellationToken,
        string? format = null, string? source = null, string? model = null, string? title = null)
    {
        var limit = options.Value.MaxUploadBytes;
        if (request.ContentLength > limit)
        {
            await DiscardBodyAsync(request, limit, cancellationToken);
            return TooLarge(limit);
        }
        var upload = await ReadUploadAsync(request, limit, cancellationToken);
        if (upload is null)
        {
            return TooLarge(limit);
        }

        IngestionFormat resolvedFormat;
        if (format is not null)
        {
            if (!IngestionFormats.ByName.TryGetValue(format, out resolvedFormat))
            {
                return Invalid("format", $"'{format}' is not one of {string.Join(", ", IngestionFormats.ByName.Keys)}");
            }
        }
        else if (IngestionFormats.Infer(upload.ContentType, upload.FileName) is { } inferred)
        {
            resolvedFormat = inferred;
        }
        else
        {
            return Invalid("format", "is required: jsonl, csv, text or climate-fever (or send a matching Content-Type or file name)");
        }

        source ??= resolvedFormat == IngestionFormat.ClimateFever ? ClimateFeverParser.DefaultSource : "upload";
        if (SentenceRules.CheckSource(source) is { } badSource)
        {
            return Invalid("source", badSource);
        }
        if (title is not null && SentenceRules.CheckTitle(title) is { } badTitle)
        {
            return Invalid("title", badTitle);
        }
        if (upload.Bytes.Length == 0)
        {
            return Invalid("file", "is empty");
        }
        // Decoding would quietly turn bad bytes into U+FFFD and store that; the uploader should fix the file instead.
        if (Utf8Check.FirstInvalid(upload.Bytes) is { } bad)
        {
            return Invalid("file", $"is not valid UTF-8: line {bad.Line}, byte offset {bad.Offset}");
        }

        model ??= EmbeddingDefaults.ModelId;
        IReadOnlyList<EmbeddingModelInfo> models;
        try
        {
            models = await embeddings.ListModelsAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return TypedResults.Problem($"The inference service cannot be reached: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var known = models.FirstOrDefault(m => string.Equals(m.Id, model, StringComparison.Ordinal));
        if (known is null || !known.Available || known.Dimensions != EmbeddingDefaults.Dimensions)
        {
            var usable = models.Where(m => m.Available && m.Dimensions == EmbeddingDefaults.Dimensions).Select(m => m.Id);
            return Invalid("model", $"'{model}' is not an available {EmbeddingDefaults.Dimensions}-dimension embedding model; use one of: {string.Join(", ", usable)}");
        }

        var submission = await submitter.SubmitAsync(resolvedFormat, upload.Bytes, source, model, title, cancellationToken);
        if (submission.JobId is not { } id)
        {
            // Nothing to ingest: every line is listed, keyed by line and field, and no job is written.
            var errors = submission.Parsed.Errors.Take(MaxProblemLines)
                .GroupBy(e => $"line {e.Line}: {e.Field}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());
            if (errors.Count == 0)
            {
                errors["file"] = ["contains no evidence sentences"];
            }
            return TypedResults.ValidationProblem(errors, detail: "No line of the upload could be ingested.");
        }
        var job = await jobs.GetAsync(id, cancellationToken);
        return TypedResults.Accepted($"/api/ingestions/{id}", job);
    }

    public static async Task<Results<Ok<IngestionJobView>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string id, IngestionJobRepository jobs, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
        {
            return Invalid("id", "must be a job id (a GUID)");
        }
        return await jobs.GetAsync(jobId, cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : TypedResults.Problem(title: "Ingestion job not found", detail: $"No ingestion job has the id {jobId}.",
                statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["id"] = jobId });
    }

    public static async Task<Results<Ok<IReadOnlyList<IngestionJobView>>, ValidationProblem>> ListAsync(
        IngestionJobRepository jobs, CancellationToken cancellationToken, int limit = 20)
    {
        if (limit is < 1 or > 200)
        {
            return Invalid("limit", "must be between 1 and 200");
        }
        return TypedResults.Ok(await jobs.ListAsync(limit, cancellationToken));
    }

    /// <summary>
    /// How much of an oversized body is read (and thrown away) before answering 413. HTTP/1.1 clients that do not wait
    /// for "100 Continue" send the whole body before they read any answer; closing on them mid-body gives them a broken
    /// pipe instead of the reason. Past this much, the connection is closed all the same.
    /// </summary>
    private static long DrainLimit(long limit) => 2 * limit;

    /// <summary>Reads the file from a multipart form (field 'file') or the raw body; null when it exceeds the limit.</summary>
    private static async Task<Upload?> ReadUploadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // The service-wide body limit is sized for JSON requests; uploads get theirs, enforced while reading with a clear answer.
            size.MaxRequestBodySize = DrainLimit(limit);
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                return new Upload([], null, null);
            }
            if (file.Length > limit)
            {
                return null;
            }
            await using var fileStream = file.OpenReadStream();
            var fileBytes = await ReadLimitedAsync(fileStream, limit, DrainLimit(limit), cancellationToken);
            return fileBytes is null ? null : new Upload(fileBytes, file.ContentType, file.FileName);
        }
        var bytes = await ReadLimitedAsync(request.Body, limit, DrainLimit(limit), cancellationToken);
        return bytes is null ? null : new Upload(bytes, request.ContentType, null);
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes; past it, reads on to <paramref name="drain"/> without keeping anything, and returns null.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, long limit, long drain, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total <= drain && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total <= limit)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        return total > limit ? null : buffer.ToArray();
    }

    /// <summary>Lets a client that announced an oversized body finish sending it, when it is not too large, so it can read the 413.</summary>
    private static async Task DiscardBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        // A client that waits for "100 Continue" has sent nothing yet: answering now spares it the upload.
        var waitsForContinue = request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase);
        if (waitsForContinue || request.ContentLength > DrainLimit(limit))
        {
            return;
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = DrainLimit(limit);
        }
        await ReadLimitedAsync(request.Body, 0, DrainLimit(limit), cancellationToken);
    }

    private static ProblemHttpResult TooLarge(long limit)
    {
        var reason = $"is larger than the limit of {limit / (1024 * 1024)} MB (setting Ingestion:MaxUploadBytes)";
        return TypedResults.Problem($"The upload {reason}.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [reason] } });
    }

    private static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });

    private sealed record Upload(byte[] Bytes, string? ContentType, string? FileName);
}

/// <summary>Settings under "Ingestion".</summary>
public sealed class IngestionOptions
{
    /// <summary>The whole upload is held in memory (and stored with its job), so the limit stays well below the process's means.</summary>
    public long MaxUploadBytes { get; set; } = 32L * 1024 * 1024;
    public int BatchSize { get; set; } = 128;
}
