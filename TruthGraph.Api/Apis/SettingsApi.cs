namespace TruthGraph.Api.Apis;

/// <summary>Settings an admin changes while the service runs.</summary>
public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder routes)
    {
        var settings = routes.MapGroup("/api/settings").WithTags("Settings");
        settings.MapGet("/nli-model", GetNliModelAsync).WithName("GetDefaultNliModel")
            .WithSummary("The NLI model verification uses when a request names none, and whether an admin chose it");
        settings.MapPut("/nli-model", SetNliModelAsync).WithName("SetDefaultNliModel").RequireApiKey()
            .WithSummary("Choose which selectable NLI model verification uses by default (kept across restarts and replicas)");
        return routes;
    }

    public static async Task<Ok<DefaultNliModelView>> GetNliModelAsync(DefaultNliModel defaults, CancellationToken cancellationToken) =>
        TypedResults.Ok(await defaults.DescribeAsync(cancellationToken));

    public static async Task<Results<Ok<DefaultNliModelView>, ValidationProblem>> SetNliModelAsync(
        DefaultNliModelRequest request, DefaultNliModel defaults, IOptions<VerificationOptions> options, CancellationToken cancellationToken)
    {
        var selectable = options.Value.SelectableNliModels;
        if (string.IsNullOrWhiteSpace(request.NliModel) || !selectable.Contains(request.NliModel))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["nliModel"] = [$"nliModel must be one of the selectable NLI models: {string.Join(", ", selectable)}."],
            });
        }
        return TypedResults.Ok(await defaults.SetAsync(request.NliModel, cancellationToken));
    }
}
