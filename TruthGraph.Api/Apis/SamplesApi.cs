using TruthGraph.Api.SampleData;

namespace TruthGraph.Api.Apis;

/// <summary>Sample claims for the dashboard, each with the verdict the sample corpus should give.</summary>
public static class SamplesApi
{
    private static readonly Lazy<IReadOnlyList<SampleClaim>> Claims = new(SampleDataFiles.ReadClaims);

    public static IEndpointRouteBuilder MapSamplesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/samples/claims", GetClaims).WithName("GetSampleClaims").WithTags("Samples")
            .WithSummary("Claims to try against the sample corpus, with their expected verdicts");
        return routes;
    }

    public static Ok<IReadOnlyList<SampleClaim>> GetClaims() => TypedResults.Ok(Claims.Value);
}
