using Microsoft.ML.OnnxRuntime;
using TruthGraph.Inference.Nli;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.UnitTests.Nli;

/// <summary>
/// The test cross-encoder pulled from a local server into a temp cache, then served by the inference service on a real
/// socket: POST /v1/nli must give soft-max of the logits that a plain ONNX Runtime session computes on the same token
/// ids, and a batch must give what its pairs give one by one (padding changes nothing).
/// </summary>
public sealed class CrossEncoderApiTests : IDisposable
{
    private const string Id = "test-cross-encoder";

    private static readonly (string Premise, string Hypothesis)[] Pairs =
    [
        ("Global temperatures have risen by about 1.1 degrees since pre-industrial times.", "The planet is warming."),
        ("Arctic sea ice extent reached a record low in September 2012.", "Sea ice is growing."),
        ("CO2 traps heat.", "Carbon dioxide is a greenhouse gas that absorbs infrared radiation emitted by the surface of the Earth."),
        ("The sky is blue.", "Grass is green."),
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("truthgraph-cross-").FullName;

    [Fact]
    public async Task A_pulled_cross_encoder_answers_v1_nli_as_plain_onnx_runtime_does_batched_or_not()
    {
        await using var server = await ServeTestModelAsync();
        var (models, cache) = WriteUrlManifest(server);
        await ModelPuller.PullAsync(ModelCatalog.Load(models).Single(), cache, null, default);

        await using var host = await StartHostAsync(models, cache);
        (await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2))).Dispose();

        var batch = await ClassifyAsync(host, Pairs);
        var expected = Expected();
        // The head must discriminate, or equal probabilities everywhere would pass trivially.
        Assert.True(expected.SelectMany(p => p).Max() - expected.SelectMany(p => p).Min() > 0.05);
        for (var i = 0; i < Pairs.Length; i++)
        {
            var single = (await ClassifyAsync(host, [Pairs[i]]))[0];
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(expected[i][k], batch[i][k], 1e-4);
                Assert.Equal(single[k], batch[i][k], 1e-5);
            }
        }

        using var info = await host.Http.GetFromJsonAsync<JsonDocument>($"/v1/models/{Id}");
        Assert.True(info!.RootElement.GetProperty("available").GetBoolean());
        Assert.True(info.RootElement.GetProperty("loaded").GetBoolean());
        Assert.True(info.RootElement.GetProperty("stats").GetProperty("items").GetInt64() >= 2 * Pairs.Length);
    }

    [Fact]
    public async Task A_url_model_not_in_the_cache_is_unavailable_and_start_up_downloads_nothing()
    {
        await using var server = await ServeTestModelAsync();
        var (models, cache) = WriteUrlManifest(server);

        await using var host = await StartHostAsync(models, cache);
        (await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(1))).Dispose();

        using var info = await host.Http.GetFromJsonAsync<JsonDocument>($"/v1/models/{Id}");
        Assert.False(info!.RootElement.GetProperty("available").GetBoolean());
        Assert.Equal("not loaded", info.RootElement.GetProperty("state").GetString());
        using var refused = await host.Http.PostAsJsonAsync("/v1/nli", new { model = Id, pairs = new[] { new { premise = "a", hypothesis = "b" } } });
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("models pull", await refused.Content.ReadAsStringAsync());
        Assert.Empty(server.Ranges);
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFileSystemEntries(cache).Any());
    }

    private static Task<LocalFileServer> ServeTestModelAsync() => LocalFileServer.StartAsync(new()
    {
        ["model.onnx"] = CrossEncoderTestModel.Model,
        ["vocab.txt"] = CrossEncoderTestModel.Vocab,
    });

    private static Task<InferenceHost> StartHostAsync(string models, string cache) =>
        InferenceHost.StartAsync("Inference:Device=cpu", $"Inference:ModelsDirectory={models}", $"Inference:ModelCacheDirectory={cache}");

    private (string Models, string Cache) WriteUrlManifest(LocalFileServer server)
    {
        var models = Path.Combine(_root, "models");
        var cache = Path.Combine(_root, "cache");
        Directory.CreateDirectory(models);
        var model = CrossEncoderTestModel.Model;
        var vocab = CrossEncoderTestModel.Vocab;
        File.WriteAllText(Path.Combine(models, Id + ".json"), CrossEncoderTestModel.Manifest(Id,
            new { kind = "url", url = server.Url("model.onnx"), sha256 = CrossEncoderTestModel.Sha256(model), bytes = model.LongLength },
            new { kind = "url", url = server.Url("vocab.txt"), sha256 = CrossEncoderTestModel.Sha256(vocab) }));
        return (models, cache);
    }

    // [entailment, neutral, contradiction] per pair, as the API reports them.
    private static async Task<double[][]> ClassifyAsync(InferenceHost host, (string Premise, string Hypothesis)[] pairs)
    {
        using var response = await host.Http.PostAsJsonAsync("/v1/nli",
            new { model = Id, pairs = pairs.Select(p => new { premise = p.Premise, hypothesis = p.Hypothesis }) });
        response.EnsureSuccessStatusCode();
        using var body = (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
        Assert.Equal(Id, body.RootElement.GetProperty("model").GetString());
        return body.RootElement.GetProperty("data").EnumerateArray()
            .Select(d => new[] { d.GetProperty("entailment").GetDouble(), d.GetProperty("neutral").GetDouble(), d.GetProperty("contradiction").GetDouble() })
            .ToArray();
    }

    // Independent of the service's batching: one pair per run, a plain session, soft-max written out here.
    private static double[][] Expected()
    {
        using var vocab = new MemoryStream(CrossEncoderTestModel.Vocab);
        var tokenizer = BertWordPieceTokenizer.Create(vocab);
        using var session = new InferenceSession(CrossEncoderTestModel.Model);
        return Pairs.Select(pair =>
        {
            var input = tokenizer.EncodePair(pair.Premise, pair.Hypothesis, 128);
            long[] shape = [1, input.Length];
            using var ids = OrtValue.CreateTensorValueFromMemory(input.Ids.Select(i => (long)i).ToArray(), shape);
            using var mask = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, input.Length).ToArray(), shape);
            using var types = OrtValue.CreateTensorValueFromMemory(input.TypeIds.Select(i => (long)i).ToArray(), shape);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [ids, mask, types], ["logits"]);
            var logits = outputs[0].GetTensorDataAsSpan<float>().ToArray();
            var exp = logits.Select(l => Math.Exp(l - logits.Max())).ToArray();
            var p = exp.Select(e => e / exp.Sum()).ToArray();
            // The model's label order is contradiction, entailment, neutral.
            return new[] { p[1], p[2], p[0] };
        }).ToArray();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
