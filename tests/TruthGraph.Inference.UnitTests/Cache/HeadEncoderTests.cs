using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Nli;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.UnitTests.Cache;

/// <summary>A bi-encoder head and the encoder the cache loads first and hands to it, with the real models.</summary>
public sealed class HeadEncoderTests
{
    private const string Head = "nli-minilm-head";

    private static readonly NliPairInput[] Pairs =
        [new("The glacier has lost half of its ice since 1950.", "The glacier is shrinking."), new("Sea ice grew last winter.", "The glacier is shrinking.")];

    [Fact]
    public async Task The_head_loads_its_encoder_first_counts_its_encoding_there_and_reloads_both_after_the_encoder_is_unloaded()
    {
        await using var models = new HeadAndEncoder();
        var (cache, classifier) = (models.Cache, models.Classifier);

        var first = await classifier.ClassifyAsync(Head, Pairs, CancellationToken.None);

        var encoder = cache.Describe(TestModels.MiniLm);
        Assert.True(encoder.Loaded);
        Assert.Equal(1, encoder.Stats.Requests); // the head's own encoding of the texts, as one request on the encoder
        Assert.Equal(3, encoder.Stats.Items); // three distinct texts

        Assert.True(await cache.UnloadAsync(TestModels.MiniLm));
        Assert.False(cache.Describe(Head).Loaded); // it held the encoder that just went

        var again = await classifier.ClassifyAsync(Head, Pairs, CancellationToken.None);
        Assert.Equal(first.Predictions, again.Predictions);
        Assert.Equal(2, cache.Describe(Head).Stats.Loads);
        Assert.Equal(2, cache.Describe(TestModels.MiniLm).Stats.Loads);
    }

    [Fact]
    public async Task Pairs_that_carry_both_embeddings_are_classified_as_when_the_head_encodes_the_texts()
    {
        await using var models = new HeadAndEncoder();
        var (cache, classifier) = (models.Cache, models.Classifier);
        var vectors = await models.Embedder.EmbedAsync(TestModels.MiniLm, Pairs.SelectMany(p => new[] { p.Premise, p.Hypothesis }).ToList(), CancellationToken.None);
        var withEmbeddings = Pairs.Select((p, i) => p with { PremiseEmbedding = vectors.Items[2 * i].Vector, HypothesisEmbedding = vectors.Items[2 * i + 1].Vector }).ToList();

        var fromTexts = await classifier.ClassifyAsync(Head, Pairs, CancellationToken.None);
        var requestsBefore = cache.Describe(TestModels.MiniLm).Stats.Requests;
        var fromEmbeddings = await classifier.ClassifyAsync(Head, withEmbeddings, CancellationToken.None);

        // The same vectors up to padding: the encoder ran these texts in other batches.
        Assert.Equal(fromTexts.Predictions.Select(p => p.Label), fromEmbeddings.Predictions.Select(p => p.Label));
        Assert.All(fromTexts.Predictions.Zip(fromEmbeddings.Predictions), p => Assert.Equal(p.First.Entailment, p.Second.Entailment, 1e-4));
        Assert.Equal(requestsBefore, cache.Describe(TestModels.MiniLm).Stats.Requests); // nothing left to encode
    }

    /// <summary>A cache of the real catalogue with both loaders, and the two ways requests reach it.</summary>
    private sealed class HeadAndEncoder : IAsyncDisposable
    {
        private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

        public HeadAndEncoder()
        {
            var settings = Options.Create(new InferenceOptions { Device = "cpu", ModelCacheDirectory = Directory.CreateTempSubdirectory("truthgraph-head-test-").FullName });
            var telemetry = new InferenceTelemetry(_services.GetRequiredService<IMeterFactory>());
            Cache = new ModelCache(new ModelCatalog(settings),
                [new EmbeddingModelLoader(settings, telemetry), new NliModelLoader(settings, telemetry)], settings, telemetry, NullLogger<ModelCache>.Instance);
            Classifier = new PairClassifier(Cache, telemetry);
            Embedder = new TextEmbedder(Cache, telemetry);
        }

        public ModelCache Cache { get; }
        public PairClassifier Classifier { get; }
        public TextEmbedder Embedder { get; }

        public async ValueTask DisposeAsync()
        {
            await Cache.DisposeAsync();
            await _services.DisposeAsync();
        }
    }
}
