using System.Net.Http.Json;
using System.Text.Json.Serialization;
using TruthGraph.Api.Verification;

namespace TruthGraph.Api.Inference;

/// <summary>Natural-language inference on (premise, hypothesis) pairs, served by the inference service.</summary>
public interface INliClient
{
    /// <summary>
    /// Classifies each pair. Embeddings are optional: a bi-encoder NLI model uses them instead of encoding the
    /// texts again (evidence embeddings come straight from the database); a cross-encoder ignores them.
    /// </summary>
    Task<NliResponse> ClassifyAsync(IReadOnlyList<NliPair> pairs, string modelId, CancellationToken cancellationToken);
}

public sealed record NliPair(
    string Premise,
    string Hypothesis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float[]? PremiseEmbedding = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float[]? HypothesisEmbedding = null);

public sealed record NliRequest(IReadOnlyList<NliPair> Pairs, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model = null);

/// <summary>Scores per pair, and the verdict thresholds that were tuned for the model that gave them.</summary>
public sealed record NliResponse(string Model, IReadOnlyList<NliScore> Data, VerdictThresholds? VerdictThresholds);

public sealed record NliScore(int Index, string Label, double Entailment, double Neutral, double Contradiction);

/// <summary>
/// HTTP client of <c>POST /v1/nli</c> on the inference service (address by service discovery). Splits large inputs
/// (a batch of claims times k evidence) into requests of the size the service accepts.
/// </summary>
public sealed class HttpNliClient(HttpClient http) : INliClient
{
    public const int MaxPairsPerRequest = 256;

    public async Task<NliResponse> ClassifyAsync(IReadOnlyList<NliPair> pairs, string modelId, CancellationToken cancellationToken)
    {
        var scores = new List<NliScore>(pairs.Count);
        NliResponse? last = null;
        foreach (var chunk in pairs.Chunk(MaxPairsPerRequest))
        {
            using var response = await http.PostAsJsonAsync("/v1/nli", new NliRequest(chunk, modelId), cancellationToken);
            await InferenceErrors.ThrowIfFailedAsync(response, "NLI", cancellationToken);
            last = await response.Content.ReadFromJsonAsync<NliResponse>(cancellationToken)
                ?? throw new InferenceUnavailableException("The inference service answered /v1/nli with an empty body.");
            if (last.Data.Count != chunk.Length)
            {
                throw new InferenceUnavailableException($"The inference service scored {last.Data.Count} of {chunk.Length} pairs.");
            }
            scores.AddRange(last.Data.Select(s => s with { Index = scores.Count + s.Index }));
        }
        return last is null ? new NliResponse(modelId, [], null) : last with { Data = scores };
    }
}
