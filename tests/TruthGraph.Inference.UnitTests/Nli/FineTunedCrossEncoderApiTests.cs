namespace TruthGraph.Inference.UnitTests.Nli;

/// <summary>
/// The shipped fine-tuned cross-encoder (models/nli-minilm-cross.json: package weights + adapter file, merged at load)
/// served by the real service: it loads on CPU through the cross-encoder path and its answers follow the text.
/// </summary>
[Collection(CpuHostCollection.Name)]
public sealed class FineTunedCrossEncoderApiTests(CpuHostFixture fixture)
{
    private const string Id = "nli-minilm-cross";

    [Fact]
    public async Task The_merged_adapter_model_is_served_and_reads_agreement_and_negation()
    {
        const string evidence = "Arctic sea ice has declined sharply over the past four decades.";
        using var response = await fixture.Host.Http.PostAsJsonAsync("/v1/nli", new
        {
            model = Id,
            pairs = new[]
            {
                new { premise = evidence, hypothesis = "Arctic sea ice has declined." },
                new { premise = evidence, hypothesis = "Arctic sea ice has not declined at all." },
            },
        });
        response.EnsureSuccessStatusCode();
        using var body = (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
        var data = body.RootElement.GetProperty("data").EnumerateArray()
            .Select(d => (Entailment: d.GetProperty("entailment").GetDouble(), Contradiction: d.GetProperty("contradiction").GetDouble(),
                Sum: d.GetProperty("entailment").GetDouble() + d.GetProperty("neutral").GetDouble() + d.GetProperty("contradiction").GetDouble()))
            .ToList();

        Assert.All(data, d => Assert.Equal(1, d.Sum, 1e-4));
        Assert.True(data[0].Entailment > data[1].Entailment, $"restated {data[0].Entailment:F3} vs negated {data[1].Entailment:F3}");
        Assert.True(data[1].Contradiction > data[0].Contradiction, $"negated {data[1].Contradiction:F3} vs restated {data[0].Contradiction:F3}");

        using var info = await fixture.Host.Http.GetFromJsonAsync<JsonDocument>($"/v1/models/{Id}");
        Assert.True(info!.RootElement.GetProperty("loaded").GetBoolean());
    }
}
