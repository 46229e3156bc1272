namespace TruthGraph.Web.Services;

/// <summary>Typed client of the inference service's model catalogue: list, warm up, unload.</summary>
public sealed class InferenceClient(HttpClient http)
{
    public async Task<IReadOnlyList<ModelView>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        (await http.GetFromJsonAsync<ModelListView>("/v1/models", cancellationToken))?.Data ?? [];

    public Task<ModelView> WarmUpAsync(string id, CancellationToken cancellationToken = default) => PostAsync(id, "warmup", cancellationToken);

    public Task<ModelView> UnloadAsync(string id, CancellationToken cancellationToken = default) => PostAsync(id, "unload", cancellationToken);

    private async Task<ModelView> PostAsync(string id, string action, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"/v1/models/{Uri.EscapeDataString(id)}/{action}", null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        return await response.Content.ReadFromJsonAsync<ModelView>(cancellationToken)
            ?? throw new InvalidOperationException($"The inference service answered {action} with an empty body.");
    }
}
