using System.Diagnostics.Metrics;

namespace TruthGraph.Api.Verification;

/// <summary>
/// One activity source per pipeline stage, named after the stage, so a trace shows at a glance where a
/// verification spent its time; the meter records the same split as histograms.
/// </summary>
public static class VerificationTelemetry
{
    public static readonly ActivitySource Verify = new("truthgraph.verify");
    public static readonly ActivitySource Embed = new("truthgraph.embed");
    public static readonly ActivitySource Retrieve = new("truthgraph.retrieve");
    public static readonly ActivitySource Nli = new("truthgraph.nli");
    public static readonly ActivitySource Aggregate = new("truthgraph.aggregate");
    public static readonly ActivitySource Database = new("truthgraph.db");

    public static readonly Meter Meter = new("truthgraph.verify");

    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "truthgraph.verify.stage.duration", unit: "ms", description: "Time per verification stage (tag stage)");

    public static readonly Histogram<double> VerifyDuration = Meter.CreateHistogram<double>(
        "truthgraph.verify.duration", unit: "ms", description: "End-to-end time of a verification");

    public static readonly Counter<long> Verdicts = Meter.CreateCounter<long>(
        "truthgraph.verify.verdicts", description: "Verdicts given (tag verdict)");

    public static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "truthgraph.verify.cache.lookups", description: "Result-cache lookups (tag result = hit | miss)");
}
