using TruthGraph.Web.Security;

namespace TruthGraph.Web.Services;

/// <summary>The API's runtime settings: reading is open; changing carries the API key only for a signed-in admin.</summary>
public sealed class SettingsApiClient(HttpClient http, AdminSession admin)
{
    public async Task<DefaultNliModelView> GetDefaultNliModelAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<DefaultNliModelView>("/api/settings/nli-model", cancellationToken)
        ?? throw new InvalidOperationException("The API answered /api/settings/nli-model with an empty body.");

    /// <summary>A 400 (not a selectable model) or 401 (not an admin) comes back as <see cref="ApiProblemException"/> (which words the 401 for people).</summary>
    public async Task<DefaultNliModelView> SetDefaultNliModelAsync(string model, CancellationToken cancellationToken = default)
    {
        using var request = await admin.AuthorizeAsync(new HttpRequestMessage(HttpMethod.Put, "/api/settings/nli-model")
        {
            Content = JsonContent.Create(new DefaultNliModelRequestBody(model)),
        });
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<DefaultNliModelView>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered the NLI model setting with an empty body.");
    }
}

/// <summary>Which NLI model verification uses when a request names none; <paramref name="Source"/> is "configured" or "admin".</summary>
public sealed record DefaultNliModelView(string NliModel, string Source, IReadOnlyList<string> SelectableNliModels, DateTimeOffset? ChangedAt);

public sealed record DefaultNliModelRequestBody(string NliModel);
