using System.ClientModel;
using OpenAI;
using OpenAI.Embeddings;

namespace TruthGraph.Inference.UnitTests.Apis;

/// <summary>POST /v1/embeddings on the real service (CPU): the package encoder's vectors, OpenAI's client and wire format, and refused input.</summary>
[Collection(CpuHostCollection.Name)]
public sealed class EmbeddingsApiTests(CpuHostFixture fixture)
{
    [Fact]
    public async Task The_example_sentence_matches_the_package_encoder()
    {
        using var response = await fixture.Host.Http.PostAsJsonAsync("/v1/embeddings", new { input = "This is an example sentence", model = TestModels.MiniLm });
        response.EnsureSuccessStatusCode();
        using var body = (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
        var root = body.RootElement;
        var item = root.GetProperty("data").EnumerateArray().Single();
        var vector = item.GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()).ToArray();

        Assert.Equal("list", root.GetProperty("object").GetString());
        Assert.Equal("embedding", item.GetProperty("object").GetString());
        Assert.Equal(0, item.GetProperty("index").GetInt32());
        Assert.Equal(TestModels.MiniLm, root.GetProperty("model").GetString());
        Assert.Equal(384, vector.Length);
        Assert.Equal(7, root.GetProperty("usage").GetProperty("prompt_tokens").GetInt32()); // [CLS] this is an example sentence [SEP]
        Assert.Equal(7, root.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        var cosine = Vectors.Cosine(vector, PackageEncoder.Encode(["This is an example sentence"])[0]);
        Assert.True(cosine >= 0.9999, $"cosine {cosine}");
    }

    [Fact]
    public async Task A_batch_of_mixed_lengths_matches_the_package_encoder_and_single_requests()
    {
        var texts = SharedData.ClimateFeverEvidence().Where((_, i) => i % 29 == 0).Take(32).ToArray();
        var batch = await EmbedAsync(texts);

        Assert.Equal(texts.Length, batch.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            // Padding must not leak: the text alone gives the same vector as the text among longer ones.
            var alone = (await EmbedAsync([texts[i]]))[0];
            Assert.True(Vectors.Cosine(batch[i], alone) >= 0.99999, $"text {i} batch vs alone: {texts[i]}");
            // The package's own tokenizer mangles symbols such as ± and accents (ours follows Hugging Face), so it is a
            // fair reference only for plain ASCII text.
            if (texts[i].All(c => char.IsAsciiLetterOrDigit(c) || " .,'()-".Contains(c)))
            {
                var cosine = Vectors.Cosine(batch[i], PackageEncoder.Encode([texts[i]])[0]);
                Assert.True(cosine >= 0.9999, $"text {i} cosine {cosine}: {texts[i]}");
            }
        }
    }

    private async Task<float[][]> EmbedAsync(string[] texts)
    {
        using var response = await fixture.Host.Http.PostAsJsonAsync("/v1/embeddings", new { input = texts, model = TestModels.MiniLm });
        response.EnsureSuccessStatusCode();
        using var body = (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
        return body.RootElement.GetProperty("data").EnumerateArray()
            .OrderBy(d => d.GetProperty("index").GetInt32())
            .Select(d => d.GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()).ToArray()).ToArray();
    }

    [Fact]
    public async Task The_official_openai_client_gets_embeddings()
    {
        var client = new OpenAIClient(new ApiKeyCredential("not-needed"), new OpenAIClientOptions { Endpoint = new Uri(fixture.Host.Address, "/v1") });
        var embeddings = client.GetEmbeddingClient(TestModels.MiniLm);

        var one = await embeddings.GenerateEmbeddingAsync("This is an example sentence");
        var many = await embeddings.GenerateEmbeddingsAsync(["Sea levels are rising.", "Arctic sea ice is shrinking."]);

        var vector = one.Value.ToFloats().ToArray();
        Assert.Equal(384, vector.Length);
        Assert.True(Vectors.Cosine(vector, PackageEncoder.Encode(["This is an example sentence"])[0]) >= 0.9999);
        Assert.Equal(2, many.Value.Count);
        Assert.Equal(1, many.Value[1].Index);
        Assert.True(many.Value.Usage.InputTokenCount > 0);
        Assert.True(Vectors.Cosine(many.Value[0].ToFloats().ToArray(), many.Value[1].ToFloats().ToArray()) > 0.2);
    }

    [Fact]
    public async Task Too_many_texts_get_a_problem_naming_input()
    {
        using var response = await fixture.Host.Http.PostAsJsonAsync("/v1/embeddings", new { input = Enumerable.Repeat("x", 5000), model = TestModels.MiniLm });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "input");
    }

    [Fact]
    public async Task An_over_long_or_empty_text_gets_a_problem_naming_its_index()
    {
        using var tooLong = await fixture.Host.Http.PostAsJsonAsync("/v1/embeddings", new { input = new[] { "fine", new string('a', 25_000) } });
        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "input[1]");
        using var empty = await fixture.Host.Http.PostAsJsonAsync("/v1/embeddings", new { input = new[] { "" } });
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "input[0]");
    }

    [Fact]
    public async Task An_unknown_model_gets_404_problem_details()
    {
        using var response = await fixture.Host.Http.PostAsJsonAsync("/v1/embeddings", new { input = "x", model = "no-such-model" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
        Assert.Contains("no-such-model", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Models_list_reports_device_stats_and_settings()
    {
        using var _ = await fixture.Host.Http.PostAsJsonAsync("/v1/embeddings", new { input = new[] { "one", "two" } });
        using var models = (await fixture.Host.Http.GetFromJsonAsync<JsonDocument>("/v1/models"))!;
        var minilm = models.RootElement.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("id").GetString() == TestModels.MiniLm);

        Assert.True(minilm.GetProperty("available").GetBoolean());
        Assert.True(minilm.GetProperty("loaded").GetBoolean());
        Assert.Equal("cpu", minilm.GetProperty("device").GetString());
        Assert.Contains("Inference:Device=cpu", minilm.GetProperty("deviceReason").GetString());
        Assert.True(minilm.GetProperty("memoryBytes").GetInt64() > 50_000_000);
        Assert.True(minilm.GetProperty("batchSize").GetInt32() >= 1);
        var stats = minilm.GetProperty("stats");
        Assert.Equal(1, stats.GetProperty("loads").GetInt64());
        Assert.True(stats.GetProperty("items").GetInt64() >= 2);
        Assert.True(stats.GetProperty("tokens").GetInt64() >= 6);
        Assert.True(stats.GetProperty("loadMilliseconds").GetDouble() > 0);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), body.RootElement.ToString());
    }
}
