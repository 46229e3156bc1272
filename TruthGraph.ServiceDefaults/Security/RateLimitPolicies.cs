using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The rate-limit policies endpoints opt into: <see cref="Verify"/> for expensive open operations, <see cref="Admin"/>
/// for operations behind the API key. A refused request gets 429, a <c>Retry-After</c> header and a problem body.
/// </summary>
public static class RateLimitPolicies
{
    public const string Verify = "verify";
    public const string Admin = "admin";

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    public static TBuilder AddTruthGraphRateLimits<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var settings = builder.Configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(Verify, context => context.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("api-key holder")
                : RateLimitPartition.GetTokenBucketLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown address", _ => Bucket(settings.Verify)));
            limiter.AddPolicy(Admin, _ => RateLimitPartition.GetTokenBucketLimiter("admin", _ => Bucket(settings.Admin)));
        });
        return builder;
    }

    private static TokenBucketRateLimiterOptions Bucket(TokenBucketSettings bucket) => new()
    {
        TokenLimit = Math.Max(1, bucket.Burst),
        TokensPerPeriod = Math.Max(1, bucket.PermitsPerSecond),
        ReplenishmentPeriod = Period,
        // Refused at once rather than queued: a caller told when to come back holds no connection meanwhile.
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Period;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"The rate limit for this operation was reached; try again in {seconds} s.",
                Extensions = { ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
