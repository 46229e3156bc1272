using System.Diagnostics;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Cache;

/// <summary>
/// What every request on a model records, however it reached the model: one request in the model's counters, and its
/// duration (queue wait and any load included) in the request-duration metric.
/// </summary>
public static class ModelRequest
{
    /// <summary>Runs <paramref name="run"/> on the model the cache holds under <paramref name="modelId"/>, loading it first if needed.</summary>
    /// <param name="notThisTask">Why a model that is not a <typeparamref name="TModel"/> cannot serve ("is not an NLI model").</param>
    /// <exception cref="ModelNotFoundException">No manifest has this id, or its model is not a <typeparamref name="TModel"/>.</exception>
    public static async Task<TResult> RunAsync<TModel, TResult>(ModelCache cache, InferenceTelemetry telemetry, string modelId,
        string notThisTask, Func<TModel, CancellationToken, Task<TResult>> run, CancellationToken cancellationToken)
        where TModel : class, ILoadedModel
    {
        var started = Stopwatch.GetTimestamp();
        // An unload between fetching the model and queueing on it disposes the model under us: fetch it again, once.
        for (var attempt = 0; ; attempt++)
        {
            var model = await cache.GetAsync(modelId, cancellationToken) as TModel
                ?? throw new ModelNotFoundException(modelId, notThisTask);
            try
            {
                // Runtime, not Describe: Describe also checks the files on disk, which no request should pay for.
                return await RunOnAsync(model, cache.Runtime(modelId), telemetry, started, run, cancellationToken);
            }
            catch (ObjectDisposedException) when (attempt == 0)
            {
            }
        }
    }

    /// <summary>Runs <paramref name="run"/> on a model already in hand (a bi-encoder head's encoder), recorded the same way.</summary>
    /// <param name="started">When the request began (<see cref="Stopwatch.GetTimestamp"/>).</param>
    public static async Task<TResult> RunOnAsync<TModel, TResult>(TModel model, ModelRuntime runtime, InferenceTelemetry telemetry,
        long started, Func<TModel, CancellationToken, Task<TResult>> run, CancellationToken cancellationToken)
        where TModel : ILoadedModel
    {
        runtime.Stats.RecordRequest();
        var result = await run(model, cancellationToken);
        telemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("truthgraph.model", model.Manifest.Id));
        return result;
    }
}
