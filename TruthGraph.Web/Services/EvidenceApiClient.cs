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
    public async Task<EvidenceSearchView> SearchAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"/api/evidence/search?q={Uri.EscapeDataString(query)}&k={k}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<EvidenceSearchView>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered /api/evidence/search with an empty body.");
    }

    /// <summary>
    /// Uploads a file as the multipart field <c>file</c>; <paramref name="format"/> null lets the API infer it from the
    /// file name. A 400 (every line bad, unknown format) or 413 comes back as <see cref="ApiProblemException"/>.
    /// </summary>
    public async Task<IngestionJobView> UploadAsync(Stream file, string fileName, string? format, CancellationToken cancellationToken = default)
    {
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        var query = format is null ? "/api/ingestions" : $"/api/ingestions?format={Uri.EscapeDataString(format)}";
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
