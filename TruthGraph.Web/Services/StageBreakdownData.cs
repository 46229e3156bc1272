namespace TruthGraph.Web.Services;

/// <summary>One row of an e2e run's stage table: milliseconds per verify call and the stage's share of the total (0–100).</summary>
public sealed record StageRow(string Stage, string Label, string CssClass, string Color, double MeanMs, double MedianMs, double P95Ms, double SharePercent);

/// <summary>
/// An e2e run's stages as the Performance page shows them: a table row per stage in pipeline order plus the total, and a
/// stacked bar per statistic (mean, median, p95) with one series per stage, coloured like the Verify page's breakdown.
/// </summary>
public sealed record StageBreakdownData(
    IReadOnlyList<StageRow> Rows, StageRow Total, IReadOnlyList<string> BarLabels, IReadOnlyList<(string Stage, double[] Values)> BarSeries,
    IReadOnlyList<string> Palette)
{
    public static readonly IReadOnlyList<string> Statistics = ["mean", "median", "p95"];

    // Pipeline order, the labels people read, and the colours of the .tg-stage-* classes in app.css.
    private static readonly (string Stage, string Label, string Css, string Color)[] Known =
    [
        ("embed", "embed", "tg-stage-embed", "#5e35b1"),
        ("retrieve", "retrieve", "tg-stage-retrieve", "#1e88e5"),
        ("nli", "NLI", "tg-stage-nli", "#fb8c00"),
        ("aggregate", "aggregate", "tg-stage-aggregate", "#00897b"),
        ("database", "database", "tg-stage-db", "#6d4c41"),
        ("overhead", "overhead", "tg-stage-other", "#bdbdbd"),
    ];

    /// <summary>Stages the API adds later (not in <see cref="Known"/>) are kept, after the known ones, in grey.</summary>
    public static StageBreakdownData From(IReadOnlyList<StageSummaryView> stages, StageSummaryView total)
    {
        var rows = stages
            .Select(s => (Summary: s, Position: Array.FindIndex(Known, k => string.Equals(k.Stage, s.Stage, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(x => x.Position < 0 ? int.MaxValue : x.Position)
            .Select(x => ToRow(x.Summary, x.Position < 0 ? (x.Summary.Stage, x.Summary.Stage, "tg-stage-other", "#9e9e9e") : Known[x.Position]))
            .ToList();
        var series = rows.Select(r => (r.Label, new[] { r.MeanMs, r.MedianMs, r.P95Ms })).ToList();
        return new StageBreakdownData(rows, ToRow(total, ("total", "total", "", "")), Statistics, series, rows.Select(r => r.Color).ToList());
    }

    private static StageRow ToRow(StageSummaryView s, (string Stage, string Label, string Css, string Color) look) =>
        new(s.Stage, look.Label, look.Css, look.Color, s.MeanMs, s.MedianMs, s.P95Ms, Math.Round(s.Share * 100, 1));
}
