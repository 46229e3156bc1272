using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TruthGraph.Inference.Telemetry;

/// <summary>
/// Activity sources and instruments of the inference service. Names start with <c>truthgraph.</c>, which the
/// service defaults subscribe to. The meters come from <see cref="IMeterFactory"/> so that several hosts in one
/// process (tests) do not share instruments.
/// </summary>
public sealed class InferenceTelemetry : IDisposable
{
    public const string EmbedName = "truthgraph.embed";
    public const string InferenceName = "truthgraph.inference";
    public const string NliName = "truthgraph.nli";

    /// <summary>One span per ONNX batch: model, batch size, tokens, queue wait, device.</summary>
    public static readonly ActivitySource Embed = new(EmbedName);

    /// <summary>Model cache events: load, warm-up, unload.</summary>
    public static readonly ActivitySource Inference = new(InferenceName);

    /// <summary>One span per NLI request and per classified batch.</summary>
    public static readonly ActivitySource Nli = new(NliName);

    private readonly Meter _embedMeter;
    private readonly Meter _inferenceMeter;

    public InferenceTelemetry(IMeterFactory meterFactory)
    {
        _embedMeter = meterFactory.Create(EmbedName);
        _inferenceMeter = meterFactory.Create(InferenceName);
        BatchDuration = _embedMeter.CreateHistogram<double>("truthgraph.embed.batch.duration", "ms", "Time of one ONNX batch, tokenisation to pooled vectors");
        RequestDuration = _embedMeter.CreateHistogram<double>("truthgraph.embed.request.duration", "ms", "Time of one embedding request including queue wait");
        QueueWait = _embedMeter.CreateHistogram<double>("truthgraph.embed.queue.wait", "ms", "Time a request waited for its micro-batch");
        BatchSize = _embedMeter.CreateHistogram<int>("truthgraph.embed.batch.size", "{item}", "Items per ONNX batch");
        Items = _embedMeter.CreateCounter<long>("truthgraph.embed.items", "{item}", "Texts embedded");
        Tokens = _embedMeter.CreateCounter<long>("truthgraph.embed.tokens", "{token}", "Tokens run through the model, padding excluded");
        TruncatedItems = _embedMeter.CreateCounter<long>("truthgraph.embed.truncated", "{item}", "Texts cut to the model's max tokens");
        LoadDuration = _inferenceMeter.CreateHistogram<double>("truthgraph.inference.model.load.duration", "ms", "Time to load a model");
    }

    public Histogram<double> BatchDuration { get; }
    public Histogram<double> RequestDuration { get; }
    public Histogram<double> QueueWait { get; }
    public Histogram<int> BatchSize { get; }
    public Counter<long> Items { get; }
    public Counter<long> Tokens { get; }
    public Counter<long> TruncatedItems { get; }
    public Histogram<double> LoadDuration { get; }

    /// <summary>Memory gauges read from the cache at collection time.</summary>
    public void ObserveMemory(Func<IEnumerable<Measurement<long>>> perModelBytes)
    {
        _inferenceMeter.CreateObservableGauge("truthgraph.inference.model.memory", perModelBytes, "By", "Estimated memory of each loaded model");
        _inferenceMeter.CreateObservableGauge("truthgraph.inference.process.working_set", () => Environment.WorkingSet, "By", "Working set of the inference process");
    }

    public void Dispose()
    {
        _embedMeter.Dispose();
        _inferenceMeter.Dispose();
    }
}
