using System.Net.ServerSentEvents;
using TruthGraph.Api.Performance;

namespace TruthGraph.Api.Inference;

/// <summary>
/// The inference service's performance endpoints: sweeps and profiles as server-sent event streams (progress, then a
/// result or an error), its process memory, profile files, and applying a batch size. Its HttpClient has no resilience
/// handler: a stream runs for minutes, and a retried POST would start a second measurement.
/// </summary>
public sealed class InferencePerfClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = PerfJobRepository.Json;

    public Task<SweepReport> SweepAsync(InferenceSweepRequest request, Action<InferenceProgress> progress, CancellationToken cancellationToken) =>
        StreamAsync<SweepReport>("/v1/sweeps", request, progress, cancellationToken);

    public Task<InferenceProfileReport> ProfileAsync(InferenceProfileRequest request, Action<InferenceProgress> progress, CancellationToken cancellationToken) =>
        StreamAsync<InferenceProfileReport>("/v1/profiles", request, progress, cancellationToken);

    public async Task<ProcessMemory> GetMemoryAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<ProcessMemory>("/v1/runtime", Json, cancellationToken)
        ?? throw new InferenceServiceException("The inference service answered /v1/runtime with an empty body.");

    public async Task<byte[]> GetProfileFileAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/v1/profiles/files/{Uri.EscapeDataString(name)}", cancellationToken);
        await InferenceErrors.ThrowIfFailedAsync(response, "profile file", cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InferenceModel>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var list = await http.GetFromJsonAsync<ModelList>("/v1/models", Json, cancellationToken)
                   ?? throw new InferenceServiceException("The inference service answered /v1/models with an empty body.");
        return list.Data;
    }

    /// <summary>Makes the batch size the model's on that device, now and after restarts (the inference service keeps it).</summary>
    public async Task<InferenceModel> ApplyBatchSizeAsync(string model, string device, int batchSize, string source, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"/v1/models/{Uri.EscapeDataString(model)}/tuned-batch-size",
            new TunedBatchSizeCall(batchSize, device, source), Json, cancellationToken);
        await InferenceErrors.ThrowIfFailedAsync(response, "tuned batch size", cancellationToken);
        return await response.Content.ReadFromJsonAsync<InferenceModel>(Json, cancellationToken)
               ?? throw new InferenceServiceException("The inference service answered the batch size change with an empty body.");
    }

    private async Task<T> StreamAsync<T>(string path, object request, Action<InferenceProgress> progress, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(request, request.GetType(), options: Json) };
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await InferenceErrors.ThrowIfFailedAsync(response, path, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            switch (item.EventType)
            {
                case "progress":
                    progress(JsonSerializer.Deserialize<InferenceProgress>(item.Data, Json)!);
                    break;
                case "result":
                    return JsonSerializer.Deserialize<T>(item.Data, Json)
                           ?? throw new InferenceServiceException($"The inference service sent an empty result for {path}.");
                case "error":
                    var error = JsonSerializer.Deserialize<StreamError>(item.Data, Json);
                    throw new InferenceServiceException($"The inference service failed {path}: {error?.Detail ?? item.Data}");
            }
        }
        // The stream ends without a result when the service stopped, or when we cancelled.
        cancellationToken.ThrowIfCancellationRequested();
        throw new InferenceServiceException($"The inference service closed the {path} stream without a result.");
    }

    private sealed record ModelList(IReadOnlyList<InferenceModel> Data);

    private sealed record StreamError(string Title, string Detail);
}
