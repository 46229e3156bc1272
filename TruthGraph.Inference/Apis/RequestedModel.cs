using Microsoft.AspNetCore.Http.HttpResults;
using TruthGraph.Inference.Models;

namespace TruthGraph.Inference.Apis;

/// <summary>The model a request asks for, as every endpoint that runs one reads it.</summary>
internal static class RequestedModel
{
    /// <summary>The request's model, or the endpoint's default when it names none.</summary>
    public static string Id(string? requested, string defaultModel) => string.IsNullOrWhiteSpace(requested) ? defaultModel : requested;

    /// <summary>Null when the catalogue has <paramref name="modelId"/> as a model of <paramref name="task"/>; else the 404 to answer.</summary>
    public static ProblemHttpResult? ProblemUnlessOf(ModelTask task, string modelId, ModelCatalog catalog, out ModelManifest manifest) =>
        catalog.TryGet(modelId, out manifest) && manifest.Task == task
            ? null
            : ModelProblems.UnknownModel(modelId, manifest is null ? "is not in the model catalogue" : NotOf(task));

    /// <summary>Why a model of another task cannot serve the request.</summary>
    public static string NotOf(ModelTask task) => task == ModelTask.Embedding ? "is not an embedding model" : "is not an NLI model";
}
