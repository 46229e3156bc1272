using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;

namespace TruthGraph.Inference.Apis;

/// <summary>OpenAI-compatible <c>POST /v1/embeddings</c>.</summary>
public static class EmbeddingsApi
{
    public const string DefaultModel = "all-minilm-l6-v2";

    public static IEndpointRouteBuilder MapEmbeddingsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/embeddings", CreateEmbeddings).WithTags("Embeddings").WithName("CreateEmbeddings")
            .WithSummary("Embed one text or a list of texts (OpenAI embeddings API)");
        return routes;
    }

    public static async Task<Results<Ok<EmbeddingResponse>, ValidationProblem, ProblemHttpResult>> CreateEmbeddings(
        EmbeddingRequest request, TextEmbedder embedder, ModelCatalog catalog, IOptions<InferenceOptions> options,
        CancellationToken cancellationToken)
    {
        var modelId = RequestedModel.Id(request.Model, DefaultModel);
        var errors = new Dictionary<string, string[]>();
        var texts = ReadInput(request.Input, options.Value, errors);
        var format = request.EncodingFormat ?? "float";
        if (format is not ("float" or "base64"))
        {
            errors["encoding_format"] = ["encoding_format must be 'float' or 'base64'."];
        }
        if (RequestedModel.ProblemUnlessOf(ModelTask.Embedding, modelId, catalog, out var manifest) is { } unknown)
        {
            return unknown;
        }
        if (request.Dimensions is { } dims && dims != manifest.Dimensions)
        {
            errors["dimensions"] = [$"Model '{manifest.Id}' gives {manifest.Dimensions} dimensions; it cannot give {dims}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The embeddings request is not valid.");
        }

        EmbeddingResult result;
        try
        {
            result = await embedder.EmbedAsync(modelId, texts!, cancellationToken);
        }
        catch (ModelNotFoundException ex)
        {
            return ModelProblems.UnknownModel(ex.ModelId, RequestedModel.NotOf(ModelTask.Embedding));
        }
        var data = result.Items.Select((item, index) => new EmbeddingData(index,
            format == "base64" ? Convert.ToBase64String(MemoryMarshal.AsBytes(item.Vector.AsSpan())) : item.Vector)).ToList();
        var tokens = result.PromptTokens;
        return TypedResults.Ok(new EmbeddingResponse(data, result.ModelId, new EmbeddingUsage(tokens, tokens)));
    }

    private static List<string>? ReadInput(JsonElement input, InferenceOptions limits, Dictionary<string, string[]> errors)
    {
        List<string> texts;
        switch (input.ValueKind)
        {
            case JsonValueKind.String:
                texts = [input.GetString()!];
                break;
            case JsonValueKind.Array when input.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                texts = input.EnumerateArray().Select(e => e.GetString()!).ToList();
                break;
            default:
                errors["input"] = ["input must be a string or an array of strings (token arrays are not supported)."];
                return null;
        }
        if (texts.Count == 0)
        {
            errors["input"] = ["input must hold at least one text."];
        }
        else if (texts.Count > limits.MaxTextsPerRequest)
        {
            errors["input"] = [$"input holds {texts.Count} texts; at most {limits.MaxTextsPerRequest} are allowed per request."];
        }
        for (var i = 0; i < texts.Count && errors.Count < 20; i++)
        {
            if (texts[i].Length == 0)
            {
                errors[$"input[{i}]"] = ["A text must not be empty."];
            }
            else if (texts[i].Length > limits.MaxCharactersPerText)
            {
                errors[$"input[{i}]"] = [$"The text has {texts[i].Length} characters; at most {limits.MaxCharactersPerText} are allowed."];
            }
        }
        return texts;
    }
}

public sealed record EmbeddingRequest
{
    /// <summary>A string or an array of strings.</summary>
    public JsonElement Input { get; init; }
    public string? Model { get; init; }
    [JsonPropertyName("encoding_format")] public string? EncodingFormat { get; init; }
    public int? Dimensions { get; init; }
    public string? User { get; init; }
}

/// <param name="Embedding">float[] or, with <c>encoding_format: base64</c>, the little-endian float32 bytes in base64.</param>
public sealed record EmbeddingData(int Index, object Embedding)
{
    public string Object => "embedding";
}

public sealed record EmbeddingUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens);

public sealed record EmbeddingResponse(IReadOnlyList<EmbeddingData> Data, string Model, EmbeddingUsage Usage)
{
    public string Object => "list";
}
