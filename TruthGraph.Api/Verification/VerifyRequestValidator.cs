using System.Globalization;

namespace TruthGraph.Api.Verification;

/// <summary>Checks verification requests and names each offending field, so clients get a 400 they can act on.</summary>
public static class VerifyRequestValidator
{
    public static Dictionary<string, string[]> Validate(VerifyRequest request, VerificationOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        AddClaimErrors(errors, "claim", request.Claim, options);
        AddSearchErrors(errors, request.TopK, request.MinSimilarity, options);
        AddModelErrors(errors, request.NliModel, options);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(VerifyBatchRequest request, VerificationOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Claims is null || request.Claims.Count == 0)
        {
            errors["claims"] = ["At least one claim is required."];
        }
        else if (request.Claims.Count > options.MaxBatchClaims)
        {
            errors["claims"] = [$"A batch holds at most {options.MaxBatchClaims} claims; this one has {request.Claims.Count}."];
        }
        else
        {
            for (var i = 0; i < request.Claims.Count; i++)
            {
                AddClaimErrors(errors, string.Create(CultureInfo.InvariantCulture, $"claims[{i}]"), request.Claims[i], options);
            }
        }
        AddSearchErrors(errors, request.TopK, request.MinSimilarity, options);
        AddModelErrors(errors, request.NliModel, options);
        return errors;
    }

    private static void AddModelErrors(Dictionary<string, string[]> errors, string? nliModel, VerificationOptions options)
    {
        if (nliModel is not null && !options.SelectableNliModels.Contains(nliModel, StringComparer.Ordinal))
        {
            errors["nliModel"] = [$"nliModel must be one of {string.Join(", ", options.SelectableNliModels)}; it was '{nliModel}'."];
        }
    }

    private static void AddClaimErrors(Dictionary<string, string[]> errors, string field, string? claim, VerificationOptions options)
    {
        if (string.IsNullOrWhiteSpace(claim))
        {
            errors[field] = ["The claim is empty."];
        }
        else if (claim.Length > options.MaxClaimLength)
        {
            errors[field] = [$"The claim has {claim.Length} characters; at most {options.MaxClaimLength} are allowed."];
        }
        else if (SentenceRules.HasControlCharacters(claim, allowWhitespace: true))
        {
            errors[field] = ["The claim contains control characters."];
        }
    }

    private static void AddSearchErrors(Dictionary<string, string[]> errors, int? topK, double? minSimilarity, VerificationOptions options)
    {
        if (topK is { } k && (k < 1 || k > options.MaxTopK))
        {
            errors["topK"] = [$"topK must be between 1 and {options.MaxTopK}; it was {k}."];
        }
        if (minSimilarity is { } s && (double.IsNaN(s) || s < -1 || s > 1))
        {
            errors["minSimilarity"] = ["minSimilarity must be a cosine similarity between -1 and 1."];
        }
    }
}
