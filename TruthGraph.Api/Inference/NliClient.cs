using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace TruthGraph.Api.Inference;

public sealed record NliPair(
    string Premise,
    string Hypothesis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float[]? PremiseEmbedding = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float[]? HypothesisEmbedding = null);

public sealed record NliRequest(IReadOnlyList<NliPair> Pairs, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model = null);

/// <summary>
/// Scores per pair (offset-adjusted, uncalibrated: what the thresholds were tuned on), the verdict thresholds that were
/// tuned for the model that gave them, and the model's calibration (null when it has none).
/// </summary>
public sealed record NliResponse(string Model, IReadOnlyList<NliScore> Data, VerdictThresholds? VerdictThresholds,
    NliCalibration? Calibration = null);

public sealed record NliScore(int Index, string Label, double Entailment, double Neutral, double Contradiction);

/// <summary>What <c>GET /v1/models/{id}</c> says of an NLI model that the pipeline needs before scoring.</summary>
public sealed record ServedNliModel(VerdictThresholds? VerdictThresholds, string? Revision);

/// <summary>
/// Natural-language inference on (premise, hypothesis) pairs: HTTP client of <c>POST /v1/nli</c> on the inference
/// service (address by service discovery). Splits large inputs (a batch of claims times k evidence) into requests of
/// the size the service accepts.
/// </summary>
public sealed class HttpNliClient(HttpClient http, TimeProvider? time = null)
{
    public const int MaxPairsPerRequest = 256;

    // Thresholds and revision change only with a model's manifest or precision, i.e. a redeployed inference service: a few
    // minutes' reuse is safe, and saves a request per verification. Keyed by the service's address, since tests run
    // several side by side.
    private static readonly TimeSpan ServedModelLifetime = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<string, (ServedNliModel Model, DateTimeOffset Expires)> KnownModels = new();

    /// <summary>
    /// The verdict thresholds the model's manifest carries (null when none), known before any pair is scored: the
    /// relevance floor decides which evidence is worth an NLI pass at all; and the model's revision, which changes
    /// whenever the same id would answer differently (another adapter, offsets, thresholds, calibration or precision).
    /// </summary>
    public async Task<ServedNliModel> GetModelAsync(string modelId, CancellationToken cancellationToken)
    {
        var key = $"{http.BaseAddress}|{modelId}";
        if (KnownModels.TryGetValue(key, out var known) && known.Expires > Now)
        {
            return known.Model;
        }
        try
        {
            using var response = await http.GetAsync($"/v1/models/{Uri.EscapeDataString(modelId)}", cancellationToken);
            await InferenceErrors.ThrowIfFailedAsync(response, "NLI", cancellationToken);
            var model = await response.Content.ReadFromJsonAsync<ServedNliModel>(cancellationToken) ?? new ServedNliModel(null, null);
            KnownModels[key] = (model, Now + ServedModelLifetime);
            return model;
        }
        catch (Exception) when (known != default && !cancellationToken.IsCancellationRequested)
        {
            // With the inference service away, the model last seen still holds: cached verdicts stay answerable.
            return known.Model;
        }
    }

    private DateTimeOffset Now => (time ?? TimeProvider.System).GetUtcNow();

    /// <summary>
    /// Classifies each pair. Embeddings are optional: a bi-encoder NLI model uses them instead of encoding the
    /// texts again (evidence embeddings come straight from the database); a cross-encoder ignores them.
    /// </summary>
    public async Task<NliResponse> ClassifyAsync(IReadOnlyList<NliPair> pairs, string modelId, CancellationToken cancellationToken)
    {
        var scores = new List<NliScore>(pairs.Count);
        NliResponse? last = null;
        foreach (var chunk in pairs.Chunk(MaxPairsPerRequest))
        {
            using var response = await http.PostAsJsonAsync("/v1/nli", new NliRequest(chunk, modelId), cancellationToken);
            await InferenceErrors.ThrowIfFailedAsync(response, "NLI", cancellationToken);
            last = await response.Content.ReadFromJsonAsync<NliResponse>(cancellationToken)
                ?? throw new InferenceServiceException("The inference service answered /v1/nli with an empty body.");
            if (last.Data.Count != chunk.Length)
            {
                throw new InferenceServiceException($"The inference service scored {last.Data.Count} of {chunk.Length} pairs.");
            }
            scores.AddRange(last.Data.Select(s => s with { Index = scores.Count + s.Index }));
        }
        return last is null ? new NliResponse(modelId, [], null) : last with { Data = scores };
    }
}
