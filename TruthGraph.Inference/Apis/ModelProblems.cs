using Microsoft.AspNetCore.Http.HttpResults;

namespace TruthGraph.Inference.Apis;

/// <summary>The problems the endpoints answer about a request's model, each naming the model in a <c>model</c> member.</summary>
internal static class ModelProblems
{
    /// <summary>404: the model cannot serve this endpoint (<paramref name="why"/>: "is not an NLI model", say).</summary>
    public static ProblemHttpResult UnknownModel(string modelId, string why) =>
        Problem("Unknown model", $"Model '{modelId}' {why}. GET /v1/models lists the models.", StatusCodes.Status404NotFound, modelId);

    public static ProblemHttpResult Problem(string title, string detail, int statusCode, string modelId) => TypedResults.Problem(
        title: title, detail: detail, statusCode: statusCode, extensions: new Dictionary<string, object?> { ["model"] = modelId });
}
