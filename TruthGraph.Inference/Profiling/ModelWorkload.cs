using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Nli;

namespace TruthGraph.Inference.Profiling;

/// <summary>
/// The items a measurement feeds a model, through the same entry points requests use (<see cref="TextEmbedder"/>,
/// <see cref="PairClassifier"/>). NLI pairs are premise i with hypothesis i; for a bi-encoder head they carry both
/// embeddings, as the verification pipeline sends them, so the head's own cost is what gets measured.
/// </summary>
public sealed class ModelWorkload
{
    private readonly string _modelId;
    private readonly string[]? _texts;
    private readonly NliPairInput[]? _pairs;
    private readonly TextEmbedder _embedder;
    private readonly PairClassifier _classifier;

    private ModelWorkload(string modelId, string[]? texts, NliPairInput[]? pairs, double meanWords, TextEmbedder embedder, PairClassifier classifier)
    {
        _modelId = modelId;
        _texts = texts;
        _pairs = pairs;
        MeanWords = meanWords;
        _embedder = embedder;
        _classifier = classifier;
    }

    /// <summary>"texts" or "pairs": what <see cref="Count"/> and the throughput figures count.</summary>
    public string Unit => _texts is not null ? "texts" : "pairs";

    public int Count => _texts?.Length ?? _pairs!.Length;

    public double MeanWords { get; }

    public static async Task<ModelWorkload> CreateAsync(ModelManifest manifest, IReadOnlyList<string> texts, IReadOnlyList<string>? hypotheses,
        TextEmbedder embedder, PairClassifier classifier, CancellationToken cancellationToken)
    {
        var words = texts.Average(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        if (manifest.Task == ModelTask.Embedding)
        {
            return new ModelWorkload(manifest.Id, texts.ToArray(), null, words, embedder, classifier);
        }
        // Without hypotheses, each text is paired with the next one: unrelated sentences, like most retrieved evidence.
        var others = hypotheses is { Count: > 0 } ? hypotheses : texts.Skip(1).Append(texts[0]).ToList();
        var pairs = texts.Select((t, i) => new NliPairInput(t, others[i % others.Count])).ToArray();
        if (manifest.Encoder is { } encoder)
        {
            var unique = pairs.SelectMany(p => new[] { p.Premise, p.Hypothesis }).Distinct(StringComparer.Ordinal).ToList();
            var vectors = await embedder.EmbedAsync(encoder, unique, cancellationToken);
            var byText = unique.Select((t, i) => (t, vectors.Items[i].Vector)).ToDictionary(x => x.t, x => x.Vector, StringComparer.Ordinal);
            pairs = pairs.Select(p => p with { PremiseEmbedding = byText[p.Premise], HypothesisEmbedding = byText[p.Hypothesis] }).ToArray();
        }
        return new ModelWorkload(manifest.Id, null, pairs, words, embedder, classifier);
    }

    /// <summary>Runs <paramref name="count"/> items as one request, starting at item <paramref name="start"/> and wrapping around.</summary>
    public Task RunAsync(int start, int count, CancellationToken cancellationToken) => _texts is not null
        ? _embedder.EmbedAsync(_modelId, Slice(_texts, start, count), cancellationToken)
        : _classifier.ClassifyAsync(_modelId, Slice(_pairs!, start, count), cancellationToken);

    private static T[] Slice<T>(T[] items, int start, int count)
    {
        var slice = new T[count];
        for (var i = 0; i < count; i++)
        {
            slice[i] = items[(start + i) % items.Length];
        }
        return slice;
    }
}
