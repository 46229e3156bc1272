namespace TruthGraph.Web.Services;

/// <summary>Typed client of the verification API, as the dashboard needs it.</summary>
public sealed class TruthGraphApiClient(HttpClient http)
{
    public async Task<ApiStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<ApiStatus>("/api/status", cancellationToken)
        ?? throw new InvalidOperationException("The API answered /api/status with an empty body.");

    public async Task<IReadOnlyList<SampleClaim>> GetSampleClaimsAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<SampleClaim>>("/api/samples/claims", cancellationToken) ?? [];

    public async Task<VerificationPageView> ListVerificationsAsync(int page, int pageSize, HistoryFilter filter, CancellationToken cancellationToken = default)
    {
        var query = $"/api/verifications?page={page}&pageSize={pageSize}{filter.ToQuery()}";
        using var response = await http.GetAsync(query, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<VerificationPageView>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered /api/verifications with an empty body.");
    }

    /// <summary>The API's CSV or JSON export of the verifications a filter covers, passed through to the browser as a file.</summary>
    public async Task<ExportedFile> ExportVerificationsAsync(string format, HistoryFilter filter, CancellationToken cancellationToken = default) =>
        await DownloadAsync($"/api/verifications/export?format={Uri.EscapeDataString(format)}{filter.ToQuery()}", cancellationToken);

    /// <summary>Every "this verdict is wrong" label with its verification (JSON lines).</summary>
    public async Task<ExportedFile> ExportVerdictLabelsAsync(CancellationToken cancellationToken = default) =>
        await DownloadAsync("/api/verifications/labels", cancellationToken);

    private async Task<ExportedFile> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new ExportedFile(content, response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "export");
    }

    /// <summary>Stores the verdict a user says a verification should have had; a 400 or 404 comes back as <see cref="ApiProblemException"/>.</summary>
    public async Task<VerdictFeedbackView> ReportWrongVerdictAsync(Guid verificationId, string expectedVerdict, string? comment,
        CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"/api/verifications/{verificationId}/feedback",
            new VerdictFeedbackRequestBody(expectedVerdict, comment), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<VerdictFeedbackView>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered the feedback with an empty body.");
    }

    /// <summary>A stored verification, or null when the API has none with this id.</summary>
    public async Task<VerificationView?> GetVerificationAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"/api/verifications/{id}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<VerificationView>(cancellationToken);
    }

    /// <summary>Verifies a claim; a 400 comes back as <see cref="ApiProblemException"/> with the API's reasons.</summary>
    /// <param name="nliModel">one of the API's selectable NLI models; null for its default</param>
    public async Task<VerificationView> VerifyAsync(string claim, int topK, string? nliModel = null, CancellationToken cancellationToken = default)
    {
        using var span = DashboardTelemetry.StartRoot(DashboardTelemetry.VerifyClaimSpan);
        span.Activity?.SetTag("truthgraph.top_k", topK);
        using var response = await http.PostAsJsonAsync("/api/verify", new VerifyRequestBody(claim, topK, nliModel), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        var result = await response.Content.ReadFromJsonAsync<VerificationView>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered /api/verify with an empty body.");
        span.Activity?.SetTag("truthgraph.verdict", result.Verdict);
        return result;
    }

    /// <summary>Verifies several claims in one call (<c>POST /api/verify/batch</c>); results come back in claim order.</summary>
    /// <param name="rootSpan">What the trace's root says this call is for (the sample check's or the batch page's).</param>
    public async Task<IReadOnlyList<VerificationView>> VerifyBatchAsync(IReadOnlyList<string> claims, int topK, string? nliModel = null,
        string rootSpan = DashboardTelemetry.VerifySamplesSpan, CancellationToken cancellationToken = default)
    {
        using var span = DashboardTelemetry.StartRoot(rootSpan);
        span.Activity?.SetTag("truthgraph.claims", claims.Count);
        using var response = await http.PostAsJsonAsync("/api/verify/batch", new VerifyBatchRequestBody(claims, topK, nliModel), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<List<VerificationView>>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered /api/verify/batch with an empty body.");
    }
}

/// <summary>An RFC 7807 answer from the API, turned into a message a person can read.</summary>
public sealed class ApiProblemException(string message) : Exception(message)
{
    public static async Task<ApiProblemException> FromAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            // The dashboard sends the key only for a signed-in admin, so a 401 means this user is not one (or the session ended).
            return new ApiProblemException("only a signed-in admin may do this: sign in as admin and try again.");
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string? detail = null;
        try
        {
            using var problem = System.Text.Json.JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (root.TryGetProperty("errors", out var errors))
            {
                detail = string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(v => v.GetString())));
            }
            else if (root.TryGetProperty("title", out var title))
            {
                detail = title.GetString();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a problem document (a proxy's error page, say): the status code is all there is to tell.
        }
        return new ApiProblemException(detail ?? $"The API answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }
}

/// <summary>The dashboard's view of <c>GET /api/status</c> (the API owns the contract; this mirrors the fields shown).</summary>
public sealed record ApiStatus(DatabaseStatus Database, VerificationModelsView? Verification);

public sealed record VerificationModelsView(string EmbeddingModel, string NliModel, IReadOnlyList<string>? SelectableNliModels = null);

public sealed record DatabaseStatus(
    string PostgresVersion, string? PgvectorVersion, string Mode, IReadOnlyList<string> HnswIndexes, IReadOnlyDictionary<string, long> RowCounts);
