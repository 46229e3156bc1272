using System.Net.Http.Headers;
using TruthGraph.Web.Security;

namespace TruthGraph.Web.Services;

/// <summary>
/// Typed client of the API's evidence corpus and ingestion endpoints (kept apart from verification). Uploads and
/// removals carry the API key only for a signed-in admin (<see cref="AdminSession"/>); anyone else's are refused by the API.
/// </summary>
public sealed class EvidenceApiClient(HttpClient http, AdminSession admin)
{
    public async Task<EvidenceStatsView> GetStatsAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<EvidenceStatsView>("/api/evidence/stats", cancellationToken)
        ?? throw new InvalidOperationException("The API answered /api/evidence/stats with an empty body.");

    /// <summary>Nearest sentences to <paramref name="query"/>; a 400 comes back as <see cref="ApiProblemException"/>.</summary>
    /// <param name="minSimilarity">the lowest cosine similarity a hit may have; -1 for none</param>
    public async Task<EvidenceSearchView> SearchAsync(string query, int k, double minSimilarity = -1, CancellationToken cancellationToken = default)
    {
        var floor = minSimilarity.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await http.GetAsync($"/api/evidence/search?q={Uri.EscapeDataString(query)}&k={k}&minSimilarity={floor}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<EvidenceSearchView>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered /api/evidence/search with an empty body.");
    }

    /// <summary>Stored sentences page by page, of one source (and one of its documents) or all.</summary>
    public async Task<EvidenceSentencePageView> ListSentencesAsync(string? source, string? document, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var query = $"/api/evidence/sentences?page={page}&pageSize={pageSize}"
                    + (source is null ? "" : $"&source={Uri.EscapeDataString(source)}")
                    + (document is null ? "" : $"&document={Uri.EscapeDataString(document)}");
        using var response = await http.GetAsync(query, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<EvidenceSentencePageView>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered /api/evidence/sentences with an empty body.");
    }

    /// <summary>
    /// Uploads a file as the multipart field <c>file</c>; <paramref name="format"/> null lets the API infer it from the
    /// file name. A 400 (every line bad, unknown format) or 413 comes back as <see cref="ApiProblemException"/>.
    /// </summary>
    /// <param name="source">the source the sentences go to (a line's own source wins); null for the API's default, <c>upload</c></param>
    public async Task<IngestionJobView> UploadAsync(Stream file, string fileName, string? format, string? source = null,
        CancellationToken cancellationToken = default)
    {
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        var parameters = new[] { ("format", format), ("source", source) }.Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}").ToList();
        var query = parameters.Count == 0 ? "/api/ingestions" : "/api/ingestions?" + string.Join('&', parameters);
        using var request = await admin.AuthorizeAsync(new HttpRequestMessage(HttpMethod.Post, query) { Content = content });
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<IngestionJobView>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered /api/ingestions with an empty body.");
    }

    public async Task<IngestionJobView> GetJobAsync(Guid id, CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<IngestionJobView>($"/api/ingestions/{id}", cancellationToken)
        ?? throw new InvalidOperationException($"The API answered /api/ingestions/{id} with an empty body.");

    /// <summary>Removes every sentence and document of <paramref name="source"/>; a 404 or 409 comes back as <see cref="ApiProblemException"/>.</summary>
    public async Task<SourceRemovedView> DeleteSourceAsync(string source, CancellationToken cancellationToken = default)
    {
        using var request = await admin.AuthorizeAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/evidence/sources/{Uri.EscapeDataString(source)}"));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<SourceRemovedView>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered the source removal with an empty body.");
    }
}
