using System.Diagnostics.Metrics;

namespace TruthGraph.Api.Ingestion;

/// <summary>Spans per job and per batch (embed, upsert), and counters the dashboard can chart.</summary>
public static class IngestionTelemetry
{
    public const string Name = "truthgraph.ingest";

    public static readonly ActivitySource ActivitySource = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> SentencesIngested =
        Meter.CreateCounter<long>("truthgraph.ingest.sentences", unit: "{sentence}", description: "Sentences processed by ingestion jobs");

    public static readonly Histogram<double> BatchDuration =
        Meter.CreateHistogram<double>("truthgraph.ingest.batch.duration", unit: "s", description: "Time to embed and store one batch");
}
