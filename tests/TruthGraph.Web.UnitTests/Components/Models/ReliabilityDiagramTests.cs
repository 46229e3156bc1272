using TruthGraph.Web.Components.Models;

namespace TruthGraph.Web.UnitTests.Components.Models;

/// <summary>The Models page's reliability diagram: ECE before and after, and one plotted point per non-empty bin.</summary>
public sealed class ReliabilityDiagramTests
{
    private static readonly CalibrationView Calibration = new("temperature", 1.7567, 0.1305, 0.0531, 730,
        "146 held-out CLIMATE-FEVER train claims",
        [new(0.8, 0.8667, 99, 0.831, 0.667), new(0.9333, 1, 155, 0.962, 0.781), new(0.3333, 0.4, 0, 0, 0)],
        [new(0.4, 0.4667, 69, 0.439, 0.536), new(0.6, 0.6667, 118, 0.633, 0.661)]);

    [Fact]
    public async Task It_shows_the_ece_before_and_after_with_the_temperature_and_pair_count()
    {
        await using var ctx = WebTestContext.Create();
        var diagram = ctx.Render<ReliabilityDiagram>(p => p.Add(c => c.ModelId, "nli-minilm-cross").Add(c => c.Calibration, Calibration));

        Assert.Equal("0.131", diagram.Find("[data-testid=ece-before]").TextContent);
        Assert.Equal("0.053", diagram.Find("[data-testid=ece-after]").TextContent);
        var ece = diagram.Find("[data-testid=calibration-ece]").TextContent;
        Assert.Contains("T = 1.76", ece);
        Assert.Contains("730 held-apart pairs", ece);
        Assert.Contains("Fitted on 146 held-out CLIMATE-FEVER train claims.", diagram.Markup);
    }

    [Fact]
    public async Task It_plots_each_non_empty_bin_at_its_mean_confidence_and_accuracy_beside_the_diagonal()
    {
        await using var ctx = WebTestContext.Create();
        var diagram = ctx.Render<ReliabilityDiagram>(p => p.Add(c => c.ModelId, "nli-minilm-head").Add(c => c.Calibration, Calibration));

        var chart = diagram.Find("[data-testid=reliability-chart]");
        Assert.Equal("0.831,0.667;0.962,0.781", chart.GetAttribute("data-before")); // the empty bin is left out
        Assert.Equal("0.439,0.536;0.633,0.661", chart.GetAttribute("data-after"));
        Assert.NotNull(chart.QuerySelector("svg"));
        Assert.True(chart.QuerySelectorAll("svg circle").Length >= 4, diagram.Markup);
        Assert.Equal(3, chart.QuerySelectorAll(".mud-chart-legend-item").Length);
        Assert.Contains("perfect calibration", chart.TextContent);
        Assert.Equal("nli-minilm-head", diagram.Find("[data-testid=reliability-diagram]").GetAttribute("data-model"));
    }

    [Fact]
    public async Task The_section_draws_a_diagram_only_for_models_with_a_calibration()
    {
        await using var ctx = WebTestContext.Create();
        var stats = new ModelStatsView(0, null, 0, 0, 0, null);
        ModelView[] models =
        [
            new("all-minilm-l6-v2", "embedding", true, "loaded", true, "cpu", null, null, 32, true, 1, null, stats),
            new("nli-minilm-cross", "nli", true, "loaded", true, "cpu", null, null, 32, true, 1, null, stats, Calibration: Calibration),
        ];

        var section = ctx.Render<CalibrationSection>(p => p.Add(c => c.Models, models));

        Assert.Equal(["nli-minilm-cross"], section.FindAll("[data-testid=reliability-diagram]").Select(d => d.GetAttribute("data-model")));
        var none = ctx.Render<CalibrationSection>(p => p.Add(c => c.Models, models[..1]));
        Assert.Empty(none.FindAll("[data-testid=calibration-section]"));
    }
}
