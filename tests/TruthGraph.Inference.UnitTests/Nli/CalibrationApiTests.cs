namespace TruthGraph.Inference.UnitTests.Nli;

/// <summary>
/// The calibration written into the NLI manifests by the API's <c>calibrate</c> command reaches clients: in full from
/// <c>GET /v1/models</c> (for the dashboard's reliability diagram), as method and temperature with every <c>POST /v1/nli</c>
/// answer (for the API to apply), while the scores themselves stay the uncalibrated ones the thresholds were tuned on.
/// </summary>
[Collection(CpuHostCollection.Name)]
public sealed class CalibrationApiTests(CpuHostFixture fixture)
{
    [Theory]
    [InlineData("nli-minilm-cross")]
    [InlineData("nli-minilm-head")]
    public async Task Models_lists_each_nli_models_calibration_with_its_reliability_diagram(string id)
    {
        using var info = await fixture.Host.Http.GetFromJsonAsync<JsonDocument>($"/v1/models/{id}");
        var calibration = info!.RootElement.GetProperty("calibration");

        Assert.Equal("temperature", calibration.GetProperty("method").GetString());
        Assert.InRange(calibration.GetProperty("temperature").GetDouble(), 0.05, 20);
        Assert.True(calibration.GetProperty("eceAfter").GetDouble() < calibration.GetProperty("eceBefore").GetDouble());
        var pairs = calibration.GetProperty("pairs").GetInt32();
        Assert.True(pairs > 100, $"{pairs} pairs");
        foreach (var diagram in new[] { "reliabilityBefore", "reliabilityAfter" })
        {
            var bins = calibration.GetProperty(diagram).EnumerateArray().ToList();
            Assert.Equal(pairs, bins.Sum(b => b.GetProperty("count").GetInt32()));
            Assert.All(bins, b => Assert.InRange(b.GetProperty("meanConfidence").GetDouble(), b.GetProperty("binLow").GetDouble(), b.GetProperty("binHigh").GetDouble()));
        }
    }

    [Fact]
    public async Task An_embedding_model_has_no_calibration()
    {
        using var info = await fixture.Host.Http.GetFromJsonAsync<JsonDocument>("/v1/models/all-minilm-l6-v2");

        Assert.Equal(JsonValueKind.Null, info!.RootElement.GetProperty("calibration").ValueKind);
    }

    [Fact]
    public async Task Nli_answers_carry_the_models_temperature_beside_uncalibrated_scores()
    {
        using var response = await fixture.Host.Http.PostAsJsonAsync("/v1/nli", new
        {
            model = "nli-minilm-head",
            pairs = new[] { new { premise = "Arctic sea ice has declined sharply.", hypothesis = "Arctic sea ice has declined." } },
        });
        response.EnsureSuccessStatusCode();
        using var body = (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
        var calibration = body.RootElement.GetProperty("calibration");
        using var info = await fixture.Host.Http.GetFromJsonAsync<JsonDocument>("/v1/models/nli-minilm-head");

        Assert.Equal("temperature", calibration.GetProperty("method").GetString());
        Assert.Equal(info!.RootElement.GetProperty("calibration").GetProperty("temperature").GetDouble(), calibration.GetProperty("temperature").GetDouble());
    }
}
