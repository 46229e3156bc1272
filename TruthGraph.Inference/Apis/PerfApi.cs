using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Profiling;

namespace TruthGraph.Inference.Apis;

/// <summary>
/// Model-level performance tools, for the API service's jobs (which keep the history) and for operators:
/// <c>POST /v1/sweeps</c> and <c>POST /v1/profiles</c> answer with a server-sent event stream — <c>progress</c> events
/// (<see cref="PerfProgress"/>), then one <c>result</c> (<see cref="SweepReport"/> / <see cref="ProfileReport"/>) or one
/// <c>error</c> (<see cref="PerfStreamError"/>). Closing the stream cancels the work. Sampling files are served from
/// <c>/v1/profiles/files/{name}</c>; <c>/v1/runtime</c> reports this process's memory.
/// </summary>
public static partial class PerfApi
{
    public static IEndpointRouteBuilder MapPerfApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Performance");
        group.MapPost("/sweeps", Sweep).WithName("SweepBatchSizes").WithSummary("Measure a model at each batch size (server-sent events)").RequireApiKey();
        group.MapPost("/profiles", Profile).WithName("ProfileModels").WithSummary("Profile models and sample CPU stacks (server-sent events)").RequireApiKey();
        group.MapGet("/profiles/files/{name}", GetFile).WithName("GetProfileFile").WithSummary("A profile's .nettrace or .speedscope.json file");
        group.MapGet("/runtime", GetRuntime).WithName("GetRuntime").WithSummary("Memory of the inference process (and GPU)");
        return routes;
    }

    public static Results<ServerSentEventsResult<object>, ValidationProblem, ProblemHttpResult> Sweep(
        SweepRequest request, BatchSweeper sweeper, ModelCache cache, ModelCatalog catalog, IOptions<InferenceOptions> options,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var modelId = RequestedModel.Id(request.Model, EmbeddingsApi.DefaultModel);
        if (ModelProblem(modelId, cache, catalog) is { } problem)
        {
            return problem;
        }
        catalog.TryGet(modelId, out var model);
        if (PerfRequestValidator.PlanSweep(request, model, options.Value, out var errors) is not { } plan)
        {
            return TypedResults.ValidationProblem(errors, title: "The sweep request is not valid.");
        }
        var logger = logs.CreateLogger("TruthGraph.Inference.Sweeps");
        return TypedResults.ServerSentEvents(Stream((progress, ct) => sweeper.RunAsync(plan, progress, ct), logger, cancellationToken));
    }

    public static Results<ServerSentEventsResult<object>, ValidationProblem, ProblemHttpResult> Profile(
        ProfileRequest request, ModelProfiler profiler, ModelCache cache, ModelCatalog catalog, IOptions<InferenceOptions> options,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var ids = request.Models is { Count: > 0 } models ? models : [EmbeddingsApi.DefaultModel, NliApi.DefaultModel];
        foreach (var id in ids)
        {
            if (ModelProblem(id, cache, catalog) is { } problem)
            {
                return problem;
            }
        }
        var errors = PerfRequestValidator.Validate(request, options.Value);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The profile request is not valid.");
        }
        var plan = new ProfilePlan(ids.Select(id => catalog.All.Single(m => m.Id.Equals(id, StringComparison.OrdinalIgnoreCase)).Id).Distinct().ToList(),
            request.Texts!, request.Hypotheses, TimeSpan.FromSeconds(request.SecondsPerComponent ?? 1.5), request.Sample ?? true,
            TimeSpan.FromSeconds(request.SampleSeconds ?? 3));
        var logger = logs.CreateLogger("TruthGraph.Inference.Profiles");
        return TypedResults.ServerSentEvents(Stream((progress, ct) => profiler.RunAsync(plan, progress, ct), logger, cancellationToken));
    }

    public static Results<PhysicalFileHttpResult, ProblemHttpResult> GetFile(string name, IOptions<InferenceOptions> options)
    {
        var path = Path.Combine(options.Value.ResolvedProfilesDirectory, name);
        if (!FileName().IsMatch(name) || !File.Exists(path))
        {
            return TypedResults.Problem(title: "No such profile file", detail: $"'{name}' is not a sampling file of a profile run here.",
                statusCode: StatusCodes.Status404NotFound);
        }
        var json = name.EndsWith(".json", StringComparison.Ordinal);
        return TypedResults.PhysicalFile(path, json ? "application/json" : "application/octet-stream", name);
    }

    public static Ok<ProcessMemory> GetRuntime(GpuMemory gpu) => TypedResults.Ok(ModelProfiler.Runtime(gpu));

    // Progress reports land in a channel that the response drains; the work runs beside it so that a slow client
    // never slows the measurement, and the request's token (the client hanging up) cancels it.
    private static async IAsyncEnumerable<SseItem<object>> Stream<T>(
        Func<IProgress<PerfProgress>, CancellationToken, Task<T>> work, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : notnull
    {
        var channel = Channel.CreateUnbounded<SseItem<object>>();
        var progress = new ChannelProgress(channel.Writer);
        var running = Task.Run(async () =>
        {
            try
            {
                var result = await work(progress, cancellationToken);
                channel.Writer.TryWrite(new SseItem<object>(result, "result"));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Performance run failed");
                channel.Writer.TryWrite(new SseItem<object>(new PerfStreamError("The performance run failed.", ex.Message), "error"));
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);
        await foreach (var item in channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            yield return item;
        }
        await running;
    }

    private static ProblemHttpResult? ModelProblem(string modelId, ModelCache cache, ModelCatalog catalog)
    {
        if (!catalog.TryGet(modelId, out var manifest) || manifest.Task is not (ModelTask.Embedding or ModelTask.Nli))
        {
            return ModelProblems.Problem("Unknown model", $"Model '{modelId}' is not an embedding or NLI model of the catalogue.",
                StatusCodes.Status404NotFound, modelId);
        }
        return cache.Describe(modelId).Available
            ? null
            : ModelProblems.Problem("Model not available", $"Model '{modelId}' is disabled or not in the model cache (models pull {modelId}).",
                StatusCodes.Status503ServiceUnavailable, modelId);
    }

    [GeneratedRegex(@"^profile-[0-9A-Za-z-]+\.(nettrace|speedscope\.json)$")]
    private static partial Regex FileName();

    /// <summary>Writes at once, on the reporting thread (<see cref="Progress{T}"/> would post to the thread pool and reorder).</summary>
    private sealed class ChannelProgress(ChannelWriter<SseItem<object>> writer) : IProgress<PerfProgress>
    {
        public void Report(PerfProgress value) => writer.TryWrite(new SseItem<object>(value, "progress"));
    }
}
