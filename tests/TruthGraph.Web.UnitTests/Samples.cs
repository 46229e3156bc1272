namespace TruthGraph.Web.UnitTests;

/// <summary>Results and traces shaped as the API returns them, built in code so every test states the numbers it checks.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static EvidenceView Evidence(string text, string label, double entailment, double neutral, double contradiction) =>
        new(Id: text.Length, Source: "sample", ExternalId: $"s-{text.Length}", Text: text, Similarity: 0.71,
            Entailment: entailment, Neutral: neutral, Contradiction: contradiction, Label: label);

    public static VerificationView Verification(IReadOnlyList<EvidenceView> evidence, string verdict = "SUPPORTED", double confidence = 0.82,
        bool cached = false, string? traceId = null) =>
        new(Guid.Parse("0193a0de-0000-7000-8000-000000000001"), "Glaciers are retreating worldwide.", verdict, confidence, evidence,
            new TimingsView(EmbedMs: 10, RetrieveMs: 20, NliMs: 40, AggregateMs: 5, DbMs: 15, TotalMs: 100, OverheadMs: 10),
            new ModelsView("all-minilm-l6-v2", "nli-head"), cached, Start, traceId);

    public static TraceSpan Span(string id, string? parent, string name, string source, double offsetMs, double durationMs,
        string service = "api", IReadOnlyDictionary<string, string>? tags = null) =>
        new(TraceId, id, parent, name, source, service, "internal", Start.AddMilliseconds(offsetMs), durationMs, "unset", null,
            tags ?? new Dictionary<string, string>(), offsetMs);

    public const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static TraceDetail Trace(double durationMs, params TraceSpan[] spans) =>
        new(TraceId, spans[0].Name, Start, durationMs, spans.Select(s => s.Service).Distinct().ToList(), spans, []);
}
