using Microsoft.AspNetCore.Http;

namespace TruthGraph.Inference.Hosting;

/// <summary>OpenAI's error object: what its clients read to say why a request failed.</summary>
public sealed record OpenAiError(string Message, string Type, string? Param, string? Code);

/// <summary>
/// Problems answered on <c>/v1/*</c> (the OpenAI-compatible endpoints) also carry OpenAI's <c>error</c> member, so that
/// an OpenAI client shows the reason ("Model 'x' is not in the model catalogue") where it would otherwise show only the
/// status code. The RFC 7807 members stay as they are: this adds a member, it replaces nothing.
/// </summary>
public static class OpenAiErrors
{
    public static void AddTo(ProblemDetailsContext context)
    {
        if (!context.HttpContext.Request.Path.StartsWithSegments("/v1"))
        {
            return;
        }
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (param, reasons) = FirstError(problem);
        var model = problem.Extensions.TryGetValue("model", out var value) ? value?.ToString() : null;
        var message = reasons ?? problem.Detail ?? problem.Title ?? $"The request failed with status {status}.";
        problem.Extensions["error"] = new OpenAiError(message, TypeOf(status), param ?? (model is null ? null : "model"), CodeOf(status, model));
    }

    /// <summary>The first field a validation problem names, without the JSON path's "$.", and its reasons.</summary>
    private static (string? Param, string? Reasons) FirstError(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        var errors = problem switch
        {
            HttpValidationProblemDetails { Errors.Count: > 0 } validation => validation.Errors,
            _ when problem.Extensions.TryGetValue("errors", out var named) && named is IDictionary<string, string[]> dictionary => dictionary,
            _ => null,
        };
        if (errors is null || errors.Count == 0)
        {
            return (null, null);
        }
        var (field, reasons) = errors.First();
        var param = field.StartsWith("$.", StringComparison.Ordinal) ? field[2..] : field;
        return (param, $"{param}: {string.Join(" ", reasons)}");
    }

    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => "authentication_error",
        StatusCodes.Status429TooManyRequests => "rate_limit_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };

    private static string? CodeOf(int status, string? model) => status switch
    {
        StatusCodes.Status404NotFound when model is not null => "model_not_found",
        StatusCodes.Status429TooManyRequests => "rate_limit_exceeded",
        StatusCodes.Status503ServiceUnavailable => "service_unavailable",
        _ => null,
    };
}
