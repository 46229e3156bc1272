using TruthGraph.Web.Security;

namespace TruthGraph.Web.Services;

/// <summary>
/// Typed client of the inference service's model catalogue: list, warm up, unload. Warm-up and unload carry the API key
/// only for a signed-in admin (<see cref="AdminSession"/>).
/// </summary>
public sealed class InferenceClient(HttpClient http, AdminSession admin)
{
    public async Task<IReadOnlyList<ModelView>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        (await http.GetFromJsonAsync<ModelListView>("/v1/models", cancellationToken))?.Data ?? [];

    public Task<ModelView> WarmUpAsync(string id, CancellationToken cancellationToken = default) => PostAsync(id, "warmup", cancellationToken);

    public Task<ModelView> UnloadAsync(string id, CancellationToken cancellationToken = default) => PostAsync(id, "unload", cancellationToken);

    private async Task<ModelView> PostAsync(string id, string action, CancellationToken cancellationToken)
    {
        using var request = await admin.AuthorizeAsync(new HttpRequestMessage(HttpMethod.Post, $"/v1/models/{Uri.EscapeDataString(id)}/{action}"));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        var model = await response.Content.ReadFromJsonAsync<ModelView>(cancellationToken)
            ?? throw new InvalidOperationException($"The inference service answered {action} with an empty body.");
        return model with
        {
            Replica = response.Headers.TryGetValues(Microsoft.Extensions.Hosting.ReplicaHeader.Name, out var replica) ? replica.FirstOrDefault() : null,
        };
    }
}
