using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Nli;

namespace TruthGraph.Inference.Apis;

/// <summary><c>POST /v1/nli</c>: entailment / neutral / contradiction for (premise, hypothesis) pairs.</summary>
public static class NliApi
{
    public const string DefaultModel = "nli-minilm-cross";

    public static IEndpointRouteBuilder MapNliApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/nli", Classify).WithTags("NLI").WithName("ClassifyPairs")
            .WithSummary("Classify (premise, hypothesis) pairs as entailment, neutral or contradiction");
        return routes;
    }

    public static async Task<Results<Ok<NliResponse>, ValidationProblem, ProblemHttpResult>> Classify(
        NliRequest request, PairClassifier classifier, ModelCatalog catalog, ModelCache cache, IOptions<InferenceOptions> options,
        CancellationToken cancellationToken)
    {
        var modelId = RequestedModel.Id(request.Model, DefaultModel);
        var errors = Validate(request, options.Value);
        if (RequestedModel.ProblemUnlessOf(ModelTask.Nli, modelId, catalog, out var manifest) is { } unknown)
        {
            return unknown;
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The NLI request is not valid.");
        }
        // A model whose files are not here (url weights not pulled, or disabled) is known but cannot serve: say how to
        // fix it instead of failing the load with a 500.
        if (!cache.Describe(modelId).Available)
        {
            var cacheDirectory = options.Value.ResolvedModelCacheDirectory;
            var missing = ArtifactLoader.WhyUnavailable(manifest, cacheDirectory);
            return ModelProblems.Problem("Model not available",
                !manifest.Enabled ? $"Model '{modelId}' is disabled in its manifest."
                    : manifest.Weights.Kind == "url" ? $"Model '{modelId}' is not in the model cache; run `models pull {modelId}` on the inference host."
                    : $"Model '{modelId}' cannot be served: {missing}.",
                StatusCodes.Status503ServiceUnavailable, modelId);
        }

        NliResult result;
        try
        {
            var pairs = request.Pairs!.Select(p => new NliPairInput(p.Premise!, p.Hypothesis!, p.PremiseEmbedding, p.HypothesisEmbedding)).ToList();
            result = await classifier.ClassifyAsync(modelId, pairs, cancellationToken);
        }
        catch (NliInputException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [$"pairs[].{ex.Field}"] = [ex.Message] });
        }
        catch (ModelNotFoundException ex)
        {
            return ModelProblems.UnknownModel(ex.ModelId, RequestedModel.NotOf(ModelTask.Nli));
        }
        var data = result.Predictions.Select((p, i) => new NliScore(i, p.Label, p.Entailment, p.Neutral, p.Contradiction)).ToList();
        return TypedResults.Ok(new NliResponse(result.ModelId, data, result.Thresholds, result.Calibration));
    }

    private static Dictionary<string, string[]> Validate(NliRequest request, InferenceOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Pairs is null || request.Pairs.Count == 0)
        {
            errors["pairs"] = ["pairs must hold at least one {premise, hypothesis} pair."];
            return errors;
        }
        if (request.Pairs.Count > limits.MaxTextsPerRequest)
        {
            errors["pairs"] = [$"pairs holds {request.Pairs.Count} pairs; at most {limits.MaxTextsPerRequest} are allowed per request."];
            return errors;
        }
        for (var i = 0; i < request.Pairs.Count && errors.Count < 20; i++)
        {
            CheckText(errors, $"pairs[{i}].premise", request.Pairs[i].Premise, limits);
            CheckText(errors, $"pairs[{i}].hypothesis", request.Pairs[i].Hypothesis, limits);
        }
        return errors;
    }

    private static void CheckText(Dictionary<string, string[]> errors, string field, string? text, InferenceOptions limits)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = ["The text must not be empty."];
        }
        else if (text.Length > limits.MaxCharactersPerText)
        {
            errors[field] = [$"The text has {text.Length} characters; at most {limits.MaxCharactersPerText} are allowed."];
        }
    }
}

public sealed record NliRequest(IReadOnlyList<NliPairRequest>? Pairs, string? Model = null);

public sealed record NliPairRequest(string? Premise, string? Hypothesis, float[]? PremiseEmbedding = null, float[]? HypothesisEmbedding = null);

public sealed record NliScore(int Index, string Label, double Entailment, double Neutral, double Contradiction);

/// <summary>
/// Scores are the model's offset-adjusted probabilities, uncalibrated (what the verdict thresholds were tuned on);
/// <paramref name="Calibration"/> says how to turn them into the probabilities shown to users, when the model has one.
/// </summary>
public sealed record NliResponse(string Model, IReadOnlyList<NliScore> Data, VerdictThresholds? VerdictThresholds,
    NliCalibration? Calibration = null)
{
    public string Object => "list";
}
