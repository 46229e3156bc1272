using System.Diagnostics;
using TruthGraph.Inference.Batching;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Telemetry;

/// <summary>
/// The span, metrics and stats of one tokenized ONNX batch, shared by the encoder-shaped models (embeddings,
/// cross-encoders) so that both report the same tags and counters.
/// </summary>
public static class TokenBatchTelemetry
{
    /// <summary>
    /// A root span linked to each caller's span: a coalesced batch serves several requests, so it has no single parent.
    /// </summary>
    public static Activity? Start(ActivitySource source, string name, IReadOnlyList<BatchMember> members) =>
        source.StartActivity(name, ActivityKind.Internal, parentContext: default,
            links: members.Where(m => m.Caller != default).Select(m => new ActivityLink(m.Caller)));

    public static void Complete(Activity? activity, InferenceTelemetry telemetry, ModelRuntime runtime, string modelId, string device,
        TokenizedInput[] inputs, IReadOnlyList<BatchMember> members, PaddedTokenRuns.BatchCost cost, TimeSpan elapsed)
    {
        long tokens = 0;
        var truncated = 0;
        foreach (var input in inputs)
        {
            tokens += input.Length;
            truncated += input.Truncated ? 1 : 0;
        }
        var maxWait = members.Count > 0 ? members.Max(m => m.QueueWait) : TimeSpan.Zero;
        if (activity is not null)
        {
            activity.SetTag("truthgraph.model", modelId);
            activity.SetTag("truthgraph.device", device);
            activity.SetTag("truthgraph.batch.size", inputs.Length);
            activity.SetTag("truthgraph.batch.requests", members.Count);
            activity.SetTag("truthgraph.batch.runs", cost.Runs);
            activity.SetTag("truthgraph.batch.tokens", tokens);
            activity.SetTag("truthgraph.batch.padded_tokens", cost.PaddedTokens);
            activity.SetTag("truthgraph.batch.truncated", truncated);
            activity.SetTag("truthgraph.queue.wait_ms", maxWait.TotalMilliseconds);
        }
        var modelTag = new KeyValuePair<string, object?>("truthgraph.model", modelId);
        var deviceTag = new KeyValuePair<string, object?>("truthgraph.device", device);
        telemetry.BatchDuration.Record(elapsed.TotalMilliseconds, modelTag, deviceTag);
        telemetry.BatchSize.Record(inputs.Length, modelTag, deviceTag);
        telemetry.Items.Add(inputs.Length, modelTag);
        telemetry.Tokens.Add(tokens, modelTag);
        if (truncated > 0)
        {
            telemetry.TruncatedItems.Add(truncated, modelTag);
        }
        foreach (var member in members)
        {
            telemetry.QueueWait.Record(member.QueueWait.TotalMilliseconds, modelTag);
        }
        runtime.Stats.RecordBatch(inputs.Length, tokens, truncated, cost.Runs);
    }
}
