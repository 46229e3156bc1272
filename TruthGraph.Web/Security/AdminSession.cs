using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace TruthGraph.Web.Security;

/// <summary>
/// Whether the user of this circuit (or request) is a signed-in admin, and so whether the typed clients may send the
/// API key. A circuit can invoke any handler whatever the markup shows, so the key itself is only handed out here.
/// </summary>
/// <remarks>
/// A circuit keeps the user it started with and never sees the cookie again, so an open page would stay admin after
/// its session ran out. The cookie it started from expired at most one session length later (sliding renewals need an
/// HTTP request, which a circuit does not make), so admin ends then; a reload picks up a renewed session.
/// </remarks>
public sealed class AdminSession(
    AuthenticationStateProvider authentication, AdminCredentials credentials,
    IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider time)
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public async Task<bool> IsAdminAsync() =>
        time.GetUtcNow() - _startedAt < cookies.Get(CookieAuthenticationDefaults.AuthenticationScheme).ExpireTimeSpan
        && (await authentication.GetAuthenticationStateAsync()).User.IsInRole(AdminDefaults.Role);

    /// <summary>The API key for an admin's request; null for anyone else, whose admin calls the services then refuse (401).</summary>
    public async Task<string?> ApiKeyAsync() => await IsAdminAsync() ? credentials.ApiKey : null;

    /// <summary>Adds the key to <paramref name="request"/> when the user is an admin.</summary>
    public async Task<HttpRequestMessage> AuthorizeAsync(HttpRequestMessage request)
    {
        if (await ApiKeyAsync() is { } key)
        {
            request.Headers.Add(ApiKeyDefaults.HeaderName, key);
        }
        return request;
    }
}
