namespace TruthGraph.Web.UnitTests.Components.Overview;

/// <summary>The Status page's model table and the Home page's overview, from answers shaped as the services give them.</summary>
public sealed class OverviewTests
{
    private static ModelView Model(string id, bool loaded, string? device = "cpu", bool available = true, string? loadError = null, int batchSize = 32,
        long? memory = null) =>
        new(id, id.StartsWith("nli", StringComparison.Ordinal) ? "nli" : "embedding", available, loaded ? "loaded" : "not-loaded", loaded, device,
            "no CUDA device", loadError, batchSize, false, 1, memory, new ModelStatsView(1, 120, 5, 50, 500, null));

    private static readonly IReadOnlyList<ModelView> Models =
    [
        Model("all-minilm-l6-v2", loaded: true, batchSize: 64, memory: 96L * 1024 * 1024),
        Model("nli-minilm-cross", loaded: false, device: null, batchSize: 16),
        Model("nli-broken", loaded: false, loadError: "the ONNX file is truncated"),
        Model("nli-missing", loaded: false, available: false),
    ];

    [Fact]
    public async Task Each_model_shows_its_health_device_and_batch_size()
    {
        await using var ctx = WebTestContext.Create();
        var table = ctx.Render<ModelHealthTable>(p => p.Add(c => c.Models, Models));

        var rows = table.FindAll("[data-testid=model-health-row]");
        Assert.Equal(["loaded", "not loaded", "error", "unavailable"], rows.Select(r => r.GetAttribute("data-health")));
        var embedder = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["all-minilm-l6-v2embedding", "loaded", "cpu", "64", "96 MiB"], embedder);
        Assert.Equal("—", rows[1].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Equal("the ONNX file is truncated", rows[2].QuerySelector(".mud-chip")!.GetAttribute("title"));
        Assert.Contains("mud-chip-color-error", rows[3].QuerySelector(".mud-chip")!.ClassName);
    }

    [Fact]
    public async Task The_home_overview_shows_the_corpus_the_models_and_links_each_recent_verification_to_history()
    {
        await using var ctx = WebTestContext.Create();
        var corpus = new EvidenceStatsView(7, 1_309, [new SourceCountView("sample", 309, 12), new SourceCountView("climate-fever", 1_000, 400)]);
        var first = Guid.Parse("0193a0de-0000-7000-8000-00000000000a");
        var recent = new List<VerificationSummaryView>
        {
            new(first, "Sound can travel through a vacuum.", "REFUTED", 0.91, Samples.Start),
            new(Guid.Parse("0193a0de-0000-7000-8000-00000000000b"), "Glaciers are retreating.", "SUPPORTED", 0.8, Samples.Start.AddMinutes(-1)),
        };

        var home = ctx.Render<HomeOverview>(p => p.Add(c => c.Corpus, corpus).Add(c => c.Models, Models).Add(c => c.Recent, recent));

        Assert.Equal("1,309 sentences", home.Find("[data-testid=home-corpus-sentences]").TextContent.Trim());
        Assert.Contains("412 documents from 2 sources", home.Find("[data-testid=home-corpus]").TextContent);
        Assert.Equal(4, home.FindAll("[data-testid=home-models] [data-testid=model-health-row]").Count);
        // The summary leaves the memory column out.
        Assert.Equal(4, home.Find("[data-testid=model-health] thead tr").Children.Length);
        var items = home.FindAll("[data-testid=home-recent-item]");
        Assert.Equal(2, items.Count);
        Assert.Equal($"history/{first}", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Sound can travel through a vacuum.", items[0].TextContent);
        Assert.Contains("REFUTED", items[0].QuerySelector("[data-testid=verdict-chip]")!.TextContent);
    }

    [Fact]
    public async Task A_stopped_service_blanks_only_its_own_card_and_an_empty_history_points_to_the_verify_page()
    {
        await using var ctx = WebTestContext.Create();
        var home = ctx.Render<HomeOverview>(p => p.Add(c => c.ModelsError, "Connection refused (inference:8080)")
            .Add(c => c.Corpus, new EvidenceStatsView(1, 309, [new SourceCountView("sample", 309, 12)])).Add(c => c.Recent, []));

        Assert.Contains("The inference service cannot be reached: Connection refused", home.Find("[data-testid=home-models]").TextContent);
        Assert.Contains("12 documents from 1 source", home.Find("[data-testid=home-corpus]").TextContent);
        Assert.Contains("Nothing verified yet", home.Find("[data-testid=home-recent]").TextContent);
        Assert.Equal("verify", home.Find("[data-testid=home-recent] a").GetAttribute("href"));
    }
}
