using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TruthGraph.Inference.Cache;

namespace TruthGraph.Inference.Hosting;

/// <summary>
/// A model that cannot be loaded is the service's problem, not the caller's, and may be fixed without a code change
/// (restore the file, pull it): 503 with the reason, never a 500. No Retry-After: waiting does not mend a file.
/// </summary>
public sealed class ModelUnavailableHandler(IProblemDetailsService problems, ILogger<ModelUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ModelLoadException failed)
        {
            return false;
        }
        logger.LogWarning("Model {ModelId} is unavailable: {Reason}", failed.ModelId, failed.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Model not available",
                Detail = failed.Message,
                Extensions = { ["model"] = failed.ModelId },
            },
        });
    }
}
